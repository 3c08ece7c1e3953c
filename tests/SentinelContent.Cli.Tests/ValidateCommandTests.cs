using System.Text.Json;
using SentinelContent.TestSupport.Cli;

namespace SentinelContent.Cli.Tests;

public class ValidateCommandTests
{
    private const string ValidRule = TestRules.Minimal;

    [Fact]
    public void Clean_content_exits_zero_and_says_so()
    {
        using var repo = new TempRepository();
        repo.Write("analytics-rules/a.yaml", ValidRule);
        var run = repo.Run("validate", "--allow-untested");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("validate: 1 file checked, 0 errors, 0 warnings", run.Out);
    }

    [Fact]
    public void Errors_exit_one_with_compiler_style_lines()
    {
        using var repo = new TempRepository();
        repo.Write("analytics-rules/a.yaml", ValidRule.Replace("severity: Low", "severity: Lo"));
        var run = repo.Run("validate", "--allow-untested");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"analytics-rules{Path.DirectorySeparatorChar}a.yaml:4:11: error SC0104:", run.Out);
        Assert.Contains(" 4 | severity: Lo", run.Out);
    }

    [Fact]
    public void Tables_outside_the_catalog_are_warnings_until_a_schema_file_declares_them()
    {
        using var repo = new TempRepository();
        repo.Write("analytics-rules/a.yaml", ValidRule.Replace("AuditLogs\n", "Custom_CL\n").Replace("| take 1", "| where Severity_s == 'High'"));
        var without = repo.Run("validate", "--allow-untested", "--format", "json");
        Assert.Equal(0, without.ExitCode);
        Assert.Contains("\"SC0308\"", without.Out);

        repo.Write("schemas/custom.json", """{"Custom_CL": {"TimeGenerated": "datetime", "Level_s": "string"}}""");
        var with = repo.Run("validate", "--allow-untested", "--schema", "schemas/custom.json", "--color", "never");
        Assert.Equal(1, with.ExitCode);
        Assert.Contains("error SC0302: The name 'Severity_s' does not refer to any column", with.Out);
    }

    [Fact]
    public void Workspace_functions_are_warnings_that_say_how_to_declare_them_and_are_checked_once_declared()
    {
        using var repo = new TempRepository();
        repo.Write("analytics-rules/a.yaml",
            ValidRule.Replace("AuditLogs\n", "ContosoDns(starttime=ago(1h))\n").Replace("| take 1", "| where DnsQueryBogus has 'x'"));
        var without = repo.Run("validate", "--allow-untested", "--color", "never");
        Assert.Equal(0, without.ExitCode);
        Assert.Contains("warning SC0320: The function 'ContosoDns' is not built in", without.Out);
        Assert.Contains("--functions FILE", without.Out);

        repo.Write("functions.json",
            """{"ContosoDns": {"parameters": "(starttime:datetime)", "body": "{ datatable(TimeGenerated:datetime, DnsQuery:string)[] }"}}""");
        var with = repo.Run("validate", "--allow-untested", "--functions", "functions.json", "--color", "never");
        Assert.Equal(1, with.ExitCode);
        Assert.DoesNotContain("SC0320", with.Out);
        Assert.Contains("error SC0302: The name 'DnsQueryBogus' does not refer to any column", with.Out);

        // ASIM parsers are built in (docs/asim.md): checked without --functions.
        repo.Write("analytics-rules/a.yaml",
            ValidRule.Replace("AuditLogs\n", "_Im_Dns(starttime=ago(1h))\n").Replace("| take 1", "| where DnsQueryBogus has 'x'"));
        var asim = repo.Run("validate", "--allow-untested", "--color", "never");
        Assert.Equal(1, asim.ExitCode);
        Assert.DoesNotContain("SC0320", asim.Out);
        Assert.Contains("error SC0302: The name 'DnsQueryBogus' does not refer to any column", asim.Out);

        repo.Write("broken.json", "{ not json");
        var broken = repo.Run("validate", "--allow-untested", "--functions", "broken.json");
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("broken.json", broken.Error);
    }

    [Fact]
    public void Warnings_pass_unless_they_are_errors()
    {
        using var repo = new TempRepository();
        repo.Write("analytics-rules/a.yaml", ValidRule + "\nsevrity: High\n");
        Assert.Equal(0, repo.Run("validate", "--allow-untested").ExitCode);
        Assert.Equal(1, repo.Run("validate", "--allow-untested", "--warnings-as-errors").ExitCode);
    }

    [Fact]
    public void Json_report_is_written_whole_to_the_output_file()
    {
        using var repo = new TempRepository();
        repo.Write("analytics-rules/a.yaml", ValidRule.Replace("triggerThreshold: 0", "triggerThreshold: -1"));
        var run = repo.Run("validate", "--allow-untested", "--format", "json", "--output", "out/report.json");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(repo.Root, "out", "report.json")));
        Assert.Equal("SC0109", json.RootElement.GetProperty("diagnostics")[0].GetProperty("code").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("errors").GetInt32());
        Assert.Empty(Directory.GetFiles(Path.Combine(repo.Root, "out"), "*.tmp"));
    }

    [Theory]
    [InlineData("junit", "<testsuites")]
    [InlineData("sarif", "\"version\": \"2.1.0\"")]
    public void Other_formats_are_available(string format, string marker)
    {
        using var repo = new TempRepository();
        repo.Write("analytics-rules/a.yaml", ValidRule);
        var run = repo.Run("validate", "--allow-untested", "--format", format);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(marker, run.Out);
    }

    [Fact]
    public void Bad_usage_exits_two()
    {
        using var repo = new TempRepository();
        Assert.Equal(2, repo.Run("validate", "--format", "xml").ExitCode);
        Assert.Equal(2, repo.Run("validate", "--no-such-option").ExitCode);
        var missing = repo.Run("validate", "nowhere.yaml");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such file or folder: nowhere.yaml", missing.Error);
    }

    [Fact]
    public void Outside_a_repository_the_default_paths_are_explained()
    {
        var dir = Directory.CreateTempSubdirectory("sc-empty-").FullName;
        try
        {
            var run = CliRun.In(dir, "validate");
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("no analytics-rules/ folder", run.Error);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Hostile_files_give_diagnostics_not_stack_traces()
    {
        using var repo = new TempRepository();
        repo.Write("analytics-rules/binary.yaml", "\0\u0001ELF");
        repo.Write("analytics-rules/notyaml.yaml", "id: [\n");
        repo.Write("analytics-rules/types.yaml", "- a\n- b\n");
        repo.Write("analytics-rules/bomb.yaml", "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + string.Join('\n', Enumerable.Range(0, 9).Select(i => $"{(char)('b' + i)}: &{(char)('b' + i)} [{string.Join(',', Enumerable.Repeat($"*{(char)('a' + i)}", 10))}]")));
        using (var huge = File.Create(Path.Combine(repo.Root, "analytics-rules", "huge.yaml"))) huge.SetLength(50L * 1024 * 1024);
        var run = repo.Run("validate", "--allow-untested", "--format", "json");
        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var codes = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .ToDictionary(d => Path.GetFileName(d.GetProperty("file").GetString()!), d => d.GetProperty("code").GetString());
        Assert.Equal("SC0004", codes["binary.yaml"]);
        Assert.Equal("SC0002", codes["notyaml.yaml"]);
        Assert.Equal("SC0102", codes["types.yaml"]);
        Assert.Equal("SC0006", codes["bomb.yaml"]);
        Assert.Equal("SC0003", codes["huge.yaml"]);
        Assert.DoesNotContain("   at ", run.Out + run.Error);
    }

    [Fact]
    public void Check_runs_the_main_job_on_the_repository()
    {
        using var repo = new TempRepository();
        repo.Write("analytics-rules/nested/a.yaml", ValidRule);
        var run = CliRun.In(Path.Combine(repo.Root, "analytics-rules", "nested"), "check", "--allow-untested");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 file checked", run.Out);
        Assert.Contains("rule tests: 0 passed, 0 failed", run.Error);
    }

    [Fact]
    public void A_rule_without_a_positive_and_a_negative_test_is_an_error_unless_allowed()
    {
        using var repo = new TempRepository();
        repo.Write("analytics-rules/a.yaml", ValidRule);
        var untested = repo.Run("validate", "--color", "never");
        Assert.Equal(1, untested.ExitCode);
        Assert.Contains("analytics-rules/a.yaml:2:7: error SC0409: the rule has no test expecting alerts and none expecting no alert; add one to a.tests.yaml", untested.Out);
        Assert.Equal(0, repo.Run("validate", "--allow-untested").ExitCode);

        repo.Write("analytics-rules/a.tests.yaml", "tests:\n  - name: fires\n    now: 2026-11-20T12:00:00Z\n    expect: { alerts: 1 }\n");
        var halfTested = repo.Run("validate", "--color", "never");
        Assert.Equal(1, halfTested.ExitCode);
        Assert.Contains("error SC0409: the rule has no test expecting no alert (expect: { alerts: 0 })", halfTested.Out);
    }

    [Fact]
    public void Help_teaches_with_examples()
    {
        var run = CliRun.In(Path.GetTempPath(), "validate", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Examples:", run.Out);
        Assert.Contains("--format", run.Out);
    }
}
