using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Data.Loading;
using SentinelContent.Kql.Schema;
using SentinelContent.RuleTests.Running;

namespace SentinelContent.RuleTests.Tests;

/// <summary>The adapter over the KQL evaluator: a query planned once runs many times, each run on its own clock and rows.</summary>
public sealed class KqlQueryEngineTests
{
    private static DataTable AuditLogs(params string[] times)
    {
        var rows = times.Select(t => new SampleRow([new SampleField("TimeGenerated", System.Text.Json.Nodes.JsonValue.Create(t)), new SampleField("OperationName", System.Text.Json.Nodes.JsonValue.Create("x"))], SourceLocation.FileOnly("t")))
            .ToList();
        var diagnostics = new List<Diagnostic>();
        return SampleTableBuilder.Build("AuditLogs", rows, BuiltInSchemas.Default, diagnostics) ?? throw new InvalidOperationException(string.Join("; ", diagnostics));
    }

    [Fact]
    public void A_prepared_query_takes_each_runs_time_and_rows_and_keeps_nothing_between_runs()
    {
        var tables = new Dictionary<string, DataTable> { ["AuditLogs"] = AuditLogs("2026-11-20T10:30:00Z", "2026-11-20T11:30:00Z", "2026-11-20T11:45:00Z") };
        var run = new KqlQueryEngine(BuiltInSchemas.Default).Prepare("""
            let Cutoff = now() - 1h;
            AuditLogs | where TimeGenerated > Cutoff
            """, tables);
        Assert.Equal(2, run(tables, new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc)).RowCount);
        Assert.Equal(3, run(tables, new DateTime(2026, 11, 20, 11, 29, 0, DateTimeKind.Utc)).RowCount);
        var fewer = new Dictionary<string, DataTable> { ["AuditLogs"] = AuditLogs("2026-11-20T11:50:00Z") };
        Assert.Equal(1, run(fewer, new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc)).RowCount);
    }

    [Fact]
    public void A_query_that_cannot_run_fails_with_spans_in_the_query_text()
    {
        var failure = Assert.Throws<QueryFailedException>(() => new KqlQueryEngine(BuiltInSchemas.Default).Run("AuditLogs | project NoSuchColumn", new Dictionary<string, DataTable>(), DateTime.UtcNow));
        var problem = Assert.Single(failure.Diagnostics);
        Assert.Equal(20, problem.Span.Start);
        Assert.Contains("NoSuchColumn", failure.Message);
    }
}
