using System.Text.Json.Nodes;

using SentinelContent.Playbooks.Json;

namespace SentinelContent.Playbooks.Simulator;

/// <summary>
/// How Microsoft Sentinel connector operations change the incident (fact sheet §3.3), as data: method and path of
/// the connector call, and what its body does. Only successful (mocked 2xx) calls take effect.
/// </summary>
public static class SentinelOperations
{
    private sealed record Operation(string Method, string Path, Action<JsonNode?, IncidentState> Apply);

    private static readonly Operation[] Operations =
    [
        new("post", "/Incidents/Comment", (body, incident) =>
        {
            incident.Comments.Add(Values.ToText(body.Get("message")));
            incident.Changed.Add("comments");
        }),
        new("put", "/Incidents", (body, incident) =>
        {
            if (Values.AsString(body.Get("severity")) is { Length: > 0 } severity) { incident.Severity = severity; incident.Changed.Add("severity"); }
            if (Values.AsString(body.Get("status")) is { Length: > 0 } status) { incident.Status = status; incident.Changed.Add("status"); }
            if (Values.AsString(body.Get("classification").Get("ClassificationAndReason")) is { Length: > 0 } classification) { incident.Classification = classification; incident.Changed.Add("classification"); }
            if (Values.AsString(body.Get("owner")) is { Length: > 0 } owner) { incident.Owner = owner; incident.Changed.Add("owner"); }
            foreach (var tag in body.Get("tagsToAdd").Get("TagsToAdd") as JsonArray ?? [])
            {
                if (Values.AsString(tag.Get("Tag")) is { } label) { incident.Labels.Add(label); incident.Changed.Add("labels"); }
            }
        }),
    ];

    public static void Apply(OutboundCall call, IncidentState incident)
    {
        if (call.Kind != CallKind.Connector || !IsSentinel(call.Api)) return;
        foreach (var operation in Operations)
        {
            if (string.Equals(operation.Method, call.Method, StringComparison.OrdinalIgnoreCase) && string.Equals(operation.Path, call.Url, StringComparison.OrdinalIgnoreCase))
                operation.Apply(call.Body, incident);
        }
    }

    private static bool IsSentinel(string? api) => api is not null && (api.StartsWith("azuresentinel", StringComparison.OrdinalIgnoreCase) || api.StartsWith("microsoftsentinel", StringComparison.OrdinalIgnoreCase));
}
