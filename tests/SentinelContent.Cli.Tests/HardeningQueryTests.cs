using System.Diagnostics;
using System.Text.Json;
using SentinelContent.TestSupport.Cli;

namespace SentinelContent.Cli.Tests;

/// <summary>
/// Issue 24's findings about query text, each with its original input through the commands that met it: the 12 KB
/// chain that overflowed the stack (D1) in query, validate and kql check; 100k '-' that printed gigabytes (D4);
/// regular expressions the engine refuses (D6), at validate and in a --jsonl batch; and --max-memory.
/// </summary>
public sealed class HardeningQueryTests : IDisposable
{
    private readonly TempRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    private static string Rule(string query) => TestRules.Minimal.Replace("""
          AuditLogs
          | where TimeGenerated > ago(1h)
          | take 1
        """, "    " + query + "\n", StringComparison.Ordinal);

    private CliRun RunWithInput(string input, params string[] args) => CliRun.WithInput(_repo.Root, input, args);

    [Fact]
    public void D1_the_12_kb_chain_is_sc0207_in_query_validate_and_kql_check()
    {
        var query = "print x = " + string.Join("+", Enumerable.Repeat("1", 6000));
        var file = _repo.Write("q.kql", query);
        var run = _repo.Run("query", "--file", file);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error SC0207", run.Error, StringComparison.Ordinal);

        // A rule's query is at most 10,000 characters; 4,500 terms are under it and still far too deep.
        _repo.Write("analytics-rules/pack/rule.yaml", Rule("AuditLogs | extend x = " + string.Join("+", Enumerable.Repeat("1", 4500))));
        var validate = _repo.Run("validate", "--allow-untested");
        Assert.Equal(1, validate.ExitCode);
        Assert.Contains("SC0207", validate.Out + validate.Error, StringComparison.Ordinal);

        var check = RunWithInput(JsonSerializer.Serialize(new { id = "deep", query }) + "\n", "kql", "check");
        Assert.Contains("SC0207", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void D4_a_hundred_thousand_minus_signs_give_a_short_report_quickly()
    {
        var file = _repo.Write("minus.kql", "print x = " + new string('-', 100_000));
        var clock = Stopwatch.StartNew();
        var run = _repo.Run("query", "--file", file);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SC0215", run.Error, StringComparison.Ordinal);
        Assert.True(run.Error.Length < 200_000, $"{run.Error.Length:N0} characters of diagnostics");
    }

    [Fact]
    public void D6_a_backreference_is_refused_by_validate()
    {
        _repo.Write("analytics-rules/pack/rule.yaml", Rule("AuditLogs | where OperationName matches regex @\"(a)\\1\""));
        var run = _repo.Run("validate", "--allow-untested");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SC0315", run.Out + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void D6_a_jsonl_batch_keeps_answering_after_a_pattern_the_engine_refuses()
    {
        var input = string.Join("\n",
            JsonSerializer.Serialize(new
            {
                id = "lookbehind",
                query = "print p = strcat('(?<=a)', 'b') | extend m = 'ab' matches regex p",
            }),
            JsonSerializer.Serialize(new { id = "literal", query = "print m = 'aa' matches regex '(a)\\\\1'" }),
            JsonSerializer.Serialize(new { id = "after", query = "print x = 1" }));
        var run = RunWithInput(input, "query", "--jsonl");
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Contains("SC0804", lines[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("SC0315", lines[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, lines[2].GetProperty("error").ValueKind);
        Assert.Equal(1, lines[2].GetProperty("rows")[0][0].GetInt64());
    }

    [Fact]
    public void Max_memory_bounds_a_query_and_is_offered_where_queries_run()
    {
        const string query = "range x from 1 to 200000 step 1 | extend s = strrep(tostring(x), 1000) | count";
        var run = _repo.Run("query", query, "--max-memory", "64MiB");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error SC0805", run.Error, StringComparison.Ordinal);
        Assert.Contains("--max-memory", run.Error, StringComparison.Ordinal);

        var bad = _repo.Run("query", "print 1", "--max-memory", "lots");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--max-memory", bad.Error, StringComparison.Ordinal);

        foreach (var command in new[] { "query", "test", "check", "backtest" })
            Assert.Contains("--max-memory", _repo.Run(command, "--help").Out, StringComparison.Ordinal);
        Assert.Equal(2, _repo.Run("test", "--max-memory", "0").ExitCode);
        Assert.Equal(2, _repo.Run("check", "--max-memory", "-5G").ExitCode);
    }
}
