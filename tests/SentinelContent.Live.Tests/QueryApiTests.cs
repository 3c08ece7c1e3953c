using System.Diagnostics;
using System.Text.Json.Nodes;
using SentinelContent.Deploy.Arm;
using SentinelContent.Emulator;
using SentinelContent.Kql.Data;
using SentinelContent.Live.Query;
using SentinelContent.LogAnalytics.Query;

namespace SentinelContent.Live.Tests;

/// <summary>The query API end to end: client, wire format and the emulator's service behaviour.</summary>
public sealed class QueryApiTests
{
    private static void SmallData(string dir)
    {
        File.WriteAllLines(Path.Combine(dir, "SigninLogs.jsonl"),
        [
            """{"TimeGenerated":"2026-11-20T10:00:00Z","UserPrincipalName":"a@contoso.com","IPAddress":"192.0.2.1","ResultType":"0","LocationDetails":{"countryOrRegion":"US"}}""",
            """{"TimeGenerated":"2026-11-20T11:00:00.1234567Z","UserPrincipalName":"b@contoso.com","IPAddress":"192.0.2.2","ResultType":"50126","LocationDetails":{"countryOrRegion":"NL"}}""",
            """{"TimeGenerated":"2026-11-21T09:00:00Z","UserPrincipalName":"a@contoso.com","IPAddress":"192.0.2.1","ResultType":"0","LocationDetails":{"countryOrRegion":"US"}}""",
        ]);
        File.WriteAllLines(Path.Combine(dir, "MyApp_CL.jsonl"),
        [
            """{"TimeGenerated":"2026-11-20T10:00:00Z","App":"portal","Latency":12.5,"Calls":3,"Tags":["x","y"]}""",
        ]);
    }

    [Fact]
    public async Task A_query_comes_back_typed_exactly_as_the_local_engine_holds_it()
    {
        await using var fixture = await LiveFixture.StartAsync(SmallData);
        var workspace = fixture.Connect();
        var id = await workspace.WorkspaceIdAsync(TestContext.Current.CancellationToken);
        Assert.True(Guid.TryParse(id, out _));

        var query = "SigninLogs | extend Country = tostring(LocationDetails.countryOrRegion), Bag = pack('ip', IPAddress), Span = 90m, Pi = 3.25, Ok = ResultType == '0' | order by TimeGenerated asc";
        var result = await workspace.Logs.QueryAsync(id, query, null, null, TestContext.Current.CancellationToken);
        Assert.False(result.IsPartial);
        var table = result.Primary.ToDataTable();
        Assert.Equal(3, table.RowCount);
        Assert.Equal(new DateTime(2026, 11, 20, 11, 0, 0, DateTimeKind.Utc).AddTicks(1234567), ((ValueColumn<DateTime>)table.Find("TimeGenerated")!).Values[1]);
        Assert.Equal("NL", ValueText.Of(table.Find("Country")!, 1));
        Assert.Equal("""{"ip":"192.0.2.2"}""", ValueText.Of(table.Find("Bag")!, 1));
        Assert.Equal(TimeSpan.FromMinutes(90), ((ValueColumn<TimeSpan>)table.Find("Span")!).Values[0]);
        Assert.Equal(3.25, ((ValueColumn<double>)table.Find("Pi")!).Values[0]);
        Assert.Equal([true, false, true], ((ValueColumn<bool>)table.Find("Ok")!).Values);

        // The same query run by the offline engine on the same file gives the same cells.
        var local = new Kql.Evaluation.KqlEngine().Run(query, LoadLocal(fixture.DataDirectory), DateTime.UtcNow, TestContext.Current.CancellationToken);
        Assert.Equal(Cells(local), Cells(table));
    }

