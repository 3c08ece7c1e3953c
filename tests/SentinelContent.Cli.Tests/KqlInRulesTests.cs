using SentinelContent.Cli.Infrastructure;
using SentinelContent.TestSupport.Cli;

namespace SentinelContent.Cli.Tests;

public class KqlInRulesTests
{
    private static readonly string Rule = TestRules.Minimal.Replace("""
          AuditLogs
          | where TimeGenerated > ago(1h)
          | take 1
        """, """
          AuditLogs
          | where OperationName == "User deleted security info"
          | extend Target = tostring(TargetResources[0].userPrincipalName
          | project TimeGenerated, Target
        """, StringComparison.Ordinal);

    [Fact]
    public void A_kql_syntax_error_points_at_the_rule_file_line_and_column()
    {
        using var repo = new TempRepository();
        repo.Write("analytics-rules/a.yaml", Rule);
        var run = repo.Run("validate", "--allow-untested", "--color", "never");
        Assert.Equal(1, run.ExitCode);
        var first = run.Out.Split('\n')[0];
        Assert.StartsWith($"analytics-rules{Path.DirectorySeparatorChar}a.yaml:12:", first);
        Assert.Contains("error SC02", first);
        Assert.Contains(" 12 |   | extend Target = tostring(TargetResources[0].userPrincipalName", run.Out);
    }

    [Fact]
    public void A_valid_query_passes()
    {
        using var repo = new TempRepository();
        repo.Write("analytics-rules/a.yaml", Rule.Replace("userPrincipalName\n", "userPrincipalName)\n"));
        Assert.Equal(0, repo.Run("validate", "--allow-untested").ExitCode);
    }

    [Fact]
    public void Kql_check_reads_json_lines_and_writes_the_oracle_shape()
    {
        var input = "{\"id\":\"ok\",\"query\":\"AuditLogs | take 1\"}\n{\"id\":\"bad\",\"query\":\"AuditLogs | where\"}\n";
        var run = CliRun.WithInput(Path.GetTempPath(), input, "kql", "check");
        Assert.Equal(1, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"id\":\"ok\",\"syntaxErrors\":[]", lines[0]);
        Assert.Contains("\"id\":\"bad\",\"syntaxErrors\":[{\"code\":\"SC02", lines[1]);
    }
}

public class RuleTestFilesInValidateTests
{
    [Fact]
    public void Validate_checks_test_files_and_their_samples()
    {
        using var repo = new TempRepository();
        repo.Write("analytics-rules/r.yaml", File.ReadAllText(Path.Combine(TestSupport.RepositoryPaths.Root, "analytics-rules", "entra-id-security-info", "SecurityInfoDeleted.yaml")));
        repo.Write("analytics-rules/samples/deleted.jsonl", "{\"TimeGenerated\": \"2026-11-20T11:30:00Z\", \"OperatonName\": \"User deleted security info\"}\n");
        repo.Write("analytics-rules/r.tests.yaml", """
            tests:
              - name: deletion
                now: 2026-11-20T12:00:00Z
                data:
                  AuditLogs:
                    - file: samples/deleted.jsonl
                    - { TimeGenerated: 2026-11-20T11:40:00Z, Result: 5 }
                expect: { alerts: 1 }
            """);
        var run = repo.Run("validate", "--allow-untested", "--format", "json");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("\"code\": \"SC0703\"", run.Out);
        Assert.Contains("did you mean 'OperationName'?", run.Out);
        Assert.Contains("\"code\": \"SC0702\"", run.Out);
    }
}
