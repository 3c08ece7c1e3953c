using System.Text.Json.Nodes;
using SentinelContent.Emulator.Samples;
using SentinelContent.TestSupport.Cli;

namespace SentinelContent.Live.Tests;

/// <summary>query --env, backtest and schema pull as a user runs them, in-process, against the emulator.</summary>
public sealed class CliLiveTests
{
    private static void Data(string dir)
    {
        File.WriteAllLines(Path.Combine(dir, "SigninLogs.jsonl"),
        [
            """{"TimeGenerated":"2026-11-20T10:00:00Z","UserPrincipalName":"a@contoso.com","IPAddress":"192.0.2.1","ResultType":"0"}""",
            """{"TimeGenerated":"2026-11-20T11:00:00Z","UserPrincipalName":"b@contoso.com","IPAddress":"192.0.2.2","ResultType":"50126"}""",
        ]);
        File.WriteAllLines(Path.Combine(dir, "MyApp_CL.jsonl"),
        [
            """{"TimeGenerated":"2026-11-20T10:00:00Z","App":"portal","Calls":3}""",
            """{"TimeGenerated":"2026-11-20T10:05:00Z","App":"portal","Calls":4}""",
        ]);
    }

    private const string Functions = """{"PortalCalls":{"parameters":"(min:long)","body":"MyApp_CL | where App == 'portal' and Calls >= min"}}""";

    [Fact]
    public async Task Query_env_prints_table_json_and_csv()
    {
        await using var fixture = await LiveFixture.StartAsync(Data);
        var query = "SigninLogs | project UserPrincipalName, ResultType | order by UserPrincipalName asc";

        var table = CliRun.In(fixture.Root, "query", "--env", "local", query);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("a@contoso.com", table.Out);
        Assert.Contains("(2 rows)", table.Out);

        var json = CliRun.In(fixture.Root, "query", "--env", "local", query, "--format", "json");
        Assert.Equal(0, json.ExitCode);
        var parsed = JsonNode.Parse(json.Out)!;
        Assert.Equal("UserPrincipalName", (string)parsed["columns"]![0]!["name"]!);
        Assert.Equal("50126", (string)parsed["rows"]![1]![1]!);

        var csv = CliRun.In(fixture.Root, "query", "--env", "local", query, "--format", "csv");
        Assert.Equal(0, csv.ExitCode);
        Assert.Equal(["UserPrincipalName,ResultType", "a@contoso.com,0", "b@contoso.com,50126"], csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        var windowed = CliRun.In(fixture.Root, "query", "--env", "local", "SigninLogs | count", "--timespan",
            "2026-11-20T10:30:00Z/2026-11-21T00:00:00Z", "--format", "csv");
        Assert.Equal(0, windowed.ExitCode);
        Assert.EndsWith("1", windowed.Out.Trim());

        // No token or secret in any output, even with the HTTP log on.
        var verbose = CliRun.In(fixture.Root, "query", "--env", "local", "SigninLogs | count", "--verbose");
        Assert.DoesNotContain(Deploy.Arm.DevelopmentCredential.Token, verbose.Out + verbose.Error);

        var bad = CliRun.In(fixture.Root, "query", "--env", "local", "SigninLogs | wher");
        Assert.Equal(4, bad.ExitCode);
        Assert.Contains("SyntaxError", bad.Error);
        Assert.DoesNotContain("   at ", bad.Error);
    }

    [Fact]
    public async Task A_partial_result_exits_non_zero_unless_allowed()
    {
        await using var fixture = await LiveFixture.StartAsync(Data, maxRows: 3);
        var partial = CliRun.In(fixture.Root, "query", "--env", "local", "range x from 1 to 10 step 1", "--format", "csv");
        Assert.Equal(1, partial.ExitCode);
        Assert.Contains("error: partial result (3 row(s) returned)", partial.Error);
        Assert.Equal(4, partial.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // header and the three rows received

        var allowed = CliRun.In(fixture.Root, "query", "--env", "local", "range x from 1 to 10 step 1", "--allow-partial");
        Assert.Equal(0, allowed.ExitCode);
        Assert.Contains("warning: partial result", allowed.Error);
    }

    [Fact]
    public async Task Schema_pull_round_trips_custom_tables_and_functions_into_validate_and_query()
    {
        await using var fixture = await LiveFixture.StartAsync(Data, functionsJson: Functions);
        var pull = CliRun.In(fixture.Root, "schema", "pull", "--env", "local", "--output", "pulled.json");
        Assert.Equal(0, pull.ExitCode);
        Assert.Contains("function(s)", pull.Out);
        var pulled = JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.Root, "pulled.json")))!;
        var custom = pulled["tables"]!.AsArray().Single(t => (string)t!["name"]! == "MyApp_CL")!;
        Assert.Equal(["TimeGenerated:datetime", "App:string", "Calls:long"], custom["columns"]!.AsArray().Select(c => $"{c!["name"]}:{c["type"]}"));
        Assert.NotNull(pulled["tables"]!.AsArray().SingleOrDefault(t => (string)t!["name"]! == "SigninLogs"));
        Assert.Equal("(min:long)", (string)pulled["functions"]!["PortalCalls"]!["parameters"]!);

