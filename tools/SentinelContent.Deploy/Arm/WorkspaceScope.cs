namespace SentinelContent.Deploy.Arm;

/// <summary>The ARM path of a Sentinel workspace and of the SecurityInsights resources under it.</summary>
public sealed record WorkspaceScope(string SubscriptionId, string ResourceGroup, string Workspace)
{
    /// <summary>The workspace's resource group, where the playbooks (Logic Apps) and their connections live.</summary>
    public string ResourceGroupPath => $"/subscriptions/{Escape(SubscriptionId)}/resourceGroups/{Escape(ResourceGroup)}";

    public string WorkspacePath => $"{ResourceGroupPath}/providers/Microsoft.OperationalInsights/workspaces/{Escape(Workspace)}";

    /// <summary>A collection of a provider in the resource group, such as Microsoft.Logic/workflows.</summary>
    public string ResourceGroupCollectionPath(string provider, string type) => $"{ResourceGroupPath}/providers/{provider}/{type}";

    /// <summary>A collection such as alertRules or metadata.</summary>
    public string CollectionPath(string collection) => $"{WorkspacePath}/providers/Microsoft.SecurityInsights/{collection}";

    public string ResourcePath(string collection, string name) => $"{CollectionPath(collection)}/{Escape(name)}";

    internal static string Escape(string segment) => Uri.EscapeDataString(segment);
}
