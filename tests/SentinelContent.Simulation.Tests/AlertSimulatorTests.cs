using System.Text.Json.Nodes;
using SentinelContent.Simulation.Alerts;
using static SentinelContent.Simulation.Tests.Fixtures;

namespace SentinelContent.Simulation.Tests;

public class AlertSimulatorTests
{
    private const string Entities = """
        entityMappings:
          - entityType: Account
            fieldMappings:
              - identifier: FullName
                columnName: User
          - entityType: IP
            fieldMappings:
              - identifier: Address
                columnName: IP
        """;

    [Theory]
    [InlineData("gt", 0, 1, true)]
    [InlineData("gt", 2, 2, false)]
    [InlineData("gt", 2, 3, true)]
    [InlineData("lt", 3, 2, true)]
    [InlineData("lt", 3, 3, false)]
    [InlineData("eq", 2, 2, true)]
    [InlineData("eq", 2, 3, false)]
    [InlineData("ne", 2, 3, true)]
    [InlineData("ne", 2, 2, false)]
    [InlineData("GreaterThan", 1, 2, true)]
    [InlineData("lt", 3, 0, false)]
    [InlineData("eq", 0, 0, false)]
    public void The_trigger_compares_the_row_count(string op, int threshold, int rows, bool triggers)
    {
        var rule = Rule("", $"triggerOperator: {op}\ntriggerThreshold: {threshold}");
        var result = Result([.. Enumerable.Range(0, rows).Select(i => ($"u{i}", "", ""))]);
        Assert.Equal(triggers, AlertSimulator.Run(rule, result, Now).Triggered);
    }

    [Fact]
    public void A_single_alert_gathers_all_rows_and_merges_duplicate_entities()
    {
        var rule = Rule(Entities + "\ncustomDetails:\n  Method: Method\neventGroupingSettings:\n  aggregationKind: SingleAlert");
        var outcome = AlertSimulator.Run(rule, Result(("alice@contoso.com", "10.0.0.1", "Phone"), ("alice@contoso.com", "10.0.0.2", "Phone"), ("bob@contoso.com", "10.0.0.1", "Email")), Now);
        var alert = Assert.Single(outcome.Alerts);
        Assert.Equal([0, 1, 2], alert.Rows);
        Assert.Equal(["Account|FullName=alice@contoso.com", "Account|FullName=bob@contoso.com", "IP|Address=10.0.0.1", "IP|Address=10.0.0.2"], alert.Entities.Select(e => e.Key));
        Assert.Equal(["Phone", "Email"], alert.CustomDetails["Method"]);
        Assert.Equal("Default name", alert.DisplayName);
    }

    [Fact]
    public void Alert_per_result_raises_one_alert_per_row()
    {
        var rule = Rule(Entities + "\neventGroupingSettings:\n  aggregationKind: AlertPerResult");
        var outcome = AlertSimulator.Run(rule, Result(("a@x.com", "1.1.1.1", "Phone"), ("b@x.com", "2.2.2.2", "Email")), Now);
        Assert.Equal(2, outcome.Alerts.Count);
        Assert.Equal(["Account|FullName=b@x.com", "IP|Address=2.2.2.2"], outcome.Alerts[1].Entities.Select(e => e.Key));
        Assert.All(outcome.Alerts, a => Assert.False(a.IsSummary));
    }

    [Theory]
    [InlineData("Scheduled", 150, 150, false)]
    [InlineData("Scheduled", 151, 150, true)]
    [InlineData("NRT", 30, 30, false)]
    [InlineData("NRT", 45, 30, true)]
    public void Past_the_per_run_cap_the_last_alert_summarises_every_event(string kind, int rows, int alerts, bool summarised)
    {
        var rule = Rule("eventGroupingSettings:\n  aggregationKind: AlertPerResult", kind: kind);
        var outcome = AlertSimulator.Run(rule, Result([.. Enumerable.Range(0, rows).Select(i => ($"u{i}", "", ""))]), Now);
        Assert.Equal(alerts, outcome.Alerts.Count);
        Assert.Equal(summarised, outcome.Alerts[^1].IsSummary);
        if (summarised) Assert.Equal(rows, outcome.Alerts[^1].Rows.Count);
    }

