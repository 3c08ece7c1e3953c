using System.Diagnostics;

namespace SentinelContent.Cli.Tests;

/// <summary>
/// Issue 24's findings about content read from a repository and files written by playbook commands, each with
/// its original input: traversal names (S2), paths and links out of the repository (S3), special files (D3),
/// duplicate keys and headers (D7, D11), playbooks outside playbooks/ (D10), a port out of range (D11).
/// </summary>
public sealed class HardeningCliTests : IDisposable
{
    private readonly TempRepository _repo = new();
    private readonly string _outside = Directory.CreateTempSubdirectory("sc-outside-").FullName;

    public HardeningCliTests()
    {
        File.WriteAllText(Path.Combine(_outside, "passwd"), "root:x:0:0:root:/root:/bin/bash\n");
    }

    public void Dispose()
    {
        _repo.Dispose();
        Directory.Delete(_outside, recursive: true);
    }

    private static string Playbook(string name) => $"""
        name: {name}
        trigger: incident
        identity: none
        actions:
          - name: Wait
            type: Wait
            inputs: {"{"}interval: {"{"}count: 1, unit: Second{"}"}{"}"}
        """;

    [Theory]
    [InlineData("../../x")]
    [InlineData("/tmp/sc-playbook-x")]
    [InlineData("..")]
    [InlineData("a/b")]
    public void S2_a_playbook_name_that_is_a_path_is_refused_and_nothing_is_written(string name)
    {
        _repo.Write("playbooks/evil.yaml", Playbook($"\"{name}\""));
        var outDir = Path.Combine(_repo.Root, "out");
        var run = _repo.Run("playbook", "build", "--out-dir", outDir);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SC0543", run.Error + run.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
        Assert.False(File.Exists(Path.Combine(_repo.Root, "x.workflow.json")));
        Assert.False(File.Exists("/tmp/sc-playbook-x.workflow.json"));
        Assert.Equal(1, _repo.Run("validate", "playbooks").ExitCode);
    }

    [Fact]
    public void S2_playbook_import_refuses_a_template_whose_logic_app_name_is_a_path()
    {
        var template = _repo.Write("azuredeploy.json", """
            {"resources":[{"type":"Microsoft.Logic/workflows","name":"../../x","properties":{"definition":{
              "triggers":{"Microsoft_Sentinel_incident":{"type":"ApiConnectionWebhook","inputs":{"path":"/incident-creation"}}},"actions":{}}}}]}
            """);
        var run = _repo.Run("playbook", "import", template, "-o", "playbooks/imported.yaml");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not a valid Logic App name", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_repo.Root, "playbooks", "imported.yaml")));
    }

    [Fact]
    public void D10_a_playbook_outside_playbooks_is_built_by_its_content_and_a_rule_is_an_error_not_a_build_of_nothing()
    {
        // Issue 17 point 4: a playbook lying outside playbooks/ is recognised by its trigger and actions.
        var connected = Playbook("MyPlaybook")
            .Replace("identity: none", "connections:\n  azuresentinel: {api: azuresentinel, auth: managedIdentity}");
        var file = _repo.Write("elsewhere/MyPlaybook.yaml", connected);
        var built = _repo.Run("playbook", "build", file, "--out-dir", "out");
        Assert.True(built.ExitCode == 0, built.All);
        var written = Directory.EnumerateFiles(Path.Combine(_repo.Root, "out"), "*MyPlaybook*", SearchOption.AllDirectories);
        Assert.True(written.Any(), built.All);

        var rule = _repo.Write("elsewhere/Rule.yaml", "id: x\nname: A rule\nseverity: Low\nquery: AuditLogs\nkind: Scheduled\n");
        var run = _repo.Run("playbook", "build", rule, "--out-dir", "out");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not a playbook: playbook files live under a folder named playbooks/", run.Error, StringComparison.Ordinal);
        var empty = Directory.CreateDirectory(Path.Combine(_repo.Root, "nothing-here")).FullName;
        var none = _repo.Run("playbook", "build", empty, "--out-dir", "out");
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("no playbooks or automation rules found", none.Error, StringComparison.Ordinal);
    }

    private const string Tests = """
        tests:
          - name: reads a sample
            now: 2026-11-20T12:00:00Z
            data:
              AuditLogs:
                - file: {0}
            expect:
              alerts: 0
        """;

