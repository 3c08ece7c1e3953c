namespace SentinelContent.Deploy.Arm;

/// <summary>The ARM path of a Sentinel workspace and of the SecurityInsights resources under it.</summary>
public sealed record WorkspaceScope(string SubscriptionId, string ResourceGroup, string Workspace)
{
    public string WorkspacePath =>
        $"/subscriptions/{Escape(SubscriptionId)}/resourceGroups/{Escape(ResourceGroup)}/providers/Microsoft.OperationalInsights/workspaces/{Escape(Workspace)}";

    /// <summary>A collection such as alertRules or metadata.</summary>
    public string CollectionPath(string collection) => $"{WorkspacePath}/providers/Microsoft.SecurityInsights/{collection}";

    public string ResourcePath(string collection, string name) => $"{CollectionPath(collection)}/{Escape(name)}";

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
