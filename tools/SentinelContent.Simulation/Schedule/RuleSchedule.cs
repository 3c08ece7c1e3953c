using SentinelContent.Content.Model;

namespace SentinelContent.Simulation.Schedule;

/// <summary>The time window one run of a rule queries: TimeGenerated in [Start, End).</summary>
public readonly record struct QueryWindow(DateTime Start, DateTime End)
{
    public bool Contains(DateTime time) => time >= Start && time < End;
}

/// <summary>
/// When a rule runs and what each run sees. A scheduled rule runs every queryFrequency and sees queryPeriod
/// of data before the run time; an NRT rule runs every minute and sees the minute before. Sentinel's built-in
/// delay (5 minutes, 2 for NRT) shifts real runs but not the windows relative to each other, so it is not modelled.
/// </summary>
public static class RuleSchedule
{
    public static TimeSpan Interval(AnalyticsRule rule) =>
        rule.IsNrt ? SentinelLimits.NrtInterval : AnalyticsRule.DurationOf(rule.QueryFrequency) ?? TimeSpan.FromHours(1);

    public static TimeSpan Lookback(AnalyticsRule rule) =>
        rule.IsNrt ? SentinelLimits.NrtInterval : AnalyticsRule.DurationOf(rule.QueryPeriod) ?? Interval(rule);

    public static QueryWindow Window(AnalyticsRule rule, DateTime runTime) => new(runTime - Lookback(rule), runTime);

    /// <summary>Run times in (from, to]: the first run is one interval after <paramref name="from"/>, so runs cover the span without looking before it more than the lookback.</summary>
    public static IEnumerable<DateTime> RunTimes(AnalyticsRule rule, DateTime from, DateTime to)
    {
        var interval = Interval(rule);
        for (var run = from + interval; run <= to; run += interval) yield return run;
    }
}