    [Theory]
    [InlineData("../../../../../../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("/etc/shadow")]
    [InlineData("samples/../../../../x")]
    public void S3_a_test_file_cannot_read_outside_the_repository(string path)
    {
        _repo.Write("analytics-rules/pack/rule.yaml", TestRules.Minimal);
        _repo.Write("analytics-rules/pack/rule.tests.yaml", Tests.Replace("{0}", path, StringComparison.Ordinal));
        foreach (var command in new[] { new[] { "validate", "--allow-untested" }, ["test"] })
        {
            var run = _repo.Run(command);
            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("SC0011", run.Out + run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("root:", run.Out + run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void S3_a_symbolic_link_out_of_the_repository_is_refused_as_a_sample_and_as_content()
    {
        _repo.Write("analytics-rules/pack/rule.yaml", TestRules.Minimal);
        Directory.CreateDirectory(Path.Combine(_repo.Root, "analytics-rules", "pack", "samples"));
        File.CreateSymbolicLink(Path.Combine(_repo.Root, "analytics-rules", "pack", "samples", "audit.jsonl"), Path.Combine(_outside, "passwd"));
        _repo.Write("analytics-rules/pack/rule.tests.yaml", Tests.Replace("{0}", "samples/audit.jsonl", StringComparison.Ordinal));
        // A rule file that is a link to a file outside, and a folder link to / (the walk must not follow it).
        File.CreateSymbolicLink(Path.Combine(_repo.Root, "analytics-rules", "linked.yaml"), Path.Combine(_outside, "passwd"));
        Directory.CreateSymbolicLink(Path.Combine(_repo.Root, "analytics-rules", "root"), "/");
        var clock = Stopwatch.StartNew();
        foreach (var command in new[] { new[] { "validate", "--allow-untested" }, ["test"] })
        {
            var run = _repo.Run(command);
            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("symbolic link that leads outside the repository", run.Out + run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("root:x", run.Out + run.Error, StringComparison.Ordinal);
        }
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    [Fact]
    public void D3_a_fifo_or_a_device_as_data_fails_at_once()
    {
        if (OperatingSystem.IsWindows()) return;
        var fifo = Path.Combine(_repo.Root, "AuditLogs.jsonl");
        Assert.Equal(0, Mono.Unix.Native.Syscall.mkfifo(fifo, Mono.Unix.Native.FilePermissions.DEFFILEMODE));
        var clock = Stopwatch.StartNew();
        var run = _repo.Run("query", "AuditLogs | count", "--data", fifo);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SC0012", run.Error, StringComparison.Ordinal);
        Assert.Contains("named pipe (FIFO)", run.Error, StringComparison.Ordinal);

        var zero = _repo.Run("query", "AuditLogs | count", "--data", "/dev/zero");
        Assert.Equal(1, zero.ExitCode);
        Assert.Contains("a device", zero.Error, StringComparison.Ordinal);

        // The same FIFO named by a test file.
        _repo.Write("analytics-rules/pack/rule.yaml", TestRules.Minimal);
        _repo.Write("analytics-rules/pack/rule.tests.yaml", Tests.Replace("{0}", "../../AuditLogs.jsonl", StringComparison.Ordinal));
        var test = _repo.Run("test");
        Assert.Equal(1, test.ExitCode);
        Assert.Contains("SC0012", test.Out + test.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void D7_duplicate_keys_in_a_sample_row_are_a_diagnostic_not_an_internal_error()
    {
        var jsonl = _repo.Write("data/AuditLogs.jsonl", "{\"OperationName\":\"a\",\"OperationName\":\"b\"}\n");
        var run = _repo.Run("query", "AuditLogs | count", "--data", jsonl);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SC0701", run.Error, StringComparison.Ordinal);
        Assert.Contains("'OperationName' twice", run.Error, StringComparison.Ordinal);
        var array = _repo.Write("data2/AuditLogs.json", "[{\"OperationName\":\"a\",\"OperationName\":\"b\"}]");
        var arrayRun = _repo.Run("query", "AuditLogs | count", "--data", array);
        Assert.Equal(1, arrayRun.ExitCode);
        Assert.Contains("'OperationName' twice", arrayRun.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void D7_parse_json_with_duplicate_keys_takes_the_last_value()
    {
        var run = _repo.Run("query", "print v = parse_json('{\"a\":1,\"a\":2}') | extend a = toint(v.a), text = tostring(v)", "--format", "csv");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("2,", run.Out, StringComparison.Ordinal);
        var surrogate = _repo.Run("query", "print v = parse_json('{\"a\":\"\\\\ud800\"}') | extend t = gettype(v)", "--format", "csv");
        Assert.True(surrogate.ExitCode == 0, surrogate.Error);
    }

    [Fact]
    public void D11_a_csv_sample_with_a_duplicated_header_is_refused()
    {
        var csv = _repo.Write("data/AuditLogs.csv", "OperationName,Result,OperationName\na,success,b\n");
        var run = _repo.Run("query", "AuditLogs | count", "--data", csv);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the header names the column 'OperationName' twice", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("70000")]
    [InlineData("-1")]
    public void D11_emulator_port_out_of_range_is_a_usage_error(string port)
    {
        var run = _repo.Run("emulator", "--port", port);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not a port", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
    }
}
