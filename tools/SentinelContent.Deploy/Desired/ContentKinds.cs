namespace SentinelContent.Deploy.Desired;

/// <summary>
/// Every content kind the deployer handles. A new kind (automation rules, playbooks) is one class
/// implementing <see cref="IContentKind"/>, added here; nothing else changes.
/// </summary>
public static class ContentKinds
{
    public static IReadOnlyList<IContentKind> All { get; } = [AnalyticsRuleKind.Instance, WatchlistKind.Instance];

    public static IContentKind? Find(string noun) =>
        All.FirstOrDefault(k => string.Equals(k.Noun, noun, StringComparison.OrdinalIgnoreCase) ||
                                string.Equals(k.Collection, noun, StringComparison.OrdinalIgnoreCase) ||
                                string.Equals(k.MetadataKind, noun, StringComparison.OrdinalIgnoreCase));
}
