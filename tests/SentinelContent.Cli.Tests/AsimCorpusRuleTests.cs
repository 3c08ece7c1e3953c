using SentinelContent.TestSupport;

namespace SentinelContent.Cli.Tests;

/// <summary>
/// Five Azure-Sentinel rules that call ASIM parsers, run by `sentinelctl test` on rows given for their schema: each rule is
/// copied from ../shared/corpus (never committed) beside its tests in AsimCorpusRules/ (a positive and a negative case,
/// expectations computed by hand from the rule and docs/asim.md), in a temporary repository.
/// </summary>
public sealed class AsimCorpusRuleTests(ITestOutputHelper output)
{
    private static readonly string[] Rules =
    [
        "DNS Essentials/NgrokReverseProxyOnNetwork.yaml",
        "DNS Essentials/MultipleErrorsReportedForSameDNSQueryStaticThresholdBased.yaml",
        "Network Session Essentials/PortScan.yaml",
        "Network Session Essentials/NetworkPortSweepFromExternalNetwork.yaml",
        "Web Session Essentials/PrivateIPInURL.yaml",
    ];

    [Fact]
    public void Corpus_rules_over_ASIM_parsers_pass_their_positive_and_negative_tests()
    {
        var corpus = RepositoryPaths.RequireShared("corpus/azure-sentinel-rules");
        var tests = Path.Combine(RepositoryPaths.Root, "tests", "SentinelContent.Cli.Tests", "AsimCorpusRules");
        using var repo = new TempRepository();
        foreach (var rule in Rules)
        {
            var name = Path.GetFileNameWithoutExtension(rule);
            repo.Write($"analytics-rules/{name}.yaml", File.ReadAllText(Path.Combine(corpus, rule)));
            repo.Write($"analytics-rules/{name}.tests.yaml", File.ReadAllText(Path.Combine(tests, name + ".tests.yaml")));
        }
        foreach (var sample in Directory.EnumerateFiles(Path.Combine(tests, "samples")))
            repo.Write($"analytics-rules/samples/{Path.GetFileName(sample)}", File.ReadAllText(sample));

        var run = repo.Run("test", "--color", "never");
        output.WriteLine(run.Out + run.Error);
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains($"{Rules.Length * 2} passed, 0 failed", run.Out, StringComparison.Ordinal);
    }
}
