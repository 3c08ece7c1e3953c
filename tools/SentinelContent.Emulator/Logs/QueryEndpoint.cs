using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Syntax;
using SentinelContent.Kql.Evaluation;
using SentinelContent.Kql.Schema;
using SentinelContent.LogAnalytics.Query;
using SentinelContent.LogAnalytics.Wire;

namespace SentinelContent.Emulator.Logs;

/// <summary>
/// The Log Analytics query API (POST /v1/workspaces/{workspaceId}/query with {query, timespan}, or GET with
/// ?query=&amp;timespan=), answered by the project's KQL engine over the loaded logs. As the service: the
/// timespan restricts TimeGenerated on top of the query's own filters, Prefer: wait=N bounds the run (default
/// 3 minutes, at most 10) with 504 past it, a result over the row cap comes back truncated with a PartialError,
/// and errors use the API's error object.
/// </summary>
public sealed class QueryEndpoint(LogStore store, EmulatorOptions options)
{
    public const string PathPrefix = "/v1/workspaces/";

    private readonly SchemaCatalog _schemas = new(store.Schemas);

    public static bool Matches(HttpContext context) =>
        context.Request.Path.Value is { } path && path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase);

    public async Task Handle(HttpContext context)
    {
        var segments = context.Request.Path.Value!.Trim('/').Split('/');
        if (segments.Length != 4 || !segments[3].Equals("query", StringComparison.OrdinalIgnoreCase))
        {
            await LogsErrors.Write(context, 404, "PathNotFoundError", $"The requested path does not exist: {context.Request.Path}");
            return;
        }
        if (!Guid.TryParse(segments[2], out _))
        {
            await LogsErrors.Write(context, 404, "WorkspaceNotFoundError", $"The workspace could not be found: '{segments[2]}' is not a workspace id (a GUID).");
            return;
        }

        string? query, timespan;
        if (HttpMethods.IsPost(context.Request.Method))
        {
            var (body, status, problem) = await RequestJson.ReadObjectAsync(context);
            if (body is null)
            {
                await LogsErrors.Write(context, status, "BadArgumentError", "The request body is not valid.", "InvalidJson", problem!);
                return;
            }
            query = Text(body?["query"]);
            timespan = Text(body?["timespan"]);
        }
        else if (HttpMethods.IsGet(context.Request.Method))
        {
            query = context.Request.Query["query"].FirstOrDefault();
            timespan = context.Request.Query["timespan"].FirstOrDefault();
        }
        else
        {
            await LogsErrors.Write(context, 405, "MethodNotAllowed", $"The method '{context.Request.Method}' is not allowed; use POST or GET.");
            return;
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            await LogsErrors.Write(context, 400, "BadArgumentError", "The request had some invalid properties", "QueryValidationError", "The query is missing or empty.");
            return;
        }
        QueryTimeRange? range = null;
        if (!string.IsNullOrEmpty(timespan))
        {
            if (!QueryTimeRange.TryParse(timespan, out var parsed))
            {
                await LogsErrors.Write(context, 400, "BadArgumentError", "The request had some invalid properties", "InvalidTimespan", $"'{timespan}' is not an ISO 8601 duration or interval.");
                return;
            }
            range = parsed;
        }
        if (!TryWait(context, out var wait))
        {
            await LogsErrors.Write(context, 400, "BadArgumentError", "The Prefer header's wait must be a whole number of seconds.");
            return;
        }

        var now = DateTime.UtcNow;
        var tables = range is { } r ? Restrict(r, now) : store.Tables;
        var engine = new KqlEngine(_schemas, EvaluationLimits.Default with { Timeout = wait }, store.Functions);
        Kql.Data.DataTable result;
        try
        {
            result = engine.Run(query, tables, now, context.RequestAborted);
        }
        catch (KqlEvaluationException e)
        {
            await WriteQueryError(context, query, e);
            return;
        }

        var answer = new JsonObject { ["tables"] = new JsonArray(LogsWireFormat.ToJson(result, "PrimaryResult", options.MaxResultRows)) };
        if (result.RowCount > options.MaxResultRows)
        {
            var partial = LogsErrors.Error("PartialError", "There were some errors when processing your query.");
            partial["details"] = new JsonArray(LogsErrors.Error("EngineError",
                $"Query result set has exceeded the internal record count limit {options.MaxResultRows} (E_QUERY_RESULT_SET_TOO_LARGE; see https://aka.ms/kustoquerylimits)"));
            answer["error"] = partial;
        }
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
    }

    private Dictionary<string, Kql.Data.DataTable> Restrict(QueryTimeRange range, DateTime now)
    {
        var (start, end) = range.Resolve(now);
        return QueryScope.Restrict(store.Tables, start, end);
    }

    /// <summary>Prefer: wait=N (seconds), capped at 10 minutes as the service does; absent means 3 minutes.</summary>
    private static bool TryWait(HttpContext context, out TimeSpan wait)
    {
        wait = QueryLimits.DefaultServerTimeout;
        foreach (var preference in context.Request.Headers["Prefer"].SelectMany(h => (h ?? string.Empty).Split(',')))
        {
            var parts = preference.Split('=', 2, StringSplitOptions.TrimEntries);
            if (!parts[0].Equals("wait", StringComparison.OrdinalIgnoreCase)) continue;
            if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1) return false;
            wait = TimeSpan.FromSeconds(Math.Min(seconds, QueryLimits.MaxServerTimeout.TotalSeconds));
        }
        return true;
    }

    private static Task WriteQueryError(HttpContext context, string query, KqlEvaluationException e)
    {
        var first = e.Diagnostics[0];
        if (first.Descriptor == EvaluationDiagnostics.TimeLimit)
            return LogsErrors.Write(context, 504, "GatewayTimeout", "The query exceeded the time it was given (Prefer: wait).", "QueryTimeout", first.Message);
        var (line, column) = Position(query, first.Span.Start);
        var inner = KqlSyntaxDiagnostics.All.Contains(first.Descriptor) ? "SyntaxError"
            : KqlSemanticDiagnostics.All.Contains(first.Descriptor) ? "SemanticError"
            : "EvaluationError";
        var message = string.Join("; ", e.Diagnostics.Select(d => { var (l, c) = Position(query, d.Span.Start); return $"{d.Message} (line {l}, position {c})"; }));
        return LogsErrors.Write(context, 400, "BadArgumentError", $"The request had some invalid properties: the query could not run at line {line}, position {column}.", inner, message);
    }

    private static (int Line, int Column) Position(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var line = 1;
        var start = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] != '\n') continue;
            line++;
            start = i + 1;
        }
        return (line, offset - start + 1);
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
