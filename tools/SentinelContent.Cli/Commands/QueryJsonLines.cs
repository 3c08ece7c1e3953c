using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation;
using SentinelContent.Reporting.Results;

namespace SentinelContent.Cli.Commands;

/// <summary>
/// `sentinelctl query --jsonl`: one {"id","query"} line in, one {"id","columns","rows","error"} line out, for
/// conformance suites and editors. A query that fails gives empty columns and rows and its diagnostics in
/// "error" (line:col: error CODE: message, one per line); a line that is not such an object gives an error too.
/// </summary>
public static class QueryJsonLines
{
    public static int Run(CliContext context, KqlEngine engine, IReadOnlyDictionary<string, DataTable> tables, DateTime now)
    {
        var failed = 0;
        var number = 0;
        while (context.Input.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonNode? id = null;
            DataTable? result = null;
            string? error;
            if (!TryRead(line, number, out id, out var query, out error))
            {
                failed++;
            }
            else
            {
                try
                {
                    result = engine.Run(query, tables, now);
                }
                catch (KqlEvaluationException e)
                {
                    var source = new SourceText(QueryCommand.InlineQueryName, query);
                    error = string.Join("\n", e.Diagnostics.Select(d => d.In(source)).Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Location.Start.Line}:{d.Location.Start.Column}: {d.Severity.ToDisplayName()} {d.Code}: {d.Message}")));
                    failed++;
                }
            }
            context.Out.WriteLine(Line(id, result, error));
        }
        return failed > 0 ? ExitCodes.ContentErrors : ExitCodes.Success;
    }

    private static bool TryRead(string line, int number, out JsonNode? id, out string query, out string? error)
    {
        id = null;
        query = string.Empty;
        error = null;
        try
        {
            if (JsonNode.Parse(line) is JsonObject request)
            {
                id = request["id"]?.DeepClone();
                if (request["query"] is JsonValue value && value.TryGetValue<string>(out var text))
                {
                    query = text;
                    return true;
                }
            }
            error = $"input line {number}: expected {{\"id\":...,\"query\":\"...\"}} with a string query";
        }
        catch (JsonException e)
        {
            error = $"input line {number}: not JSON: {e.Message}";
        }
        return false;
    }

    private static string Line(JsonNode? id, DataTable? result, string? error)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, ResultJson.Options(indented: false)))
        {
            json.WriteStartObject();
            json.WritePropertyName("id");
            if (id is null) json.WriteNullValue();
            else id.WriteTo(json);
            if (result is null)
            {
                json.WriteStartArray("columns");
                json.WriteEndArray();
                json.WriteStartArray("rows");
                json.WriteEndArray();
            }
            else
            {
                ResultJson.WriteColumns(json, result);
                ResultJson.WriteRows(json, result);
            }
            if (error is null) json.WriteNull("error");
            else json.WriteString("error", error);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
