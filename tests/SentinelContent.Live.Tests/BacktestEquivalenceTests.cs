using SentinelContent.Content.Loading;
using SentinelContent.Content.Model;
using SentinelContent.Core.Input;
using SentinelContent.Kql.Evaluation;
using SentinelContent.Live.Backtest;
using SentinelContent.Simulation.Alerts;

namespace SentinelContent.Live.Tests;

/// <summary>
/// The key property of the live path: a backtest of each seed rule over a generated week loaded into the
/// emulator (each run a query API call with the run's window as timespan and the query's clock pinned)
/// raises exactly the alerts the offline replay raises on the same files with the local engine.
/// </summary>
public sealed class BacktestEquivalenceTests
{
    public static TheoryData<string> SeedRules()
    {
        var folder = Path.Combine(RepositoryRoot(), "analytics-rules", "entra-id-security-info");
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Where(f => !f.EndsWith(".tests.yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(SeedRules))]
    public async Task Backtest_over_the_emulator_equals_the_offline_replay(string ruleFile)
    {
        var rule = ReadRule(Path.Combine(RepositoryRoot(), "analytics-rules", "entra-id-security-info", ruleFile));
        await using var fixture = await LiveFixture.StartAsync(dir => WeekOfLogs.Write(dir));
        var workspace = fixture.Connect();
        var id = await workspace.WorkspaceIdAsync(TestContext.Current.CancellationToken);

        // NRT rules run every minute: a week is 10,080 runs. Days 4 and 5 (2,880 runs), which hold the planted
        // privileged and VIP deletions, keep the test quick; scheduled rules get the whole week.
        var (from, to) = rule.IsNrt ? (WeekOfLogs.Start.AddDays(4), WeekOfLogs.Start.AddDays(6)) : (WeekOfLogs.Start, WeekOfLogs.End);

        var live = await Backtester.RunAsync(rule, from, to, new WorkspaceBacktestSource(workspace.Logs, id), parallelism: 4, progress: null, TestContext.Current.CancellationToken);
        var offline = await Backtester.RunAsync(rule, from, to, new LocalBacktestSource(new KqlEngine(), QueryApiTests.LoadLocal(fixture.DataDirectory)), parallelism: 1, progress: null, TestContext.Current.CancellationToken);

        var liveAlerts = Describe(live);
        var offlineAlerts = Describe(offline);
        TestContext.Current.SendDiagnosticMessage($"{ruleFile}: {live.Report.Runs} runs, {liveAlerts.Count} alerts live, {offlineAlerts.Count} offline");
        Assert.NotEmpty(offlineAlerts); // the week holds each rule's pattern, so the comparison is not vacuous
        Assert.Equal(offlineAlerts, liveAlerts);
        Assert.Equal(offline.Report.PerDay, live.Report.PerDay);
        Assert.Equal(offline.Report.TopEntities, live.Report.TopEntities);
        Assert.Equal(offline.Report.NoisiestValues, live.Report.NoisiestValues);
    }

    private static List<string> Describe(BacktestResult result) =>
        [.. result.Runs.SelectMany(r => r.Outcome?.Alerts ?? []).Select(Describe)];

    private static string Describe(SimulatedAlert a) => string.Join(" ; ",
        a.RunTime.ToString("O"), a.DisplayName, a.Description, a.Severity, string.Join(",", a.Tactics),
        string.Join(",", a.Entities.Select(e => e.Key)),
        string.Join(",", a.CustomDetails.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + string.Join("/", p.Value))),
        string.Join(",", a.DynamicProperties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)),
        string.Join(",", a.Rows), a.IsSummary.ToString());

    internal static AnalyticsRule ReadRule(string path)
    {
        var diagnostics = new List<Core.Diagnostics.Diagnostic>();
        var source = SourceFileReader.Read(path, diagnostics)!;
        var rule = AnalyticsRuleReader.Read(source, diagnostics);
        Assert.NotNull(rule);
        return rule;
    }

    internal static string RepositoryRoot() =>
        typeof(BacktestEquivalenceTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!;
}
