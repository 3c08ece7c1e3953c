using SentinelContent.Kql.Schema;
using SentinelContent.RuleTests.Running;
using SentinelContent.TestSupport;

namespace SentinelContent.RuleTests.Tests;

/// <summary>The seed rule pack's own tests, through the real KQL engine and the alert simulator.</summary>
public sealed class SeedRuleTests
{
    public static string SeedFolder => Path.Combine(RepositoryPaths.Root, "analytics-rules", "entra-id-security-info");

    public static IReadOnlyList<string> SeedTestFiles =>
        [.. Directory.EnumerateFiles(SeedFolder, "*.tests.yaml").Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_seed_rule_test_passes_through_the_real_engine()
    {
        var run = new RuleTestSuite(BuiltInSchemas.Default).Run(SeedTestFiles);
        var report = string.Join("\n", run.Diagnostics.Select(d => d.ToString())
            .Concat(run.Outcomes.Where(o => !o.Outcome.Passed).SelectMany(o => o.Outcome.Failures.Select(f => $"{o.RuleName} / {o.Outcome.Test.Name.Value}: {f}"))));
        Assert.True(run.Failed == 0 && run.Diagnostics.Count == 0, report);
        Assert.Equal(6, SeedTestFiles.Count);
        Assert.Equal(23, run.Passed);
    }
}
