namespace SentinelContent.Playbooks.Format;

/// <summary>An Azure built-in role a playbook identity may need, with its fixed role definition id.</summary>
public sealed record AzureRole(string Name, string Id, string Why);

/// <summary>
/// The Azure built-in roles playbooks ask for. Ids are the global built-in role definition ids
/// (Azure built-in roles list); the compiler writes them into role assignments on the workspace.
/// </summary>
public static class RoleCatalog
{
    public static IReadOnlyList<AzureRole> All { get; } =
    [
        new("Microsoft Sentinel Responder", "3e150937-b8fe-4cfb-8069-0eaf05ecd056", "Update incidents and add comments through the Sentinel connector."),
        new("Microsoft Sentinel Reader", "8d289c81-5878-46d4-8554-54e1e3d8b5cb", "Read incidents, alerts and entities through the Sentinel connector."),
        new("Microsoft Sentinel Contributor", "ab8e14d6-4a74-4a29-9ba8-549422addade", "Create and change Sentinel content (watchlists, rules)."),
        new("Log Analytics Reader", "73c42c96-874c-492b-b04d-ab87d138a893", "Run log queries on the workspace."),
    ];

    public static AzureRole? Find(string name) => All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Where a role assignment is made.</summary>
    public static IReadOnlyList<string> Scopes { get; } = ["workspace", "resourceGroup"];
}
