using System.Text.Json;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.TestSupport.Cli;

namespace SentinelContent.Cli.Tests;

public class QueryCommandTests
{
    private const string Now = "2026-11-20T12:00:00Z";

    private static readonly string Signins = string.Join("\n",
        """{"TimeGenerated":"2026-11-20T11:30:00Z","UserPrincipalName":"ana@contoso.com","ResultType":"50126","LocationDetails":{"city":"Paris"}}""",
        """{"TimeGenerated":"2026-11-20T11:31:00.5Z","UserPrincipalName":"ben@contoso.com","ResultType":"0","LocationDetails":{"city":"Rome, Italy"}}""",
        """{"TimeGenerated":"2026-11-20T11:32:00Z","UserPrincipalName":"ana@contoso.com","ResultType":"50126","LocationDetails":{"city":"Paris"}}""");

    private static TempRepository WithSamples()
    {
        var repo = new TempRepository();
        repo.Write("samples/SigninLogs.jsonl", Signins);
        return repo;
    }

    [Fact]
    public void Table_output_is_aligned_with_a_row_count_and_no_colour_in_a_pipe()
    {
        using var repo = WithSamples();
        var run = repo.Run("query", "SigninLogs | summarize Failures = countif(ResultType != '0') by UserPrincipalName | sort by UserPrincipalName asc", "--data", "samples", "--now", Now);
        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("UserPrincipalName  Failures", lines[0]);
        Assert.Equal("-----------------  --------", lines[1]);
        Assert.Equal("ana@contoso.com           2", lines[2]);
        Assert.Equal("ben@contoso.com           0", lines[3]);
        Assert.Equal("(2 rows)", lines[4]);
        Assert.DoesNotContain("\u001b[", run.Out);
    }

    [Fact]
    public void Explain_prints_the_logical_plan_as_text_or_json_without_running_the_query()
    {
        using var repo = WithSamples();
        const string query = "SigninLogs | where ResultType != '0' | summarize Failures = count() by UserPrincipalName";
        var text = repo.Run("query", "--explain", query, "--data", "samples");
        Assert.Equal(0, text.ExitCode);
        var lines = text.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Aggregate Failures = count(): long by UserPrincipalName: string  -> (UserPrincipalName: string, Failures: long)",
            lines[0]);
        Assert.StartsWith("  Filter ResultType != '0': bool", lines[1]);
        Assert.StartsWith("    Scan SigninLogs (2 of 97 columns: ResultType, UserPrincipalName)", lines[2]);

        var json = repo.Run("query", "--explain", query, "--format", "json");
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal("Aggregate", document.RootElement.GetProperty("result").GetProperty("node").GetString());

