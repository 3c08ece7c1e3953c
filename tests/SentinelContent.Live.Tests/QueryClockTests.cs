using SentinelContent.Live.Clock;

namespace SentinelContent.Live.Tests;

public sealed class QueryClockTests
{
    private static readonly DateTime Now = new(2026, 11, 16, 12, 30, 0, DateTimeKind.Utc);
    private const string T = "datetime(2026-11-16T12:30:00.0000000Z)";

    [Fact]
    public void Now_and_ago_calls_are_pinned_and_nothing_else_changes()
    {
        var query = """
            let R = 1h; // ago(R) in a comment stays
            let S = ago(R + 4h);
            T | where TimeGenerated >= ago(R) // after the call
            | extend n = now(), m = now(-1d), s = "ago(1d) in a string", nested = ago(now() - ago(1h))
            """;
        var pinned = QueryClock.Pin(query, Now);
        Assert.Equal($$"""
            let R = 1h; // ago(R) in a comment stays
            let S = ({{T}} - (R + 4h));
            T | where TimeGenerated >= ({{T}} - (R)) // after the call
            | extend n = {{T}}, m = ({{T}} + (-1d)), s = "ago(1d) in a string", nested = ({{T}} - ({{T}} - ({{T}} - (1h))))
            """, pinned);
    }

    [Fact]
    public void The_pinned_query_computes_what_the_original_computes_at_that_time()
    {
        var engine = new Kql.Evaluation.KqlEngine();
        var query = "print a = ago(1d), b = now(), c = now(2h), d = bin(ago(90m), 1h)";
        var original = engine.Run(query, new Dictionary<string, Kql.Data.DataTable>(), Now, TestContext.Current.CancellationToken);
        var pinned = engine.Run(QueryClock.Pin(query, Now), new Dictionary<string, Kql.Data.DataTable>(), Now.AddDays(400), TestContext.Current.CancellationToken);
        for (var c = 0; c < original.Columns.Count; c++)
            Assert.Equal(Kql.Data.ValueText.Of(original.Columns[c], 0), Kql.Data.ValueText.Of(pinned.Columns[c], 0));
    }
}
