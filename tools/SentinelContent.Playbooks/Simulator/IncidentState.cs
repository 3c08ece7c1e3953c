using System.Text.Json.Nodes;

using SentinelContent.Playbooks.Json;

namespace SentinelContent.Playbooks.Simulator;

/// <summary>
/// The incident as the Sentinel connector actions change it during a run: comments added, severity, status,
/// classification, owner and labels. Changes come from connector calls that the test's mocks answered with success,
/// decoded by <see cref="SentinelOperations"/>.
/// </summary>
public sealed class IncidentState
{
    public IncidentState(JsonNode? incidentProperties)
    {
        Severity = Values.AsString(incidentProperties.Get("severity"));
        Status = Values.AsString(incidentProperties.Get("status"));
        Classification = Values.AsString(incidentProperties.Get("classification"));
        foreach (var label in incidentProperties.Get("labels") as JsonArray ?? [])
            if (Values.AsString(label.Get("labelName")) is { } name) Labels.Add(name);
    }

    public string? Severity { get; set; }

    public string? Status { get; set; }

    public string? Classification { get; set; }

    public string? Owner { get; set; }

    public List<string> Comments { get; } = [];

    public List<string> Labels { get; } = [];

    /// <summary>The names of the properties the run changed, for expectations that say "unchanged".</summary>
    public HashSet<string> Changed { get; } = new(StringComparer.OrdinalIgnoreCase);
}