        var csv = repo.Run("query", "--explain", query, "--format", "csv");
        Assert.Equal(2, csv.ExitCode);
        Assert.Contains("--explain", csv.Error);
        var bad = repo.Run("query", "--explain", "SigninLogs | where Nope == 1");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("SC0302", bad.Error + bad.Out);
    }

    [Fact]
    public void Table_output_cuts_wide_cells_and_keeps_each_row_on_one_line()
    {
        using var repo = new TempRepository();
        var run = repo.Run("query", "print s = strrep('x', 100), t = 'a\\nb'");
        Assert.Equal(0, run.ExitCode);
        var row = run.Out.Split('\n')[2];
        Assert.Contains(new string('x', 47) + "…", row);
        Assert.DoesNotContain(new string('x', 49), row);
        Assert.EndsWith("a b", row.TrimEnd('\r'));
    }

    [Fact]
    public void Json_output_gives_columns_with_types_and_values_as_the_api_returns_them()
    {
        using var repo = WithSamples();
        var run = repo.Run("query", "SigninLogs | where UserPrincipalName startswith 'ben' | project TimeGenerated, LocationDetails, n = 3, r = 1.5, d = decimal(2.25), t = 90m, absent = long(null)",
            "--data", "samples/SigninLogs.jsonl", "--format", "json", "--now", Now);
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var columns = json.RootElement.GetProperty("columns").EnumerateArray().Select(c => $"{c.GetProperty("name").GetString()}:{c.GetProperty("type").GetString()}");
        Assert.Equal(["TimeGenerated:datetime", "LocationDetails:dynamic", "n:long", "r:real", "d:decimal", "t:timespan", "absent:long"], columns);
        var row = json.RootElement.GetProperty("rows")[0];
        Assert.Equal("2026-11-20T11:31:00.5000000Z", row[0].GetString());
        Assert.Equal("Rome, Italy", row[1].GetProperty("city").GetString());
        Assert.Equal(3, row[2].GetInt64());
        Assert.Equal(1.5, row[3].GetDouble());
        Assert.Equal("2.25", row[4].GetString());
        Assert.Equal("01:30:00", row[5].GetString());
        Assert.Equal(JsonValueKind.Null, row[6].ValueKind);
    }

    [Fact]
    public void Csv_output_follows_rfc_4180()
    {
        using var repo = WithSamples();
        var run = repo.Run("query", "SigninLogs | where UserPrincipalName startswith 'ben' | project TimeGenerated, City = tostring(LocationDetails.city), Quote = 'say \"hi\"', LocationDetails",
            "--data", "samples", "--format", "csv", "--now", Now);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "TimeGenerated,City,Quote,LocationDetails\r\n" +
            "2026-11-20T11:31:00.5000000Z,\"Rome, Italy\",\"say \"\"hi\"\"\",\"{\"\"city\"\":\"\"Rome, Italy\"\"}\"\r\n",
            run.Out);
    }

    [Fact]
    public void Jsonl_answers_each_query_line_with_its_result_or_its_error()
    {
        using var repo = WithSamples();
        var input = string.Join("\n",
            """{"id":"ok","query":"SigninLogs | count"}""",
            """{"id":7,"query":"print x = 1 +"}""",
            "not json",
            """{"id":"limit","query":"range x from 1 to 100 step 1"}""");
        var run = CliRun.WithInput(repo.Root, input, "query", "--jsonl", "--data", "samples", "--max-rows", "50");

        Assert.Equal(ExitCodes.ContentErrors, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Equal("ok", lines[0].GetProperty("id").GetString());
        Assert.Equal("Count", lines[0].GetProperty("columns")[0].GetProperty("name").GetString());
        Assert.Equal(3, lines[0].GetProperty("rows")[0][0].GetInt64());
        Assert.Equal(JsonValueKind.Null, lines[0].GetProperty("error").ValueKind);

        Assert.Equal(7, lines[1].GetProperty("id").GetInt32());
        Assert.StartsWith("1:", lines[1].GetProperty("error").GetString());
        Assert.Contains("error SC0", lines[1].GetProperty("error").GetString());
        Assert.Equal(0, lines[1].GetProperty("rows").GetArrayLength());

        Assert.Equal(JsonValueKind.Null, lines[2].GetProperty("id").ValueKind);
        Assert.StartsWith("input line 3:", lines[2].GetProperty("error").GetString());

        Assert.Contains("SC0802", lines[3].GetProperty("error").GetString());
    }

    [Fact]
    public void Bad_kql_is_reported_compiler_style_with_a_caret_and_no_output()
    {
        using var repo = WithSamples();
        var run = repo.Run("query", "SigninLogs\n| where UserPrincipalNam == 'x'", "--data", "samples");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("<query>:2:9: error SC0302:", run.Error);
        Assert.Contains(" 2 | | where UserPrincipalNam == 'x'", run.Error);
        Assert.Contains("   |         ^" + new string('~', "UserPrincipalNam".Length - 1) + "\n", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void A_query_file_is_named_by_its_path_in_diagnostics()
    {
        using var repo = new TempRepository();
        repo.Write("hunt.kql", "print a = 1\n| extend b = tolower(\n");
        var run = repo.Run("query", "--file", "hunt.kql");
        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"(?m)^hunt\.kql:\d+:\d+: error SC0\d{3}:", run.Error);
    }

    [Fact]
    public void A_bad_data_file_is_reported_by_file_and_line()
    {
        using var repo = new TempRepository();
        repo.Write("samples/SigninLogs.jsonl", Signins + "\n" + """{"TimeGenerated":"yesterday","UserPrincipalName":"x"}""");
        var run = repo.Run("query", "SigninLogs | count", "--data", "samples");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains($"samples{Path.DirectorySeparatorChar}SigninLogs.jsonl:4:1: error SC0702: SigninLogs.TimeGenerated:", run.Error);

        repo.Write("samples/SigninLogs.jsonl", "{\"TimeGenerated\": \n");
        var broken = repo.Run("query", "SigninLogs | count", "--data", "samples");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("SigninLogs.jsonl:1:", broken.Error);
        Assert.Contains("error SC0701", broken.Error);
    }

    [Fact]
    public void A_data_file_named_close_to_a_known_table_is_a_warning_with_the_likely_name()
    {
        using var repo = new TempRepository();
        repo.Write("samples/SigninLog.jsonl", Signins);
        var run = repo.Run("query", "SigninLogs | count", "--data", "samples", "--format", "csv");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning SC0706: data file 'SigninLog.jsonl' is table 'SigninLog', which is not a known table (did you mean 'SigninLogs'?)", run.Error);
        Assert.Equal("Count\r\n0\r\n", run.Out);
    }

    [Fact]
    public void A_table_outside_the_catalog_takes_its_schema_from_its_rows()
    {
        using var repo = new TempRepository();
        repo.Write("samples/Custom_CL.csv", "Name,Score\nalpha,3\nbeta,5\n");
        var run = repo.Run("query", "Custom_CL | summarize sum(toint(Score))", "--data", "samples", "--format", "csv");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("sum_Score\r\n8\r\n", run.Out);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void Exceeding_the_row_limit_is_a_clear_error()
    {
        using var repo = new TempRepository();
        var run = repo.Run("query", "range x from 1 to 1000 step 1", "--max-rows", "100");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("error SC0802: the query produced more than 100 rows in one step", run.Error);
    }

    [Fact]
    public void Exceeding_the_time_limit_is_a_clear_error()
    {
        using var repo = new TempRepository();
        var run = repo.Run("query", "range x from 1 to 3000000 step 1 | extend s = strcat('k', x % 1000) | summarize count() by s", "--timeout", "1ms");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error SC0803: the query ran longer than", run.Error);
    }

    [Fact]
    public void A_value_out_of_range_fails_the_query_not_the_tool()
    {
        using var repo = new TempRepository();
        var run = repo.Run("query", "print d = datetime(9999-12-31) + 2d");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error SC0804:", run.Error);
        Assert.DoesNotContain("internal error", run.Error);
    }

    [Theory]
    [InlineData("print 1", "--file", "q.kql")]
    [InlineData("print 1", "--timeout", "soon")]
    [InlineData("print 1", "--now", "tomorrow")]
    [InlineData("print 1", "--max-rows", "0")]
    [InlineData("print 1", "--data", "no-such-folder")]
    public void Usage_errors_exit_two(params string[] args)
    {
        using var repo = new TempRepository();
        var run = repo.Run(["query", .. args]);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error);
    }

    [Fact]
    public void Now_pins_the_clock()
    {
        using var repo = new TempRepository();
        var run = repo.Run("query", "print t = now(), a = ago(1d)", "--now", Now, "--format", "csv");
        Assert.Equal("t,a\r\n2026-11-20T12:00:00.0000000Z,2026-11-19T12:00:00.0000000Z\r\n", run.Out);
    }

    [Fact]
    public void Help_has_examples()
    {
        using var repo = new TempRepository();
        var run = repo.Run("query", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Examples:", run.Out);
        Assert.Contains("--jsonl", run.Out);
    }
}