    [Fact]
    public void Entities_without_a_value_or_a_required_identifier_are_dropped()
    {
        var rule = Rule("""
            entityMappings:
              - entityType: Account
                fieldMappings:
                  - identifier: FullName
                    columnName: User
                  - identifier: AadUserId
                    columnName: UserId
              - entityType: Account
                fieldMappings:
                  - identifier: UPNSuffix
                    columnName: IP
            eventGroupingSettings:
              aggregationKind: AlertPerResult
            """);
        var table = Table([
            new() { ["User"] = "alice@contoso.com", ["UserId"] = "", ["IP"] = "contoso.com" },
            new() { ["User"] = "", ["UserId"] = "  ", ["IP"] = "" },
        ]);
        var outcome = AlertSimulator.Run(rule, table, Now);
        var first = outcome.Alerts[0].Entities.Single();
        Assert.Equal("alice@contoso.com", first.Identifiers["FullName"]);
        Assert.False(first.Identifiers.ContainsKey("AadUserId"));
        Assert.Empty(outcome.Alerts[1].Entities);
    }

    [Fact]
    public void Each_mapping_keeps_its_share_of_the_500_entities()
    {
        var rule = Rule(Entities);
        var rows = Enumerable.Range(0, 300).Select(i => ($"user{i}@x.com", $"10.0.{i / 256}.{i % 256}", "")).ToArray();
        var alert = Assert.Single(AlertSimulator.Run(rule, Result(rows), Now).Alerts);
        Assert.Equal(250, alert.Entities.Count(e => e.Type == "Account"));
        Assert.Equal(250, alert.Entities.Count(e => e.Type == "IP"));
    }

    [Fact]
    public void Custom_details_keep_at_most_50_distinct_values()
    {
        var rule = Rule("customDetails:\n  Method: Method");
        var alert = Assert.Single(AlertSimulator.Run(rule, Result([.. Enumerable.Range(0, 80).Select(i => ("u", "", $"m{i % 60}"))]), Now).Alerts);
        Assert.Equal(50, alert.CustomDetails["Method"].Count);
        Assert.Equal("m0", alert.CustomDetails["Method"][0]);
    }

    [Fact]
    public void Details_override_fills_placeholders_and_falls_back_when_empty()
    {
        var rule = Rule("""
            alertDetailsOverride:
              alertDisplayNameFormat: "Security info deleted for {{User}}"
              alertDescriptionFormat: "{{Method}}"
              alertSeverityColumnName: Sev
              alertTacticsColumnName: Tactic
              alertDynamicProperties:
                - alertProperty: RemediationSteps
                  value: Method
            eventGroupingSettings:
              aggregationKind: AlertPerResult
            """);
        var table = Table([
            new() { ["User"] = "alice@contoso.com", ["Method"] = "Phone", ["Sev"] = "high", ["Tactic"] = new JsonArray("Persistence", "Impact") },
            new() { ["User"] = "bob@contoso.com", ["Method"] = "", ["Sev"] = "Critical", ["Tactic"] = "Persistence, NotATactic" },
        ]);
        var alerts = AlertSimulator.Run(rule, table, Now).Alerts;
        Assert.Equal("Security info deleted for alice@contoso.com", alerts[0].DisplayName);
        Assert.Equal("Phone", alerts[0].Description);
        Assert.Equal("High", alerts[0].Severity);
        Assert.Equal(["Persistence", "Impact"], alerts[0].Tactics);
        Assert.Equal("Phone", alerts[0].DynamicProperties["RemediationSteps"]);

        Assert.Equal("Default description", alerts[1].Description);
        Assert.Equal("Medium", alerts[1].Severity);
        Assert.Equal(["CredentialAccess"], alerts[1].Tactics);
        Assert.False(alerts[1].DynamicProperties.ContainsKey("RemediationSteps"));
    }

    [Fact]
    public void A_name_whose_placeholders_are_all_empty_falls_back_to_the_rule_name()
    {
        var rule = Rule("alertDetailsOverride:\n  alertDisplayNameFormat: \"{{User}}\"");
        Assert.Equal("Default name", Assert.Single(AlertSimulator.Run(rule, Result(("", "", "")), Now).Alerts).DisplayName);
    }
}
