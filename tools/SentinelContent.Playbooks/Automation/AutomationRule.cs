using SentinelContent.Core.Text;

namespace SentinelContent.Playbooks.Automation;

/// <summary>An automation rule read from YAML, with locations for cross-file checks.</summary>
public sealed record AutomationRule(
    string Path,
    Located<string> Id,
    string DisplayName,
    int Order,
    bool Enabled,
    string TriggersOn,
    string TriggersWhen,
    IReadOnlyList<Located<string>> AnalyticsRules,
    IReadOnlyList<Located<string>> Playbooks);
