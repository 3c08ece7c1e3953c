namespace SentinelContent.Deploy.Desired;

/// <summary>
/// Every content kind the deployer handles. A new kind is one class implementing <see cref="IContentKind"/>,
/// added here; nothing else changes. The order here is the order of listings; the order of writes comes from
/// each kind's <see cref="IContentKind.Stage"/>.
/// </summary>
public static class ContentKinds
{
    public static IReadOnlyList<IContentKind> All { get; } =
        [AnalyticsRuleKind.Instance, WatchlistKind.Instance, PlaybookKind.Instance, ConnectionKind.Instance, AutomationRuleKind.Instance];

    public static IContentKind? Find(string noun) =>
        All.FirstOrDefault(k => string.Equals(k.Noun, noun, StringComparison.OrdinalIgnoreCase) ||
                                string.Equals(k.Collection, noun, StringComparison.OrdinalIgnoreCase) ||
                                string.Equals(k.MetadataKind, noun, StringComparison.OrdinalIgnoreCase));
}
