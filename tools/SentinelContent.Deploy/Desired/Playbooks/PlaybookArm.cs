using SentinelContent.Deploy.Arm;

namespace SentinelContent.Deploy.Desired.Playbooks;

/// <summary>
/// Where playbooks live in ARM and how their parts are named: the Logic App in the workspace's resource group
/// under the playbook's name, one Microsoft.Web/connections per connection named KEY-PLAYBOOK (the names the
/// ARM template of `playbook build` gives them), pointing at the region's managed API.
/// </summary>
public static class PlaybookArm
{
    public const string WorkflowsType = "workflows";
    public const string ConnectionsType = "connections";

    public static string WorkflowsPath(WorkspaceScope scope) => scope.ResourceGroupCollectionPath(ArmApiVersions.LogicProvider, WorkflowsType);

    public static string WorkflowPath(WorkspaceScope scope, string name) => $"{WorkflowsPath(scope)}/{Uri.EscapeDataString(name)}";

    public static string ConnectionsPath(WorkspaceScope scope) => scope.ResourceGroupCollectionPath(ArmApiVersions.WebProvider, ConnectionsType);

    public static string ConnectionPath(WorkspaceScope scope, string name) => $"{ConnectionsPath(scope)}/{Uri.EscapeDataString(name)}";

    public static string ConnectionName(string key, string playbook) => $"{key}-{playbook}";

    /// <summary>The managed API a connection instantiates (azuresentinel...), in the subscription's region catalogue.</summary>
    public static string ManagedApiId(WorkspaceScope scope, string location, string api) =>
        $"/subscriptions/{Uri.EscapeDataString(scope.SubscriptionId)}/providers/Microsoft.Web/locations/{location}/managedApis/{api}";

    /// <summary>ARM answers regions in their short form (West Europe → westeurope); both sides are compared that way.</summary>
    public static string NormalizeLocation(string location) => location.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>The last segment of a resource id, and whether the id is a workflow in this scope's resource group.</summary>
    public static string? WorkflowNameIn(WorkspaceScope scope, string? resourceId)
    {
        if (resourceId is null) return null;
        var prefix = WorkflowsPath(scope) + "/";
        if (!resourceId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return null;
        var name = Uri.UnescapeDataString(resourceId[prefix.Length..]);
        return name.Length == 0 || name.Contains('/') ? null : name;
    }
}
