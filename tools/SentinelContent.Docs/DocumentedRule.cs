using SentinelContent.Content.Model;
using SentinelContent.RuleTests.Model;

namespace SentinelContent.Docs;

/// <summary>
/// One analytics rule as the documentation sees it: the rule, its tests (X.tests.yaml, if any), where it lives
/// in the repository (forward slashes, relative to the root) and the name of its page under docs/content/.
/// </summary>
public sealed record DocumentedRule(AnalyticsRule Rule, RuleTestFile? Tests, string SourcePath, string PageName)
{
    public string Id => Rule.Id?.Value ?? string.Empty;

    public string Severity => Rule.Severity?.Value ?? "Medium";

    public string Kind => Rule.IsNrt ? "NRT" : "Scheduled";
}

/// <summary>A generated file: its path relative to the repository root and its text.</summary>
public sealed record GeneratedFile(string RelativePath, string Content);
