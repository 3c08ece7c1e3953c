using SentinelContent.Kql.Schema;
using SentinelContent.RuleTests.Running;

namespace SentinelContent.RuleTests.Tests;

/// <summary>
/// The seed rules' tests must catch a broken rule: with <c>| take 0</c> appended to the query a test expecting
/// alerts fails, and with the rule's key filter removed a test expecting none fails. Each mutant is a copy of
/// the rule pack in a temporary folder, so the repository's files are never touched.
/// </summary>
public sealed class SeedRuleMutationTests
{
    /// <summary>Per rule, the line that makes it specific: without it the rule fires on what it should ignore.</summary>
    private static readonly (string Rule, string Line)[] Filters =
    [
        ("SecurityInfoDeleted", "| where OperationName in~ (DeletionOperations)"),
        ("SecurityInfoMassDeletion", "| where TargetUserCount >= MinimumTargetUsers"),
        ("SecurityInfoDeletedThenReregistered", "| where NewIPAddress or NewCountry or NewDevice"),
        ("SecurityInfoDeletedAfterRiskySignin", "| where RiskTime between ((DeletedTime - RiskLookback) .. DeletedTime)"),
        ("NRT_SecurityInfoDeletedPrivilegedOrVIP", "| where IsVIP or isnotempty(PrivilegedRoles)"),
    ];

    public static TheoryData<string, string> KeyFilters => new(Filters);

    [Theory]
    [MemberData(nameof(KeyFilters))]
    public void Returning_no_rows_fails_a_test_that_expects_alerts(string rule, string keyFilter)
    {
        _ = keyFilter;
        using var copy = new RulePackCopy();
        var run = copy.RunMutated(rule, AppendToQuery("| take 0"));
        var failedPositive = run.Outcomes.Where(o => !o.Outcome.Passed && o.Outcome.Test.Expect.Alerts is { Value: > 0 }).ToList();
        Assert.NotEmpty(failedPositive);
    }

    [Theory]
    [MemberData(nameof(KeyFilters))]
    public void Removing_the_key_filter_fails_a_test_that_expects_no_alert(string rule, string keyFilter)
    {
        using var copy = new RulePackCopy();
        var run = copy.RunMutated(rule, RemoveLine(keyFilter));
        Assert.Empty(run.Diagnostics);
        var failedNegative = run.Outcomes.Where(o => !o.Outcome.Passed && o.Outcome.Test.Expect.Alerts is { Value: 0 }).ToList();
        Assert.NotEmpty(failedNegative);
    }

    [Fact]
    public void The_unmutated_copy_passes_so_failures_above_come_from_the_mutations()
    {
        using var copy = new RulePackCopy();
        foreach (var (rule, _) in Filters)
        {
            var run = copy.RunMutated(rule, text => text);
            Assert.Empty(run.Diagnostics);
            Assert.True(run.Failed == 0, rule);
            Assert.True(run.Passed >= 2, rule);
        }
    }

    /// <summary>Adds a last line to the rule's `query: |` block, indented like the block.</summary>
    private static Func<string, string> AppendToQuery(string line) => text =>
    {
        var lines = text.Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith("query: |", StringComparison.Ordinal));
        Assert.True(start >= 0, "the rule has no 'query: |' block");
        var last = start;
        for (var i = start + 1; i < lines.Count && (lines[i].StartsWith("  ", StringComparison.Ordinal) || lines[i].Trim().Length == 0); i++)
            if (lines[i].Trim().Length > 0) last = i;
        lines.Insert(last + 1, "  " + line);
        return string.Join('\n', lines);
    };

    /// <summary>Removes the one line whose text (trimmed) is <paramref name="line"/>; fails if it is not there exactly once.</summary>
    private static Func<string, string> RemoveLine(string line) => text =>
    {
        var lines = text.Split('\n').ToList();
        var matches = lines.Select((l, i) => (l, i)).Where(p => p.l.Trim() == line).Select(p => p.i).ToList();
        Assert.True(matches.Count == 1, $"expected the line '{line}' exactly once in the rule, found it {matches.Count} times");
        lines.RemoveAt(matches[0]);
        var mutated = string.Join('\n', lines);
        Assert.DoesNotContain(line, mutated, StringComparison.Ordinal);
        return mutated;
    };

    private sealed class RulePackCopy : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("sc-mutants-").FullName;

        public RulePackCopy()
        {
            foreach (var file in Directory.EnumerateFiles(SeedRuleTests.SeedFolder, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(_dir, Path.GetRelativePath(SeedRuleTests.SeedFolder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        /// <summary>Rewrites the rule's file with <paramref name="mutate"/> and runs that rule's tests.</summary>
        public RuleTestRun RunMutated(string rule, Func<string, string> mutate)
        {
            var rulePath = Path.Combine(_dir, rule + ".yaml");
            var original = File.ReadAllText(SeedRuleTests.SeedFolder + Path.DirectorySeparatorChar + rule + ".yaml");
            File.WriteAllText(rulePath, mutate(original));
            var run = new RuleTestSuite(BuiltInSchemas.Default).Run([Path.Combine(_dir, rule + ".tests.yaml")]);
            File.WriteAllText(rulePath, original);
            return run;
        }

        public void Dispose() => Directory.Delete(_dir, recursive: true);
    }
}
