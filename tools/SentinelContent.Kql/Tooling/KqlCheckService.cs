using System.Text.Json;
using System.Text.Json.Serialization;
using SentinelContent.Kql.Diagnostics;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Tooling;

/// <summary>
/// The machine interface of `sentinelctl kql check`: reads JSON lines {"id","query"} and writes one
/// JSON line per input line in the shape the official oracle prints:
/// {"id","syntaxErrors":[{"code","message","start","length"}],"errors":[...],"warnings":[],"columns":null}.
/// Binding comes later, so errors holds the syntax errors and columns is null. A malformed input
/// line yields an error object for that line; the run goes on.
/// </summary>
public sealed class KqlCheckService
{
    /// <summary>The code reported for an input line that is not a valid {"id","query"} object.</summary>
    public static string BadInputCode => KqlSyntaxDiagnostics.BadCheckInput.Code;

    private static readonly JsonSerializerOptions s_options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Checks every line of <paramref name="input"/>; returns the number of queries with syntax errors.</summary>
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
            if (result.SyntaxErrors.Count > 0) failing++;
            output.WriteLine(JsonSerializer.Serialize(result, s_options));
        }

        output.Flush();
        return failing;
    }

    /// <summary>Checks one query.</summary>
    public static KqlCheckResult CheckQuery(string? id, string query)
    {
        var tree = KqlSyntaxTree.Parse(query);
        var errors = tree.Diagnostics
            .Where(d => d.Severity == Core.Diagnostics.DiagnosticSeverity.Error)
            .Select(d => new KqlCheckError(d.Code, d.Message, d.Span.Start, d.Span.Length))
            .ToList();
        return new KqlCheckResult(id, errors, errors, [], null);
    }

    private static KqlCheckResult CheckLine(string line, int lineNumber)
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
            return CheckQuery(id, queryElement.GetString()!);
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
