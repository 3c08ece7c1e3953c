using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using SentinelContent.Deploy.Arm;
using SentinelContent.LogAnalytics.Query;
using SentinelContent.LogAnalytics.Wire;

namespace SentinelContent.Live.Query;

/// <summary>
/// The Log Analytics query API: POST {endpoint}/v1/workspaces/{workspaceId}/query with {query, timespan}.
/// Throttling (429) and server faults (5xx) are retried by the shared Azure.Core pipeline, honouring
/// Retry-After. A 200 with an error object is a partial result, returned as such; any other failure
/// becomes <see cref="LogsQueryException"/> with the service's error code and message (never a header).
/// </summary>
public sealed class LogsQueryClient
{
    /// <summary>The network timeout must outlast the server's: a query may legitimately take up to 10 minutes.</summary>
    public static ArmConnectionSettings DefaultSettings { get; } = new() { NetworkTimeout = QueryLimits.MaxServerTimeout + TimeSpan.FromSeconds(30) };

    private readonly HttpPipeline _pipeline;

    public LogsQueryClient(Uri endpoint, TokenCredential credential, ArmConnectionSettings? settings = null)
    {
        Endpoint = endpoint;
        settings ??= DefaultSettings;
        _pipeline = AzurePipeline.Build(endpoint, credential, LogsEndpoint.ScopeFor(endpoint), settings);
    }

    public Uri Endpoint { get; }

    /// <param name="serverTimeout">Sent as <c>Prefer: wait=N</c>; the service answers 504 past it. Null keeps the service's default (3 minutes).</param>
    public async Task<LogsQueryResult> QueryAsync(string workspaceId, string query, QueryTimeRange? timeRange, TimeSpan? serverTimeout, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["query"] = query };
        if (timeRange is { } range) body["timespan"] = range.ToString();

        using var message = _pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Post;
        message.Request.Uri.Reset(new Uri(Endpoint, $"/v1/workspaces/{Uri.EscapeDataString(workspaceId)}/query"));
        message.Request.Headers.SetValue("Accept", "application/json");
        message.Request.Headers.SetValue("Content-Type", "application/json");
        if (serverTimeout is { } wait)
        {
            var seconds = (int)Math.Clamp(Math.Ceiling(wait.TotalSeconds), 1, QueryLimits.MaxServerTimeout.TotalSeconds);
            message.Request.Headers.SetValue("Prefer", "wait=" + seconds.ToString(CultureInfo.InvariantCulture));
        }
        message.Request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(body));

        // A network failure that outlasts the retries is EndpointUnreachableException (one line, reported by the CLI).
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);

        var response = message.Response;
        var json = TryParse(response);
        if (response.Status != 200)
        {
            var error = LogsError.FromJson(json?["error"]) ?? new LogsError($"Http{response.Status}", response.ReasonPhrase, [], null);
            throw new LogsQueryException(response.Status, error);
        }
        if (json?["tables"] is not JsonArray tables)
            throw new LogsQueryException(response.Status, new LogsError("InvalidResponse", "the answer has no tables", [], null));
        return new LogsQueryResult([.. tables.OfType<JsonObject>().Select(LogsWireFormat.ReadTable)], LogsError.FromJson(json["error"]));
    }

    private static JsonObject? TryParse(Response response)
    {
        try
        {
            return JsonNode.Parse(response.Content.ToMemory().Span) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
