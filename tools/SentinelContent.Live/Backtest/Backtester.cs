using System.Collections.Concurrent;
using SentinelContent.Content.Model;
using SentinelContent.Kql.Data;
using SentinelContent.Simulation.Schedule;

namespace SentinelContent.Live.Backtest;

/// <summary>What a backtest produced: every scheduled run (with its alerts) and the report over them.</summary>
public sealed record BacktestResult(AnalyticsRule Rule, DateTime From, DateTime To, IReadOnlyList<ReplayRun> Runs, BacktestReport Report);

/// <summary>
/// Runs a rule on its schedule over a span, as Sentinel would have: every queryFrequency a run queries
/// queryPeriod of data, then the alert simulation and suppression (<see cref="Replay"/>). The runs' queries
/// do not depend on each other, so they are fetched first with bounded parallelism (a run skipped by
/// suppression is queried too and its result not used), then replayed in order.
/// </summary>
public static class Backtester
{
    /// <summary>More runs than this is refused: a year of a five-minute rule is already 105,120.</summary>
    public const int MaxRuns = 200_000;

    public static int CountRuns(AnalyticsRule rule, DateTime from, DateTime to) => RuleSchedule.RunTimes(rule, from, to).Take(MaxRuns + 1).Count();

    public static async Task<BacktestResult> RunAsync(
        AnalyticsRule rule, DateTime from, DateTime to, IBacktestSource source, int parallelism, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var query = rule.Query?.Value ?? throw new ArgumentException("the rule has no query", nameof(rule));
        var windows = RuleSchedule.RunTimes(rule, from, to).Take(MaxRuns + 1).Select(t => RuleSchedule.Window(rule, t)).ToList();
        if (windows.Count > MaxRuns) throw new ArgumentException($"the span holds more than {MaxRuns} runs of this rule; backtest a shorter span");

        var results = new ConcurrentDictionary<QueryWindow, DataTable>();
        var done = 0;
        await Parallel.ForEachAsync(windows, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken }, async (window, token) =>
        {
            results[window] = await source.QueryAsync(query, window, token).ConfigureAwait(false);
            progress?.Report(Interlocked.Increment(ref done));
        }).ConfigureAwait(false);

        var runs = Replay.Run(rule, from, to, window => results[window]);
        return new BacktestResult(rule, from, to, runs, BacktestReport.From(runs, results));
    }
}
