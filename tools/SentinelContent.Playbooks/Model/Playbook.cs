using System.Text.Json.Nodes;
using SentinelContent.Core.Text;
using SentinelContent.Playbooks.Json;

namespace SentinelContent.Playbooks.Model;

/// <summary>How a connection authenticates: with the playbook's managed identity, or with a user's consent after deployment.</summary>
public enum ConnectionAuth
{
    ManagedIdentity,
    Consent,
}

/// <summary>A managed API connection the playbook uses: the key actions name, the managed API and its authentication.</summary>
public sealed record PlaybookConnection(string Key, string Api, ConnectionAuth Auth, SourceLocation Location);

/// <summary>An Azure role the playbook's identity needs, and where.</summary>
public sealed record RoleRequirement(string Role, string RoleId, string Scope);

/// <summary>
/// A compiled playbook: the Logic Apps workflow definition (schema 2016-06-01) and what the ARM template
/// needs around it. <see cref="Map"/> points every compiled value back to the YAML it came from.
/// </summary>
public sealed record Playbook(
    string Name,
    string? Description,
    JsonObject Definition,
    IReadOnlyList<PlaybookConnection> Connections,
    bool SystemAssignedIdentity,
    IReadOnlyList<RoleRequirement> Roles,
    IReadOnlyList<string> GraphPermissions,
    JsonObject ParameterValues,
    JsonObject Tags,
    JsonObject? TemplateParameters,
    JsonObject? TemplateVariables,
    SourceMap Map)
{
    public JsonObject Actions => Definition["actions"] as JsonObject ?? [];

    public JsonObject Triggers => Definition["triggers"] as JsonObject ?? [];
}
