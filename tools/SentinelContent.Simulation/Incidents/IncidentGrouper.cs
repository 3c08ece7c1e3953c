using SentinelContent.Content.Model;
using SentinelContent.Simulation.Alerts;

namespace SentinelContent.Simulation.Incidents;

/// <summary>An incident as the simulator predicts it: its alerts in arrival order; title and severity from its first alert.</summary>
public sealed record SimulatedIncident(int Number, DateTime Created, IReadOnlyList<SimulatedAlert> Alerts)
{
    public string Title => Alerts[0].DisplayName;

    public string Severity => Alerts[0].Severity;
}

/// <summary>
/// Incident creation and alert grouping (incidentConfiguration). Without grouping, each alert is its own
/// incident. With grouping, an alert joins the open incident of the same grouping key whose first alert is
/// within lookbackDuration (default 5 hours) and that holds fewer than 150 alerts; otherwise it starts one.
/// Keys: AnyAlert, one key for all; AllEntities, the set of all its entities; Selected, the selected entity
/// types, alert details and custom details.
/// </summary>
public static class IncidentGrouper
{
    private static readonly TimeSpan DefaultLookback = TimeSpan.FromHours(5);

    public static IReadOnlyList<SimulatedIncident> Group(AnalyticsRule rule, IEnumerable<SimulatedAlert> alerts)
    {
        var configuration = rule.IncidentConfiguration;
        if (configuration?.CreateIncident?.Value == false) return [];
        var grouping = configuration?.Grouping;
        var incidents = new List<(string Key, DateTime First, List<SimulatedAlert> Alerts)>();
        foreach (var alert in alerts.OrderBy(a => a.RunTime))
        {
            if (grouping?.Enabled?.Value != true)
            {
                incidents.Add((string.Empty, alert.RunTime, [alert]));
                continue;
            }
            var key = KeyOf(grouping, alert);
            var lookback = AnalyticsRule.DurationOf(grouping.LookbackDuration) ?? DefaultLookback;
            var open = incidents.FindLastIndex(i => i.Key == key && alert.RunTime - i.First <= lookback && i.Alerts.Count < SentinelLimits.AlertsPerIncident);
            if (open >= 0) incidents[open].Alerts.Add(alert);
            else incidents.Add((key, alert.RunTime, [alert]));
        }
        return [.. incidents.Select((i, n) => new SimulatedIncident(n + 1, i.First, i.Alerts))];
    }

    private static string KeyOf(GroupingConfiguration grouping, SimulatedAlert alert)
    {
        switch (grouping.MatchingMethod?.Value)
        {
            case "AnyAlert":
                return string.Empty;
            case "Selected":
                var types = grouping.GroupByEntities.Select(e => e.Value).ToHashSet(StringComparer.Ordinal);
                var parts = alert.Entities.Where(e => types.Contains(e.Type)).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
                foreach (var detail in grouping.GroupByAlertDetails.Select(d => d.Value))
                    parts.Add(detail == "Severity" ? $"severity={alert.Severity}" : $"name={alert.DisplayName}");
                foreach (var key in grouping.GroupByCustomDetails.Select(d => d.Value))
                    parts.Add($"{key}={string.Join(",", alert.CustomDetails.GetValueOrDefault(key) ?? [])}");
                return string.Join("\n", parts);
            default:
                return string.Join("\n", alert.Entities.Select(e => e.Key).Order(StringComparer.Ordinal));
        }
    }
}
