using System.Text.Json.Nodes;

namespace SentinelContent.Playbooks.Simulator;

/// <summary>Whether a call goes to a URL (HTTP action) or to a managed connector (connector action).</summary>
public enum CallKind
{
    Http,
    Connector,
}

/// <summary>
/// A call the playbook made to the outside world. For HTTP the URL is the full URI with its query; for a connector
/// it is the connector path (for example /Incidents/Comment) and <see cref="Api"/> names the managed API.
/// </summary>
public sealed record OutboundCall(string Action, CallKind Kind, string? Api, string Method, string Url, JsonNode? Body)
{
    public override string ToString() => Kind == CallKind.Http ? $"{Method} {Url}" : $"{Api} {Method} {Url}";
}

/// <summary>What a mock answers.</summary>
public sealed record CallResponse(int StatusCode, JsonNode? Body, JsonObject? Headers = null)
{
    public bool IsSuccess => StatusCode is >= 200 and < 400;
}

/// <summary>The mocked outside world of a test: answers a call, or null when nothing answers it.</summary>
public interface IOutsideWorld
{
    CallResponse? Answer(OutboundCall call);
}

/// <summary>Options of a run: the clock and parameter values (deterministic by default).</summary>
public sealed record RunOptions(DateTimeOffset Now, IReadOnlyDictionary<string, JsonNode?> Parameters)
{
    public static RunOptions Default { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new Dictionary<string, JsonNode?>());

    /// <summary>Bounds a run (Until loops, large for-eaches) so a test always ends.</summary>
    public int MaxActionRuns { get; init; } = 10_000;
}
