using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation;
using SentinelContent.Kql.Evaluation.Runtime;
using static SentinelContent.Kql.Tests.Evaluation.EngineTestSupport;

namespace SentinelContent.Kql.Tests.Evaluation;

/// <summary>
/// A run may use several threads (a join's sides side by side, a large filter in parts); its results and its errors
/// must be exactly those of a run on one thread.
/// </summary>
public sealed class ParallelEvaluationTests
{
    private const string Query = """
        let Users = range i from 1 to 200000 step 1 | extend User = strcat("u", i % 5000), Risk = iff(i % 97 == 0, "high", "low");
        let Risky = Users | where Risk == "high" | project User, Seen = i;
        Users
        | where Risk == "low" and i % 1000 == 1
        | join kind=inner Risky on User
        | summarize Pairs = count(), Users = dcount(User), Last = max(Seen)
        """;

    private static DataTable RunWith(int parallelism, string query) =>
        new KqlEngine(limits: EvaluationLimits.Default with { MaxParallelism = parallelism }).Run(query, new Dictionary<string, DataTable>(), Now);

    [Fact]
    public void A_join_over_a_large_filter_gives_the_same_rows_on_one_thread_and_on_several()
    {
        var single = Rows(RunWith(1, Query));
        var parallel = Rows(RunWith(4, Query));

        Assert.Equal(single, parallel);
        Assert.NotEqual("0|0|null", single.Single());
    }

    [Fact]
    public void Both_sides_reading_the_same_never_read_json_values_at_once_see_them_whole()
    {
        // JSON values parsed from text build their properties on first read; here both sides of the join read the
        // same nodes for the first time at the same moment, many times over.
        const string query = "T | extend v = tostring(d.a.b) | join kind=inner (T | extend w = tostring(d.a.b)) on k | summarize n = count(), same = countif(v == w and v != '')";
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var tables = new Dictionary<string, DataTable> { ["T"] = FreshlyParsed(2_000) };
            var engine = new KqlEngine(limits: EvaluationLimits.Default with { MaxParallelism = 4 });

            Assert.Equal("2000|2000", Rows(engine.Run(query, tables, Now, TestContext.Current.CancellationToken)).Single());
        }
    }

    private static DataTable FreshlyParsed(int rows)
    {
        var schema = new SentinelContent.Kql.Schema.TableSchema("T", [new("k", SentinelContent.Kql.Schema.ScalarType.String), new("d", SentinelContent.Kql.Schema.ScalarType.Dynamic)]);
        var keys = Enumerable.Range(0, rows).Select(i => "k" + i).ToArray();
        var values = Enumerable.Range(0, rows).Select(i => System.Text.Json.Nodes.JsonNode.Parse($$$"""{"x": 1, "a": {"y": 2, "b": "v{{{i}}}"}}""")).ToArray();
        return new DataTable(schema, [new StringColumn(keys), new DynamicColumn(values)]);
    }

    [Fact]
    public void A_scan_in_parts_keeps_the_rows_in_order()
    {
        var rows = SideBySide.Rows(300_000, 4, (from, to, found) =>
        {
            for (var i = from; i < to; i++)
                if (i % 7 == 0) found.Add(i);
        });

        Assert.Equal(Enumerable.Range(0, 300_000).Where(i => i % 7 == 0), rows);
    }

    [Fact]
    public void When_both_sides_fail_the_first_sides_error_is_reported()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            SideBySide.Both<int>(() => throw new InvalidOperationException("first"), () => throw new InvalidOperationException("second"), parallel: true));

        Assert.Equal("first", error.Message);
    }

    [Fact]
    public void When_only_the_second_side_fails_its_error_is_reported_as_is()
    {
        var error = Assert.Throws<ArgumentException>(() => SideBySide.Both(() => 1, () => throw new ArgumentException("second"), parallel: true));

        Assert.Equal("second", error.Message);
    }

    [Fact]
    public void A_let_value_both_sides_read_is_computed_once()
    {
        var context = new QueryContext(Now, new Dictionary<string, DataTable>(), SentinelContent.Kql.Schema.SchemaCatalog.Empty, EvaluationLimits.Default, CancellationToken.None);
        var computed = 0;
        var key = new object();

        var (a, b) = SideBySide.Both(() => context.Once(key, () => { Interlocked.Increment(ref computed); Thread.Sleep(50); return 42; }),
            () => context.Once(key, () => { Interlocked.Increment(ref computed); Thread.Sleep(50); return 42; }), parallel: true);

        Assert.Equal((42, 42), (a, b));
        Assert.Equal(1, computed);
    }
}
