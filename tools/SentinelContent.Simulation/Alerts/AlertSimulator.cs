using SentinelContent.Content.Catalogs;
using SentinelContent.Content.Model;
using SentinelContent.Kql.Data;

namespace SentinelContent.Simulation.Alerts;

/// <summary>What one run of a rule produced.</summary>
public sealed record RunOutcome(DateTime RunTime, int RowCount, bool Triggered, IReadOnlyList<SimulatedAlert> Alerts);

/// <summary>
/// Turns one run's query result into the alerts Sentinel would raise: the trigger, then event grouping
/// (SingleAlert: one alert over all rows; AlertPerResult: one per row up to the per-run cap, where the
/// last alert summarises every event), with entities, custom details and details overrides per alert.
/// </summary>
public static class AlertSimulator
{
    public static RunOutcome Run(AnalyticsRule rule, DataTable result, DateTime runTime)
    {
        if (!TriggerEvaluator.Triggers(rule, result.RowCount)) return new RunOutcome(runTime, result.RowCount, false, []);

        var allRows = Enumerable.Range(0, result.RowCount).ToArray();
        var alerts = new List<SimulatedAlert>();
        if (rule.AggregationKind?.Value != "AlertPerResult")
        {
            alerts.Add(MakeAlert(rule, result, runTime, allRows, isSummary: false));
        }
        else
        {
            var cap = rule.IsNrt ? SentinelLimits.AlertsPerNrtRun : SentinelLimits.AlertsPerScheduledRun;
            if (result.RowCount <= cap)
            {
                alerts.AddRange(allRows.Select(row => MakeAlert(rule, result, runTime, [row], isSummary: false)));
            }
            else
            {
                alerts.AddRange(allRows.Take(cap - 1).Select(row => MakeAlert(rule, result, runTime, [row], isSummary: false)));
                alerts.Add(MakeAlert(rule, result, runTime, allRows, isSummary: true));
            }
        }
        return new RunOutcome(runTime, result.RowCount, true, alerts);
    }

    private static SimulatedAlert MakeAlert(AnalyticsRule rule, DataTable result, DateTime runTime, IReadOnlyList<int> rows, bool isSummary)
    {
        var (name, description, severity, tactics, dynamic) = new AlertDetailsResolver(rule, result).Resolve(rows[0]);
        return new SimulatedAlert
        {
            RunTime = runTime,
            DisplayName = name,
            Description = description,
            Severity = severity,
            Tactics = tactics,
            Techniques = [.. rule.RelevantTechniques.Select(t => t.Value)],
            Entities = new EntityExtractor(rule, result, EntityCatalog.Default).Extract(rows),
            CustomDetails = new CustomDetailsCollector(rule, result).Collect(rows),
            DynamicProperties = dynamic,
            Rows = rows,
            IsSummary = isSummary,
        };
    }
}
