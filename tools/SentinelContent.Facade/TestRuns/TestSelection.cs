using SentinelContent.Format.Discovery;
using SentinelContent.Playbooks.PlaybookTests;
using SentinelContent.RuleTests.Loading;

namespace SentinelContent.Facade.TestRuns;

/// <summary>Which test files a run reads, and which playbook tests the filter keeps (the rule-test suite filters its own).</summary>
public static class TestSelection
{
    /// <summary>The rule test files named or found, plus the test file beside each rule named, once each.</summary>
    public static IReadOnlyList<string> RuleTestFiles(IReadOnlyList<ContentFile> files)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var path = file.Kind switch
            {
                ContentFileKind.RuleTests => file.Path,
                ContentFileKind.AnalyticsRule when File.Exists(RuleTestCoverage.TestPathFor(file.Path)) =>
                    RuleTestCoverage.TestPathFor(file.Path),
                _ => null,
            };
            if (path is not null && seen.Add(Path.GetFullPath(path))) result.Add(path);
        }
        return result;
    }

    /// <summary>The playbook test files; none in a replay, which is about rules.</summary>
    public static IReadOnlyList<string> PlaybookTestFiles(IReadOnlyList<ContentFile> files, bool replay) =>
        replay ? [] : [.. files.Where(f => f.Kind == ContentFileKind.PlaybookTests).Select(f => f.Path)];

    /// <summary>A playbook test is selected when the filter is in its name or its file's name (case-insensitive).</summary>
    public static bool Selects(string? filter, PlaybookTestOutcome outcome) =>
        filter is not { Length: > 0 }
        || outcome.Test.Contains(filter, StringComparison.OrdinalIgnoreCase)
        || Path.GetFileName(outcome.File).Contains(filter, StringComparison.OrdinalIgnoreCase);
}
