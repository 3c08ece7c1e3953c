using SentinelContent.Content.Model;
using SentinelContent.Kql.Data;
using SentinelContent.Simulation.Alerts;

namespace SentinelContent.Simulation.Schedule;

/// <summary>One scheduled run during a replay: its outcome, or that suppression skipped it.</summary>
public sealed record ReplayRun(DateTime RunTime, QueryWindow Window, bool Suppressed, RunOutcome? Outcome);

/// <summary>
/// Runs a rule on its schedule over a span of time, as Sentinel would: every interval the query runs over its
/// window; after a run that raises alerts, suppression (when enabled) skips the runs until suppressionDuration
/// has passed. The caller supplies the query: given a window, the result table.
/// </summary>
public static class Replay
{
    public static IReadOnlyList<ReplayRun> Run(AnalyticsRule rule, DateTime from, DateTime to, Func<QueryWindow, DataTable> query)
    {
        var runs = new List<ReplayRun>();
        var suppression = rule.SuppressionEnabled?.Value == true ? AnalyticsRule.DurationOf(rule.SuppressionDuration) : null;
        DateTime? suppressedUntil = null;
        foreach (var runTime in RuleSchedule.RunTimes(rule, from, to))
        {
            var window = RuleSchedule.Window(rule, runTime);
            if (suppressedUntil is { } until && runTime < until)
            {
                runs.Add(new ReplayRun(runTime, window, Suppressed: true, Outcome: null));
                continue;
            }
            var outcome = AlertSimulator.Run(rule, query(window), runTime);
            runs.Add(new ReplayRun(runTime, window, Suppressed: false, outcome));
            if (outcome.Alerts.Count > 0 && suppression is { } s) suppressedUntil = runTime + s;
        }
        return runs;
    }
}
