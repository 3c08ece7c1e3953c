using System.Text.Json.Nodes;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Content.Loading;
using SentinelContent.Content.Model;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Data.Loading;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Simulation.Tests;

/// <summary>Rules from YAML text and result tables from rows, for simulator tests.</summary>
public static class Fixtures
{
    public static AnalyticsRule ParseRule(string yaml)
    {
        var diagnostics = new List<Diagnostic>();
        var rule = AnalyticsRuleReader.Read(new SourceText("rule.yaml", yaml), diagnostics);
        Assert.True(rule is not null && diagnostics.All(d => d.Severity != DiagnosticSeverity.Error), string.Join("\n", diagnostics));
        return rule!;
    }

    /// <summary>A rule with the given settings appended to a minimal valid scheduled rule.</summary>
    public static AnalyticsRule Rule(string settings, string trigger = "triggerOperator: gt\ntriggerThreshold: 0", string kind = "Scheduled") => ParseRule($"""
        id: 7d1b2c3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e
        name: Default name
        description: Default description
        severity: Medium
        tactics:
          - CredentialAccess
        relevantTechniques:
          - T1556.006
        query: T
        kind: {kind}
        {(kind == "NRT" ? "" : "queryFrequency: PT1H\nqueryPeriod: PT1H\n" + trigger)}
        {settings}
        """);

    public static readonly TableSchema ResultSchema = new("Result", [
        new ColumnSchema("TimeGenerated", ScalarType.DateTime),
        new ColumnSchema("User", ScalarType.String),
        new ColumnSchema("UserId", ScalarType.String),
        new ColumnSchema("IP", ScalarType.String),
        new ColumnSchema("Method", ScalarType.String),
        new ColumnSchema("Sev", ScalarType.String),
        new ColumnSchema("Tactic", ScalarType.Dynamic),
    ]);

    /// <summary>A result table with one row per (User, IP, Method) tuple; other columns empty.</summary>
    public static DataTable Result(params (string User, string IP, string Method)[] rows) =>
        Table(rows.Select(r => new Dictionary<string, JsonNode?> { ["User"] = r.User, ["IP"] = r.IP, ["Method"] = r.Method }));

    public static DataTable Table(IEnumerable<Dictionary<string, JsonNode?>> rows)
    {
        var location = SourceLocation.FileOnly("rows");
        var sampleRows = rows.Select(r => new SampleRow([.. r.Select(p => new SampleField(p.Key, p.Value))], location)).ToList();
        var diagnostics = new List<Diagnostic>();
        var table = SampleTableBuilder.Build("Result", sampleRows, new SchemaCatalog([ResultSchema]), diagnostics);
        Assert.Empty(diagnostics);
        return table!;
    }

    public static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);
}
