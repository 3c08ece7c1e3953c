using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelContent.Emulator;
using SentinelContent.TestSupport;
using SentinelContent.TestSupport.Cli;

namespace SentinelContent.Deploy.Tests;

/// <summary>
/// Issue 17's round trip on real content: every Azure-Sentinel corpus rule without a listed defect (1h, 14d, tags as
/// mappings, as Azure-Sentinel writes them) deploys to the emulator while a tenth of its requests fail, plans as
/// unchanged afterwards, and plans as unchanged again from the files export writes in their place.
/// </summary>
public sealed class AzureSentinelRoundTripTests(ITestOutputHelper output)
{
    private const string Corpus = "azure-sentinel-rules";

    [Fact]
    public async Task Azure_sentinel_rules_deploy_then_plan_unchanged_and_survive_export()
    {
        var faults = new FaultOptions { FailureRate = 0.1, RetryAfter = TimeSpan.FromMilliseconds(20), Seed = 17 };
        await using var fixture = await DeployFixture.StartAsync(faults);
        var rules = CopyRulesWithoutDefects(fixture.Root);
        Assert.Equal(154, rules);

        var apply = CliRun.In(fixture.Root, "deploy", "apply", "--env", "local");
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Contains($"Applied: {rules} created", apply.Out, StringComparison.Ordinal);
        Assert.True(fixture.Emulator.Statistics.Faults > 0, "no fault was injected");

        // ARM holds ISO 8601 whatever the file said (1h → PT1H), and the next plan compares normalised values.
        var token = TestContext.Current.CancellationToken;
        var stored = await fixture.Client().ListAsync(DeployFixture.Scope.CollectionPath("alertRules"), token);
        Assert.Equal(rules, stored.Count);
        Assert.All(stored.Where(r => r.Kind == "Scheduled"),
            r => Assert.StartsWith("P", r.Properties["queryFrequency"]!.GetValue<string>(), StringComparison.Ordinal));
        AssertNoChanges(CliRun.In(fixture.Root, "deploy", "plan", "--env", "local", "--format", "json"), rules);

        // Adopt the workspace's rules as files in place of the originals, then plan from those.
        Directory.Delete(Path.Combine(fixture.Root, "analytics-rules"), recursive: true);
        var export = CliRun.In(fixture.Root, "export", "--env", "local", "--kind", "rule");
        Assert.True(export.ExitCode == 0, export.All);
        var exported = Directory.GetFiles(Path.Combine(fixture.Root, "analytics-rules", "exported"));
        Assert.Equal(rules, exported.Length);
        // Export writes durations the way Azure-Sentinel's rules do (docs/deploy.md).
        Assert.Contains(exported, f => File.ReadAllText(f).Contains("queryFrequency: 1h\n", StringComparison.Ordinal));
        Assert.DoesNotContain(exported, f => File.ReadAllText(f).Contains("queryFrequency: PT", StringComparison.Ordinal));
        AssertNoChanges(CliRun.In(fixture.Root, "deploy", "plan", "--env", "local", "--format", "json"), rules);
        output.WriteLine($"{rules} Azure-Sentinel rules deployed with {fixture.Emulator.Statistics.Faults} injected faults; " +
            "plan unchanged before and after export");
    }

    private static void AssertNoChanges(CliRun plan, int rules)
    {
        Assert.True(plan.ExitCode == 0, plan.All);
        var summary = JsonNode.Parse(plan.Out)!["summary"]!;
        Assert.Equal(rules, summary["unchanged"]!.GetValue<int>());
        foreach (var action in new[] { "create", "update", "delete", "adopt" })
            Assert.True(summary[action]!.GetValue<int>() == 0, plan.Out);
    }

    /// <summary>
    /// Copies the corpus rules not listed in corpus-rule-defects.json into analytics-rules/, keeping their solution folders.
    /// </summary>
    private static int CopyRulesWithoutDefects(string root)
    {
        var corpus = RepositoryPaths.RequireShared("corpus/" + Corpus);
        using var known = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "corpus-rule-defects.json")));
        var defective = known.RootElement.GetProperty("defects").EnumerateArray()
            .Where(d => d.TryGetProperty("corpus", out var c) && c.GetString() == Corpus)
            .Select(d => d.GetProperty("file").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(corpus, "*.yaml", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(corpus, file).Replace('\\', '/');
            if (defective.Contains(relative)) continue;
            var target = Path.Combine(root, "analytics-rules", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            count++;
        }
        return count;
    }
}
