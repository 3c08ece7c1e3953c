using SentinelContent.Kql.Data;
using SentinelContent.Simulation.Alerts;
using SentinelContent.Simulation.Incidents;
using SentinelContent.Simulation.Schedule;
using static SentinelContent.Simulation.Tests.Fixtures;

namespace SentinelContent.Simulation.Tests;

public class ReplayAndIncidentTests
{
    private static readonly DateTime Start = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_scheduled_rule_runs_every_frequency_over_its_period()
    {
        var rule = Rule("", kind: "Scheduled");
        var runs = RuleSchedule.RunTimes(rule, Start, Start.AddHours(3)).ToList();
        Assert.Equal([Start.AddHours(1), Start.AddHours(2), Start.AddHours(3)], runs);
        Assert.Equal(new QueryWindow(Start.AddHours(1), Start.AddHours(2)), RuleSchedule.Window(rule, Start.AddHours(2)));
    }

    [Fact]
    public void An_nrt_rule_runs_every_minute_over_the_last_minute()
    {
        var rule = Rule("", kind: "NRT");
        Assert.Equal(60, RuleSchedule.RunTimes(rule, Start, Start.AddHours(1)).Count());
        Assert.Equal(TimeSpan.FromMinutes(1), RuleSchedule.Lookback(rule));
    }

    [Fact]
    public void Suppression_skips_runs_after_an_alert_for_its_duration()
    {
        var rule = Rule("suppressionEnabled: true\nsuppressionDuration: PT2H");
        var runs = Replay.Run(rule, Start, Start.AddHours(6), _ => Result(("alice@contoso.com", "", "")));
        Assert.Equal([false, true, false, true, false, true], runs.Select(r => r.Suppressed));
        Assert.Equal(3, runs.Count(r => r.Outcome?.Alerts.Count > 0));
    }

    [Fact]
    public void Without_suppression_every_run_alerts()
    {
        var rule = Rule("suppressionEnabled: false\nsuppressionDuration: PT2H");
        Assert.All(Replay.Run(rule, Start, Start.AddHours(4), _ => Result(("a", "", ""))), r => Assert.False(r.Suppressed));
    }

    [Fact]
    public void Each_run_queries_its_own_window()
    {
        var rule = Rule("");
        var windows = new List<QueryWindow>();
        Replay.Run(rule, Start, Start.AddHours(2), w => { windows.Add(w); return Result(); });
        Assert.Equal([new QueryWindow(Start, Start.AddHours(1)), new QueryWindow(Start.AddHours(1), Start.AddHours(2))], windows);
    }

}

public class IncidentGroupingTests
{
    private static readonly DateTime Start = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

    private const string Mappings = """
        entityMappings:
          - entityType: Account
            fieldMappings:
              - identifier: FullName
                columnName: User
        customDetails:
          Method: Method
        eventGroupingSettings:
          aggregationKind: AlertPerResult
        """;

    private static string Grouping(string method, string extra = "", string lookback = "PT5H") => $"""
        incidentConfiguration:
          createIncident: true
          groupingConfiguration:
            enabled: true
            reopenClosedIncident: false
            lookbackDuration: {lookback}
            matchingMethod: {method}
        {extra}
        """;

    /// <summary>Alerts for (hour, user, method) events, one run per event at Start + hour.</summary>
    private static List<SimulatedAlert> Alerts(Content.Model.AnalyticsRule rule, params (int Hour, string User, string Method)[] events) =>
        [.. events.SelectMany(e => AlertSimulator.Run(rule, Result((e.User, "", e.Method)), Start.AddHours(e.Hour)).Alerts)];

    [Fact]
    public void Without_grouping_each_alert_is_an_incident()
    {
        var rule = Rule(Mappings + "\nincidentConfiguration:\n  createIncident: true");
        Assert.Equal(3, IncidentGrouper.Group(rule, Alerts(rule, (0, "a", "x"), (1, "a", "x"), (2, "b", "x"))).Count);
    }

    [Fact]
    public void No_incidents_when_creation_is_off()
    {
        var rule = Rule(Mappings + "\nincidentConfiguration:\n  createIncident: false");
        Assert.Empty(IncidentGrouper.Group(rule, Alerts(rule, (0, "a", "x"))));
    }

    [Fact]
    public void All_entities_groups_alerts_with_the_same_entities_within_the_lookback()
    {
        var rule = Rule(Mappings + "\n" + Grouping("AllEntities"));
        var incidents = IncidentGrouper.Group(rule, Alerts(rule, (0, "a", "x"), (1, "b", "x"), (4, "a", "y"), (6, "a", "z")));
        Assert.Equal([2, 1, 1], incidents.Select(i => i.Alerts.Count));
        Assert.Equal("a", incidents[0].Alerts[1].Entities[0].Identifiers["FullName"]);
        Assert.Equal(Start.AddHours(6), incidents[2].Created);
    }

    [Fact]
    public void Any_alert_puts_everything_in_one_incident_until_the_lookback_ends()
    {
        var rule = Rule(Mappings + "\n" + Grouping("AnyAlert", lookback: "PT2H"));
        var incidents = IncidentGrouper.Group(rule, Alerts(rule, (0, "a", "x"), (1, "b", "y"), (2, "c", "z"), (3, "d", "w")));
        Assert.Equal([3, 1], incidents.Select(i => i.Alerts.Count));
    }

    [Fact]
    public void Selected_groups_by_the_chosen_custom_detail()
    {
        var rule = Rule(Mappings + "\n" + Grouping("Selected", "    groupByCustomDetails:\n      - Method"));
        var incidents = IncidentGrouper.Group(rule, Alerts(rule, (0, "a", "Phone"), (1, "b", "Phone"), (2, "a", "Email")));
        Assert.Equal([2, 1], incidents.Select(i => i.Alerts.Count));
    }

    [Fact]
    public void An_incident_holds_at_most_150_alerts()
    {
        var rule = Rule(Mappings + "\n" + Grouping("AnyAlert"));
        var alerts = AlertSimulator.Run(rule, Result([.. Enumerable.Range(0, 150).Select(i => ($"u{i}", "", ""))]), Start).Alerts
            .Concat(AlertSimulator.Run(rule, Result(("late", "", "")), Start.AddHours(1)).Alerts);
        Assert.Equal([150, 1], IncidentGrouper.Group(rule, alerts).Select(i => i.Alerts.Count));
    }
}
