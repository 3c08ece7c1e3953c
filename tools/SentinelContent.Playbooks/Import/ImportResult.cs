using System.Text.Json.Nodes;

namespace SentinelContent.Playbooks.Import;

/// <summary>An imported playbook: its YAML text, or why it could not be imported.</summary>
public sealed record ImportResult(string? Yaml, JsonObject? OriginalDefinition, JsonObject? OriginalConnections, string? Failure)
{
    public bool Succeeded => Failure is null;

    public static ImportResult Fail(string reason) => new(null, null, null, reason);
}
