using System.Text.Json;
using System.Xml.Linq;
using SentinelContent.TestSupport;
using SentinelContent.TestSupport.Cli;
using SentinelContent.TestSupport.Content;

namespace SentinelContent.Cli.Tests;

/// <summary>`sentinelctl test` end to end: real rules and test files in a throw-away repository, through the real engine.</summary>
public sealed class TestCommandTests : IDisposable
{
    private const string Rule = DeletionRule.Rule;
    private const string Deletion = DeletionRule.Deletion;
    private const string Registration = DeletionRule.Registration;

    private readonly TempRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    private void WriteRule(string tests, string rule = Rule)
    {
        _repo.Write("analytics-rules/pack/deletions.yaml", rule);
        _repo.Write("analytics-rules/pack/deletions.tests.yaml", tests);
    }

    private static string Tests(int expectedAlerts = 1) => $"""
        tests:
          - name: a deletion alerts
            now: 2026-11-20T12:00:00Z
            data:
              AuditLogs:
                - {Deletion}
            expect:
              alerts: {expectedAlerts}
              alertDetails:
                - displayName: Deleted for alice@contoso.com
                  entities:
                    - {"{"} type: Account, FullName: alice@contoso.com {"}"}
          - name: a registration does not
            now: 2026-11-20T12:00:00Z
            data:
              AuditLogs:
                - {Registration}
            expect: {"{"} alerts: 0, rows: 0 {"}"}
        """;

    [Fact]
    public void Passing_tests_exit_zero_with_the_summary()
    {
        WriteRule(Tests());
        var run = _repo.Run("test");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains("test: 2 passed, 0 failed (2 rule tests;", run.Out);
        Assert.DoesNotContain("\u001b[", run.Out);
    }

    [Fact]
    public void A_failing_test_shows_the_rule_the_test_expected_and_actual_and_what_came_out()
    {
        WriteRule(Tests(expectedAlerts: 2));
        var run = _repo.Run("test");
        Assert.Equal(1, run.ExitCode);
        var lines = run.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("FAIL Deletions › a deletion alerts (analytics-rules/pack/deletions.tests.yaml:2:11)", lines);
        Assert.Contains("  expected 2 alerts, got 1 ('Deleted for alice@contoso.com')", lines);
        Assert.Contains("    - expected: 2 alerts", lines);
        Assert.Contains("    + actual:   1 alert", lines);
        Assert.Contains("  what came out:", lines);
        Assert.Contains("    1 row, 1 alert, 1 incident", lines);
        Assert.Contains("    alert 1: 'Deleted for alice@contoso.com' Medium; entities: Account(FullName=alice@contoso.com); customDetails: none", lines);
        Assert.Contains("test: 1 passed, 1 failed (2 rule tests;", run.Out);
    }

    [Fact]
    public void Colour_marks_expected_red_and_actual_green_when_asked()
    {
        WriteRule(Tests(expectedAlerts: 2));
        var run = _repo.Run("test", "--color", "always");
        Assert.Contains("\u001b[31m- expected: 2 alerts\u001b[0m", run.Out);
        Assert.Contains("\u001b[32m+ actual:   1 alert\u001b[0m", run.Out);
    }

    [Fact]
    public void Filter_selects_tests_by_name_and_a_filter_matching_nothing_is_a_usage_error()
    {
        WriteRule(Tests(expectedAlerts: 2));
        var run = _repo.Run("test", "--filter", "REGISTRATION");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("test: 1 passed, 0 failed", run.Out);
        var none = _repo.Run("test", "--filter", "no such test");
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("no test matches --filter 'no such test'", none.Error);
    }

