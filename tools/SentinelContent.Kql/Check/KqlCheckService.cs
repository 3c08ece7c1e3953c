using System.Text.Json;
using System.Text.Json.Serialization;
using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Syntax;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Check;

/// <summary>
/// The machine interface of `sentinelctl kql check`: reads JSON lines {"id","query"} and writes one
/// JSON line per input line in the shape the official oracle prints:
/// {"id","syntaxErrors":[{"code","message","start","length"}],"errors":[...],"warnings":[...],"columns":[{"name","type"}]}.
/// errors holds the syntax errors and the binder's semantic errors, warnings the binder's warnings,
/// and columns the result schema when the query yields a table whose schema the binder knows (else null).
/// A malformed input line yields an error object for that line; the run goes on.
/// </summary>
public sealed class KqlCheckService(BindingContext? context = null)
{
    private readonly BindingContext _context = context ?? BindingContext.Default;

    /// <summary>The code reported for an input line that is not a valid {"id","query"} object.</summary>
    public static string BadInputCode => KqlSyntaxDiagnostics.BadCheckInput.Code;

    private static readonly JsonSerializerOptions s_options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Checks every line of <paramref name="input"/>; returns the number of queries with errors.</summary>
    public int Check(TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);

        var failing = 0;
        string? line;
        var lineNumber = 0;
        while ((line = input.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var result = CheckLine(line, lineNumber);
            if (result.Errors.Count > 0) failing++;
            output.WriteLine(JsonSerializer.Serialize(result, s_options));
        }

        output.Flush();
        return failing;
    }

    /// <summary>Checks one query against the built-in schemas.</summary>
    public static KqlCheckResult CheckQuery(string? id, string query) => new KqlCheckService().Check(id, query);

    /// <summary>Checks one query: parse, bind, and report in the oracle's shape.</summary>
    public KqlCheckResult Check(string? id, string query)
    {
        var tree = KqlSyntaxTree.Parse(query);
        var syntaxErrors = tree.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(ToError).ToList();
        var model = KqlBinder.Bind(tree, _context);
        var errors = syntaxErrors.Concat(model.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(ToError)).ToList();
        var warnings = model.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(ToError).ToList();
        var columns = model.ResultTable?.Columns.Select(c => new KqlCheckColumn(c.Name, c.Type.Name())).ToList();
        return new KqlCheckResult(id, syntaxErrors, errors, warnings, columns);
    }

    private static KqlCheckError ToError(KqlDiagnostic d) => new(d.Code, d.Message, d.Span.Start, d.Span.Length);

    private KqlCheckResult CheckLine(string line, int lineNumber)
    {
        string? id = null;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return BadInput(null, $"line {lineNumber}: expected a JSON object with \"id\" and \"query\"");
            if (root.TryGetProperty("id", out var idElement))
                id = idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : idElement.GetRawText();
            if (!root.TryGetProperty("query", out var queryElement) || queryElement.ValueKind != JsonValueKind.String)
                return BadInput(id, $"line {lineNumber}: \"query\" must be a string");
            return Check(id, queryElement.GetString()!);
        }
        catch (JsonException ex)
        {
            return BadInput(id, $"line {lineNumber}: not valid JSON ({ex.Message})");
        }
    }

    private static KqlCheckResult BadInput(string? id, string message)
    {
        var error = new KqlCheckError(BadInputCode, message, 0, 0);
        return new KqlCheckResult(id, [error], [error], [], null);
    }
}

/// <summary>One line of check output (property names as the oracle prints them).</summary>
public sealed record KqlCheckResult(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("syntaxErrors")] IReadOnlyList<KqlCheckError> SyntaxErrors,
    [property: JsonPropertyName("errors")] IReadOnlyList<KqlCheckError> Errors,
    [property: JsonPropertyName("warnings")] IReadOnlyList<KqlCheckError> Warnings,
    [property: JsonPropertyName("columns")] IReadOnlyList<KqlCheckColumn>? Columns);

public sealed record KqlCheckError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("length")] int Length);

public sealed record KqlCheckColumn(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type);