    [Fact]
    public async Task The_timespan_restricts_TimeGenerated_as_the_service_does()
    {
        await using var fixture = await LiveFixture.StartAsync(SmallData);
        var workspace = fixture.Connect();
        var id = await workspace.WorkspaceIdAsync(TestContext.Current.CancellationToken);
        var day = QueryTimeRange.Between(new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc));
        var result = await workspace.Logs.QueryAsync(id, "SigninLogs | count", day, null, TestContext.Current.CancellationToken);
        Assert.Equal(2L, result.Primary.Rows[0]![0]!.GetValue<long>());
        // A duration ends now: these 2026 rows are far in the past or future of the test's clock only if now is before them.
        var lastHour = await workspace.Logs.QueryAsync(id, "SigninLogs | count", QueryTimeRange.Last(TimeSpan.FromHours(1)), null, TestContext.Current.CancellationToken);
        var expected = new[] { new DateTime(2026, 11, 20, 10, 0, 0), new DateTime(2026, 11, 20, 11, 0, 0, 123), new DateTime(2026, 11, 21, 9, 0, 0) }
            .Count(t => t >= DateTime.UtcNow.AddHours(-1) && t < DateTime.UtcNow);
        Assert.Equal((long)expected, lastHour.Primary.Rows[0]![0]!.GetValue<long>());
    }

    [Fact]
    public async Task Bad_KQL_is_the_APIs_error_object_with_the_position()
    {
        await using var fixture = await LiveFixture.StartAsync(SmallData);
        var workspace = fixture.Connect();
        var id = await workspace.WorkspaceIdAsync(TestContext.Current.CancellationToken);
        var e = await Assert.ThrowsAsync<LogsQueryException>(() => workspace.Logs.QueryAsync(id, "SigninLogs | wher x", null, null, TestContext.Current.CancellationToken));
        Assert.Equal(400, e.Status);
        Assert.Equal("BadArgumentError", e.Error.Code);
        Assert.Equal("SyntaxError", e.Error.Inner?.Code);
        Assert.Contains("line 1, position 14", e.Error.Inner!.Message);
        var missing = await Assert.ThrowsAsync<LogsQueryException>(() => workspace.Logs.QueryAsync(id, "NoSuchTable | take 1", null, null, TestContext.Current.CancellationToken));
        Assert.Equal("SemanticError", missing.Error.Inner?.Code);
    }

    [Fact]
    public async Task Throttling_is_retried_honouring_Retry_After()
    {
        var retryAfter = TimeSpan.FromMilliseconds(150);
        await using var fixture = await LiveFixture.StartAsync(SmallData, new FaultOptions
        {
            FailureRate = 0.5, ThrottleWeight = 1, InternalErrorWeight = 0, UnavailableWeight = 0, ResetBeforeWeight = 0, ResetAfterWeight = 0,
            RetryAfter = retryAfter, Seed = 7,
        });
        // A tiny base delay: any wait of 150 ms per throttle comes from Retry-After, not from back-off.
        var workspace = fixture.Connect(new ArmConnectionSettings { MaxRetries = 20, Delay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromSeconds(5) });
        var id = await workspace.WorkspaceIdAsync(TestContext.Current.CancellationToken);
        fixture.Emulator.Statistics.Reset();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 8; i++)
        {
            var result = await workspace.Logs.QueryAsync(id, "SigninLogs | count", null, null, TestContext.Current.CancellationToken);
            Assert.Equal(3L, result.Primary.Rows[0]![0]!.GetValue<long>());
        }
        watch.Stop();
        var throttled = fixture.Emulator.Statistics.Faults;
        TestContext.Current.SendDiagnosticMessage($"{throttled} of {fixture.Emulator.Statistics.Requests} requests throttled; {watch.ElapsedMilliseconds} ms");
        Assert.True(throttled > 0, "the seed must throttle some requests");
        Assert.True(watch.Elapsed >= retryAfter * throttled * 0.9, $"{throttled} throttles answered in {watch.ElapsedMilliseconds} ms: Retry-After was not waited for");
    }

    [Fact]
    public async Task A_result_over_the_row_cap_is_a_partial_result_reported_as_such()
    {
        await using var fixture = await LiveFixture.StartAsync(SmallData, maxRows: 5);
        var workspace = fixture.Connect();
        var id = await workspace.WorkspaceIdAsync(TestContext.Current.CancellationToken);
        var result = await workspace.Logs.QueryAsync(id, "range x from 1 to 12 step 1", null, null, TestContext.Current.CancellationToken);
        Assert.True(result.IsPartial);
        Assert.Equal("PartialError", result.PartialError!.Code);
        Assert.Contains("E_QUERY_RESULT_SET_TOO_LARGE", result.PartialError.Describe());
        Assert.Equal(5, result.Primary.ToDataTable().RowCount);

        var full = await workspace.Logs.QueryAsync(id, "range x from 1 to 5 step 1", null, null, TestContext.Current.CancellationToken);
        Assert.False(full.IsPartial);
    }

    [Fact]
    public async Task A_bad_log_file_stops_the_emulator_with_its_file_and_line()
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => LiveFixture.StartAsync(dir =>
            File.WriteAllLines(Path.Combine(dir, "AuditLogs.jsonl"), ["""{"TimeGenerated":"2026-11-20T10:00:00Z"}""", "{not json"])));
        Assert.Contains("AuditLogs.jsonl:2:", e.Message);
        Assert.Contains("SC0701", e.Message);
    }

    internal static Dictionary<string, DataTable> LoadLocal(string directory)
    {
        var diagnostics = new List<Core.Diagnostics.Diagnostic>();
        var files = Kql.Data.Loading.SampleDataSet.FindFiles([directory], out _)!;
        return Kql.Data.Loading.SampleDataSet.Load(files, Kql.Schema.BuiltInSchemas.Default, diagnostics)!;
    }

    private static List<string> Cells(DataTable table) =>
        [.. Enumerable.Range(0, table.RowCount).Select(r => string.Join("|", table.Columns.Select(c => ValueText.Of(c, r))))];
}
