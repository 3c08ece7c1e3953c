using SentinelContent.Kql.Data;
using SentinelContent.Kql.Schema;
using SentinelContent.Simulation.Alerts;
using SentinelContent.Simulation.Schedule;

namespace SentinelContent.Live.Backtest;

public sealed record DayCount(DateOnly Day, int Alerts, int Runs, int TriggeredRuns);

public sealed record EntityCount(string Type, string Identity, int Alerts);

public sealed record ValueCount(string Column, string Value, int Alerts);

/// <summary>
/// A backtest summarised for a SOC deciding whether to enable a rule: alerts per day (by run time, UTC),
/// the entities most often in alerts, and the noisiest values (the result values that recur in the most
/// alerts: the candidates for an exclusion).
/// </summary>
public sealed record BacktestReport(
    int Runs, int SuppressedRuns, int TriggeredRuns, int Alerts,
    IReadOnlyList<DayCount> PerDay, IReadOnlyList<EntityCount> TopEntities, IReadOnlyList<ValueCount> NoisiestValues)
{
    public const int TopCount = 10;

    public static BacktestReport From(IReadOnlyList<ReplayRun> runs, IReadOnlyDictionary<QueryWindow, DataTable> results)
    {
        var alerts = runs.SelectMany(r => r.Outcome?.Alerts ?? []).ToList();

        var perDay = runs.GroupBy(r => DateOnly.FromDateTime(r.RunTime))
            .Select(g => new DayCount(g.Key, g.Sum(r => r.Outcome?.Alerts.Count ?? 0), g.Count(), g.Count(r => r.Outcome?.Triggered == true)))
            .OrderBy(d => d.Day)
            .ToList();

        var entities = alerts
            .SelectMany(a => a.Entities.DistinctBy(e => e.Key))
            .GroupBy(e => e.Key)
            .Select(g => new EntityCount(g.First().Type, Identity(g.First()), g.Count()))
            .OrderByDescending(e => e.Alerts).ThenBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.Identity, StringComparer.Ordinal)
            .Take(TopCount)
            .ToList();

        return new BacktestReport(
            runs.Count, runs.Count(r => r.Suppressed), runs.Count(r => r.Outcome?.Triggered == true), alerts.Count,
            perDay, entities, CountValues(runs, results));
    }

    private static string Identity(SimulatedEntity entity) =>
        string.Join(", ", entity.Identifiers.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    /// <summary>
    /// Per alert, the distinct (column, value) pairs of the rows it was made from; counted over alerts.
    /// Datetime columns and empty values are left out: timestamps are unique by nature, not noise.
    /// </summary>
    private static List<ValueCount> CountValues(IReadOnlyList<ReplayRun> runs, IReadOnlyDictionary<QueryWindow, DataTable> results)
    {
        var counts = new Dictionary<(string Column, string Value), int>();
        foreach (var run in runs)
        {
            if (run.Outcome is not { Alerts.Count: > 0 } outcome) continue;
            var table = results[run.Window];
            foreach (var alert in outcome.Alerts)
            {
                var seen = new HashSet<(string, string)>();
                foreach (var row in alert.Rows)
                {
                    for (var c = 0; c < table.Columns.Count; c++)
                    {
                        if (table.Columns[c].Type == ScalarType.DateTime) continue;
                        var text = ValueText.Of(table.Columns[c], row);
                        if (text.Length == 0 || text.Length > 200) continue;
                        seen.Add((table.Schema.Columns[c].Name, text));
                    }
                }
                foreach (var pair in seen) counts[pair] = counts.GetValueOrDefault(pair) + 1;
            }
        }
        return [.. counts
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key.Column, StringComparer.Ordinal).ThenBy(p => p.Key.Value, StringComparer.Ordinal)
            .Take(TopCount)
            .Select(p => new ValueCount(p.Key.Column, p.Key.Value, p.Value))];
    }
}
