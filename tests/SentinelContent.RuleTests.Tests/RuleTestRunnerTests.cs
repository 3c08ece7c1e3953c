using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Content.Loading;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Schema;
using SentinelContent.RuleTests.Diagnostics;
using SentinelContent.RuleTests.Loading;
using SentinelContent.RuleTests.Model;
using SentinelContent.RuleTests.Running;
using SentinelContent.LogAnalytics.Query;

namespace SentinelContent.RuleTests.Tests;

/// <summary>
/// The runner with a stand-in engine whose "query" is a table name and whose result is that table as the run
/// sees it. It isolates what the runner owns: loading, time windows, simulation and expectation checks.
/// </summary>
public sealed class RuleTestRunnerTests : IDisposable
{
    private sealed class TableEchoEngine : IQueryEngine
    {
        public List<DateTime> Runs { get; } = [];

        public DataTable Run(string query, IReadOnlyDictionary<string, DataTable> tables, DateTime now)
        {
            Runs.Add(now);
            return tables.TryGetValue(query.Trim(), out var table) ? table : throw new QueryFailedException([]);
        }
    }

    private static readonly SchemaCatalog Catalog = new([new TableSchema("Events", [
        new ColumnSchema("TimeGenerated", ScalarType.DateTime),
        new ColumnSchema("User", ScalarType.String),
        new ColumnSchema("Method", ScalarType.String),
    ])]);

