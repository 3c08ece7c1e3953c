using System.Text.Json.Nodes;
using SentinelContent.LogAnalytics.Wire;

namespace SentinelContent.Live.Query;

/// <summary>The API's error object (OneAPI): a code, a message, details and an inner error chain.</summary>
public sealed record LogsError(string Code, string Message, IReadOnlyList<LogsError> Details, LogsError? Inner)
{
    /// <summary>The most specific message: the innermost error's, or a detail's, else this one's.</summary>
    public string Describe()
    {
        var parts = new List<string> { $"{Code}: {Message}" };
        foreach (var detail in Details) parts.Add($"{detail.Code}: {detail.Message}");
        for (var inner = Inner; inner is not null; inner = inner.Inner) parts.Add($"{inner.Code}: {inner.Message}");
        return string.Join("; ", parts.Distinct());
    }

    public static LogsError? FromJson(JsonNode? node)
    {
        if (node is not JsonObject error) return null;
        var details = (error["details"] as JsonArray ?? []).Select(FromJson).OfType<LogsError>().ToList();
        return new LogsError(
            Text(error["code"]) ?? "Unknown",
            Text(error["message"]) ?? string.Empty,
            details,
            FromJson(error["innererror"]));
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString();
}

/// <summary>
/// A query's answer. <see cref="PartialError"/> is set when the service answered 200 but could not finish
/// (result truncated at its limits, a runaway query...): the tables then hold only part of the result.
/// </summary>
public sealed record LogsQueryResult(IReadOnlyList<LogsTable> Tables, LogsError? PartialError)
{
    public bool IsPartial => PartialError is not null;

    /// <summary>The primary result (the first table).</summary>
    public LogsTable Primary => Tables.Count > 0 ? Tables[0] : new LogsTable("PrimaryResult", [], []);
}

/// <summary>The service refused or failed the query (HTTP status and its error object). Never carries request headers.</summary>
public sealed class LogsQueryException(int status, LogsError error)
    : Exception($"HTTP {status} {error.Describe()}")
{
    public int Status { get; } = status;

    public LogsError Error { get; } = error;
}