    [Fact]
    public void Json_reports_each_test_with_both_sides_of_a_mismatch()
    {
        WriteRule(Tests(expectedAlerts: 2));
        var run = _repo.Run("test", "--format", "json");
        Assert.Equal(1, run.ExitCode);
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(1, root.GetProperty("summary").GetProperty("passed").GetInt32());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("failed").GetInt32());
        var failed = root.GetProperty("tests").EnumerateArray().Single(t => t.GetProperty("status").GetString() == "failed");
        Assert.Equal("rule", failed.GetProperty("kind").GetString());
        Assert.Equal("Deletions", failed.GetProperty("suite").GetString());
        Assert.Equal("analytics-rules/pack/deletions.tests.yaml", failed.GetProperty("file").GetString());
        var failure = failed.GetProperty("failures")[0];
        Assert.Equal("2 alerts", failure.GetProperty("expected").GetString());
        Assert.Equal("1 alert", failure.GetProperty("actual").GetString());
    }

    [Fact]
    public void Junit_has_a_case_per_test_and_sarif_a_result_per_mismatch()
    {
        WriteRule(Tests(expectedAlerts: 2));
        var junit = XDocument.Parse(_repo.Run("test", "--format", "junit").Out);
        var cases = junit.Descendants("testcase").ToList();
        Assert.Equal(["a deletion alerts", "a registration does not"], cases.Select(c => (string)c.Attribute("name")!));
        Assert.NotNull(cases[0].Element("failure"));
        Assert.Null(cases[1].Element("failure"));
        Assert.Equal("1", (string)junit.Root!.Attribute("failures")!);

        var sarif = JsonDocument.Parse(_repo.Run("test", "--format", "sarif").Out).RootElement;
        var results = sarif.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var result = Assert.Single(results);
        Assert.Equal("SC0408", result.GetProperty("ruleId").GetString());
        Assert.Equal(2, result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Output_file_is_written_whole()
    {
        WriteRule(Tests());
        var run = _repo.Run("test", "--format", "junit", "--output", "out/results.xml");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("test: 2 passed, 0 failed, 0 error(s); report written to out/results.xml", run.Error);
        Assert.Equal(2, XDocument.Load(Path.Combine(_repo.Root, "out", "results.xml")).Descendants("testcase").Count());
    }

    [Fact]
    public void Bad_test_files_are_errors_at_file_line_and_column()
    {
        WriteRule("""
            tests:
              - name: bad time
                now: 2026-11-20 12:00
                data:
                  AuditLogs:
                    - file: samples/missing.jsonl
                expect: { alerts: 1 }
            """);
        var run = _repo.Run("test");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("analytics-rules/pack/deletions.tests.yaml:3:10: error SC0401:", run.Out);
        Assert.Contains("analytics-rules/pack/deletions.tests.yaml:6:17: error SC0402:", run.Out);
        Assert.DoesNotContain("   at ", run.Out + run.Error);
    }

    [Fact]
    public void SC0410_a_test_time_at_the_edge_of_the_calendar_is_refused_instead_of_running()
    {
        // Found by the content fuzz suite: now: 0001-01-01 made the runner's look-back window fall off the calendar
        // (an internal error). Such a time is now a diagnostic at its position, and nothing runs.
        WriteRule("""
            tests:
              - name: the first day of the calendar
                now: "0001-01-01T00:00:00Z"
                data:
                  AuditLogs: []
                expect: { alerts: 0 }
            """);
        var run = _repo.Run("test");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("analytics-rules/pack/deletions.tests.yaml:3:10: error SC0410:", run.Out);
        Assert.DoesNotContain("internal error", run.Out + run.Error);
        Assert.DoesNotContain("   at ", run.Out + run.Error);
    }

    [Fact]
    public void SC0404_test_data_for_a_table_outside_the_catalog_is_a_warning_at_the_table_name()
    {
        WriteRule($"""
            tests:
              - name: a deletion alerts
                now: 2026-11-20T12:00:00Z
                data:
                  AuditLogs:
                    - {Deletion}
                  MyApp_CL:
                    - {"{"} TimeGenerated: 2026-11-20T11:30:00Z, Message: hello {"}"}
                expect: {"{"} alerts: 1 {"}"}
              - name: nothing else alerts
                now: 2026-11-20T12:00:00Z
                data:
                  AuditLogs:
                    - {Registration}
                expect: {"{"} alerts: 0 {"}"}
            """);
        var run = _repo.Run("validate");
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("analytics-rules/pack/deletions.tests.yaml:7:7: warning SC0404: the table 'MyApp_CL' is not in the schema catalog",
            run.Out);
    }

    [Fact]
    public void A_query_that_cannot_run_fails_its_tests_with_the_error_in_the_rule_file()
    {
        WriteRule(Tests(), Rule.Replace("| project TimeGenerated, User, OperationName", "| project TimeGenerated, User, NoSuchColumn"));
        var run = _repo.Run("test");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the query failed:", run.Out);
        // The query block starts on line 10; the bad column is on its fourth line, after "  | project TimeGenerated, User, ".
        Assert.Contains("analytics-rules/pack/deletions.yaml:13:34: error SC03", run.Out);
    }

    [Fact]
    public void Replay_backtests_the_data_over_a_span_and_a_bad_span_is_a_usage_error()
    {
        WriteRule(Tests(expectedAlerts: 5));
        var run = _repo.Run("test", "--replay", "2026-11-20T00:00:00Z..2026-11-21T00:00:00Z");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains("ran  Deletions › a deletion alerts: 1 alert, 1 incident", run.Out);
        Assert.Contains("ran  Deletions › a registration does not: 0 alerts, 0 incidents", run.Out);
        Assert.Equal(2, _repo.Run("test", "--replay", "2026-11-21T00:00:00Z..2026-11-20T00:00:00Z").ExitCode);
        Assert.Equal(2, _repo.Run("test", "--replay", "yesterday").ExitCode);
    }

    [Fact]
    public void Missing_paths_are_usage_errors_and_an_empty_repository_has_no_tests()
    {
        Assert.Equal(2, _repo.Run("test", "nowhere").ExitCode);
        var empty = _repo.Run("test");
        Assert.Equal(1, empty.ExitCode);
        Assert.Contains("no tests found", empty.Error);
    }

    [Fact]
    public void Naming_a_rule_runs_the_tests_beside_it()
    {
        WriteRule(Tests());
        var run = _repo.Run("test", "analytics-rules/pack/deletions.yaml");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("test: 2 passed, 0 failed", run.Out);
    }

    [Fact]
    public void The_repository_tests_pass_rules_and_playbooks()
    {
        var run = CliRun.In(RepositoryPaths.Root, "test");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Matches(@"test: \d+ passed, 0 failed \(23 rule tests, \d+ playbook tests", run.Out);
    }

    [Fact]
    public void Help_teaches_with_examples()
    {
        var run = CliRun.In(Path.GetTempPath(), "test", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Examples:", run.Out);
        Assert.Contains("--filter", run.Out);
        Assert.Contains("--replay", run.Out);
    }
}