        // Only the named tables.
        var some = CliRun.In(fixture.Root, "schema", "pull", "--env", "local", "--tables", "MyApp_CL", "--output", "some.json");
        Assert.Equal(0, some.ExitCode);
        Assert.Single(JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.Root, "some.json")))!["tables"]!.AsArray());

        // A rule on the custom table: unknown without the pulled schema, valid with it.
        var rules = Path.Combine(fixture.Root, "analytics-rules");
        Directory.CreateDirectory(rules);
        var rule = SampleRepository.Rule(1).Replace("""
              SigninLogs
              | where ResultType == "0"
              | summarize Count = count() by UserPrincipalName, IPAddress, Location
              | where Count > 1
            """, """
              MyApp_CL
              | where Calls > 2
              | extend UserPrincipalName = App, IPAddress = "192.0.2.1", Location = "US"
            """, StringComparison.Ordinal);
        Assert.Contains("MyApp_CL", rule);
        File.WriteAllText(Path.Combine(rules, "custom.yaml"), rule);
        var without = CliRun.In(fixture.Root, "validate", "--allow-untested", "analytics-rules");
        Assert.Contains("SC0308", without.Out + without.Error); // outside the catalog: columns unchecked
        var with = CliRun.In(fixture.Root, "validate", "--allow-untested", "analytics-rules", "--schema", "pulled.json");
        Assert.True(with.ExitCode == 0, with.Out + with.Error);
        Assert.DoesNotContain("SC0308", with.Out + with.Error);
        // With the pulled schema its columns are checked: a misspelt one is now an error.
        File.WriteAllText(Path.Combine(rules, "custom.yaml"), rule.Replace("Calls > 2", "Callz > 2", StringComparison.Ordinal));
        var misspelt = CliRun.In(fixture.Root, "validate", "--allow-untested", "analytics-rules", "--schema", "pulled.json");
        Assert.Equal(1, misspelt.ExitCode);
        Assert.Contains("Callz", misspelt.Out + misspelt.Error);

        // The pulled functions run in a local query.
        var local = CliRun.In(fixture.Root, "query", "PortalCalls(4) | count", "--data", "logs", "--schema", "pulled.json", "--format",
            "csv");
        Assert.True(local.ExitCode == 0, local.Error);
        Assert.EndsWith("1", local.Out.Trim());
    }

    [Fact]
    public async Task Backtest_live_and_local_report_the_same_and_json_is_parseable()
    {
        await using var fixture = await LiveFixture.StartAsync(dir => WeekOfLogs.Write(dir));
        var rule = Path.Combine(BacktestEquivalenceTests.RepositoryRoot(), "analytics-rules", "entra-id-security-info", "SecurityInfoMassDeletion.yaml");
        string[] span = ["--from", "2026-11-16T00:00:00Z", "--to", "2026-11-23T00:00:00Z"];

        var live = CliRun.In(fixture.Root, ["backtest", rule, "--env", "local", .. span, "--format", "json"]);
        Assert.True(live.ExitCode == 0, live.Error);
        var local = CliRun.In(fixture.Root, ["backtest", rule, "--data", "logs", .. span, "--format", "json"]);
        Assert.True(local.ExitCode == 0, local.Error);
        Assert.Equal(local.Out, live.Out);
        var report = JsonNode.Parse(live.Out)!;
        Assert.Equal(168, (int)report["runs"]!);
        Assert.Equal(1, (int)report["alerts"]!);
        // Runs are at 01:00 ... 24:00: the last one falls on the 23rd.
        Assert.Equal(["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"], report["perDay"]!.AsArray().Select(d => (string)d!["day"]!));
        Assert.Equal(1, report["perDay"]!.AsArray().Sum(d => (int)d!["alerts"]!));
        Assert.Contains(report["topEntities"]!.AsArray(), e => ((string)e!["identity"]!).Contains("mallory.admin@contoso.com", StringComparison.Ordinal));

        var text = CliRun.In(fixture.Root, ["backtest", rule, "--env", "local", .. span]);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("168 run(s), 1 triggered, 0 suppressed, 1 alert(s)", text.Out);
        Assert.Contains("Noisiest values", text.Out);
        Assert.Equal(string.Empty, text.Error); // no progress line in a pipe

        var both = CliRun.In(fixture.Root, ["backtest", rule, "--env", "local", "--data", "logs", .. span]);
        Assert.Equal(2, both.ExitCode);
    }
}