    private const string Rule = """
        id: 7d1b2c3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e
        name: Security info deleted
        description: d
        severity: Medium
        queryFrequency: PT1H
        queryPeriod: PT1H
        triggerOperator: gt
        triggerThreshold: 0
        query: Events
        entityMappings:
          - entityType: Account
            fieldMappings:
              - identifier: FullName
                columnName: User
        customDetails:
          Method: Method
        alertDetailsOverride:
          alertDisplayNameFormat: Security info deleted for {{User}}
        eventGroupingSettings:
          aggregationKind: AlertPerResult
        incidentConfiguration:
          createIncident: true
          groupingConfiguration:
            enabled: true
            reopenClosedIncident: false
            lookbackDuration: PT5H
            matchingMethod: AllEntities
        kind: Scheduled
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("sc-ruletests-").FullName;
    private readonly TableEchoEngine _engine = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (IReadOnlyList<TestOutcome> Outcomes, List<Diagnostic> Diagnostics) Run(string tests, params (string Name, string Content)[] samples)
    {
        File.WriteAllText(Path.Combine(_dir, "rule.yaml"), Rule);
        foreach (var (name, content) in samples)
        {
            Directory.CreateDirectory(Path.Combine(_dir, "samples"));
            File.WriteAllText(Path.Combine(_dir, "samples", name), content);
        }
        var testPath = Path.Combine(_dir, "rule.tests.yaml");
        File.WriteAllText(testPath, tests);
        var diagnostics = new List<Diagnostic>();
        var file = RuleTestReader.Read(new SourceText(testPath, tests), diagnostics);
        Assert.NotNull(file);
        var rule = AnalyticsRuleReader.Read(new SourceText(file.RulePath, File.ReadAllText(file.RulePath)), diagnostics)!;
        var runner = new RuleTestRunner(_engine, Catalog);
        return ([.. file.Tests.Select(t => runner.Run(rule, t, diagnostics))], diagnostics);
    }

    [Fact]
    public void A_positive_test_checks_count_title_entities_and_custom_details()
    {
        var (outcomes, diagnostics) = Run("""
            tests:
              - name: deletion alerts
                now: 2026-11-20T12:00:00Z
                data:
                  Events:
                    - file: samples/deleted.jsonl
                    - { TimeGenerated: 2026-11-20T11:45:00Z, User: bob@contoso.com, Method: Email }
                expect:
                  alerts: 2
                  rows: 2
                  incidents: 2
                  alertDetails:
                    - displayName: Security info deleted for alice@contoso.com
                      severity: Medium
                      entities:
                        - { type: Account, FullName: alice@contoso.com }
                      customDetails: { Method: [ Phone ] }
                    - displayName: Security info deleted for bob@contoso.com
            """, ("deleted.jsonl", """{"TimeGenerated": "2026-11-20T11:30:00Z", "User": "alice@contoso.com", "Method": "Phone"}"""));
        Assert.Empty(diagnostics);
        var outcome = Assert.Single(outcomes);
        Assert.True(outcome.Passed, string.Join("\n", outcome.Failures));
    }

    [Fact]
    public void Rows_outside_the_lookback_are_not_seen()
    {
        var (outcomes, _) = Run("""
            tests:
              - name: old events are out of the window
                now: 2026-11-20T12:00:00Z
                data:
                  Events:
                    - { TimeGenerated: 2026-11-20T10:59:59Z, User: old@contoso.com }
                    - { TimeGenerated: 2026-11-20T12:00:00Z, User: future@contoso.com }
                expect: { alerts: 0, rows: 0 }
            """);
        Assert.True(outcomes[0].Passed, string.Join("\n", outcomes[0].Failures));
    }

    [Fact]
    public void Mismatches_are_each_reported_plainly()
    {
        var (outcomes, _) = Run("""
            tests:
              - name: wrong expectations
                now: 2026-11-20T12:00:00Z
                data:
                  Events:
                    - { TimeGenerated: 2026-11-20T11:30:00Z, User: alice@contoso.com, Method: Phone }
                expect:
                  alerts: 2
                  alertDetails:
                    - displayName: Something else
                      severity: High
                      entities:
                        - { type: Account, FullName: bob@contoso.com }
                      customDetails: { Method: [ Email ] }
            """);
        var failures = outcomes[0].Failures.Select(f => f.Message).ToList();
        Assert.False(outcomes[0].Passed);
        Assert.Contains("expected 2 alerts, got 1 ('Security info deleted for alice@contoso.com')", failures);
        Assert.Contains("alert 1: displayName: expected 'Something else', got 'Security info deleted for alice@contoso.com'", failures);
        Assert.Contains("alert 1: severity: expected 'High', got 'Medium'", failures);
        Assert.Contains("alert 1: no Account entity with FullName=bob@contoso.com; entities: Account FullName=alice@contoso.com", failures);
        Assert.Contains("alert 1: customDetails.Method: expected [Email], got [Phone]", failures);
        Assert.Contains(outcomes[0].Failures, f => f is { Expected: "Something else", Actual: "Security info deleted for alice@contoso.com" });
    }

    [Fact]
    public void A_replay_runs_on_schedule_and_counts_incidents()
    {
        var (outcomes, _) = Run("""
            tests:
              - name: a day of activity
                now: 2026-11-21T00:00:00Z
                replay: { from: 2026-11-20T00:00:00Z, to: 2026-11-21T00:00:00Z }
                data:
                  Events:
                    - { TimeGenerated: 2026-11-20T01:10:00Z, User: alice@contoso.com }
                    - { TimeGenerated: 2026-11-20T02:10:00Z, User: alice@contoso.com }
                    - { TimeGenerated: 2026-11-20T09:10:00Z, User: alice@contoso.com }
                    - { TimeGenerated: 2026-11-20T09:20:00Z, User: bob@contoso.com }
                expect: { alerts: 4, incidents: 3 }
            """);
        Assert.True(outcomes[0].Passed, string.Join("\n", outcomes[0].Failures));
        Assert.Equal(24, _engine.Runs.Count);
    }

    [Fact]
    public void Bad_test_files_give_diagnostics_at_the_place()
    {
        var diagnostics = new List<Diagnostic>();
        var file = RuleTestReader.Read(new SourceText(Path.Combine(_dir, "x.tests.yaml"), """
            tests:
              - name: a
                now: 2026-11-20 12:00
                data:
                  Events:
                    - file: samples/missing.jsonl
                    - just text
                expect: { alerts: 1 }
              - name: a
                now: 2026-11-20T12:00:00Z
                replay: { from: 2026-11-21T00:00:00Z, to: 2026-11-20T00:00:00Z }
                expect: { alerts: 1 }
            """), diagnostics);
        Assert.NotNull(file);
        Assert.Equal(
            [RuleTestDiagnostics.RuleMissing.Code, RuleTestDiagnostics.InvalidTime.Code, RuleTestDiagnostics.SampleFileMissing.Code, RuleTestDiagnostics.InvalidDataEntry.Code, RuleTestDiagnostics.DuplicateTestName.Code, RuleTestDiagnostics.ReplayOrder.Code],
            diagnostics.Select(d => d.Code));
        Assert.Equal(3, diagnostics[1].Location.Start.Line);
        Assert.Equal(6, diagnostics[2].Location.Start.Line);
    }

    [Fact]
    public void The_shape_of_a_test_file_is_checked_with_suggestions()
    {
        var diagnostics = new List<Diagnostic>();
        Assert.Null(RuleTestReader.Read(new SourceText("x.tests.yaml", "tests:\n  - name: a\n    now: 2026-11-20T12:00:00Z\n    expekt: { alerts: 1 }\n"), diagnostics));
        Assert.Contains(diagnostics, d => d.Code == "SC0101" && d.Message.Contains("'tests[0].expect'"));
        Assert.Contains(diagnostics, d => d.Code == "SC0103" && d.Message.Contains("did you mean 'expect'?"));
    }
}

public class QueryScopeTests
{
    [Theory]
    [InlineData("AuditLogs", true)]
    [InlineData("SigninLogs", true)]
    [InlineData("Watchlist", false)]
    [InlineData("IdentityInfo", false)]
    public void Event_tables_are_scoped_to_the_window_and_reference_tables_are_not(string table, bool scoped) =>
        Assert.Equal(scoped, LogAnalytics.Query.QueryScope.IsScoped(table));
}
