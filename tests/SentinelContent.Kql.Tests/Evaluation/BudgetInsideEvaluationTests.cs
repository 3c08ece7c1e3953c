using System.Diagnostics;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation;

namespace SentinelContent.Kql.Tests.Evaluation;

/// <summary>
/// Issue 24, D2 and "budgets inside evaluation": the time and memory budgets are checked inside functions and
/// aggregates (every few thousand rows), and a value's size is bounded before it is built. Each test runs the
/// finding's input, scaled so it is quick, and shows where the check happened.
/// </summary>
public sealed class BudgetInsideEvaluationTests
{
    private static KqlEvaluationException Fails(string query, EvaluationLimits? limits = null) =>
        Assert.Throws<KqlEvaluationException>(() => new KqlEngine(limits: limits)
            .Run(query, new Dictionary<string, DataTable>(), EngineTestSupport.Now, TestContext.Current.CancellationToken));

    [Fact]
    public void The_strrep_bomb_is_refused_before_the_value_is_built()
    {
        const string query = "print s = strrep(strrep(strrep('a', 10000), 10000), 10000)";
        var before = GC.GetTotalMemory(false);
        var clock = Stopwatch.StartNew();
        var error = Fails(query).Diagnostics.Single();
        Assert.Equal("SC0806", error.Code);
        Assert.Contains("strrep", error.Message, StringComparison.Ordinal);
        Assert.Contains("32 MiB", error.Message, StringComparison.Ordinal);
        // The middle call is refused (10,000 x 10,000 characters are over 32 MiB), so the outer one never runs.
        Assert.Equal(query.IndexOf("strrep(strrep('a'", StringComparison.Ordinal), error.Span.Start);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.True(GC.GetTotalMemory(false) - before < 1L << 30, "the bomb allocated gigabytes");
    }

    [Fact]
    public void A_value_under_the_bound_is_built()
    {
        // 1,000 x 10,000 characters: 10 MB, under the 32 MiB bound.
        var result = EngineTestSupport.Cell("print n = strlen(strrep(strrep('a', 1000), 10000))");
        Assert.Equal("10000000", result);
    }

    [Fact]
    public void Millions_of_hashes_stop_at_the_timeout_inside_the_function_not_after_it()
    {
        // The finding: 4M hash_sha256 rows ran 18 s under --timeout 1s, because the budget was only checked between operators.
        const string query = "range x from 1 to 4000000 step 1 | extend h = hash_sha256(tostring(x)) | count";
        var clock = Stopwatch.StartNew();
        var error = Fails(query, new EvaluationLimits { Timeout = TimeSpan.FromSeconds(1) }).Diagnostics.Single();
        Assert.Equal("SC0803", error.Code);
        // Operators check the budget before they start, so with checks only there this query ran to the end and
        // succeeded (about 8 s on the CI machine): an SC0803 at all, close to the second, means a row loop checked it.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stopped after {clock.Elapsed}");
    }

    [Fact]
    public void Make_set_of_big_strings_stops_at_the_value_bound()
    {
        // The finding: make_set of 1M x 1 KB strings used 6.4 GB. 40,000 x 1 KB is over the 32 MiB a bag or array may hold.
        const string query = "range x from 1 to 40000 step 1 | summarize s = make_set(strcat(tostring(x), strrep('a', 1000)))";
        var error = Fails(query).Diagnostics.Single();
        Assert.Equal("SC0806", error.Code);
        Assert.Equal(query.IndexOf("make_set", StringComparison.Ordinal), error.Span.Start);
    }

    [Fact]
    public void A_run_over_its_memory_bound_stops_inside_the_function_that_grows_it()
    {
        // 200,000 strings of 5,000 characters are 2 GB; with --max-memory 64MiB the function's row loop stops it.
        const string query = "range x from 1 to 200000 step 1 | extend s = strrep(tostring(x), 1000) | count";
        var error = Fails(query, new EvaluationLimits { MaxMemory = 64L << 20 }).Diagnostics.Single();
        Assert.Equal("SC0805", error.Code);
        Assert.Contains("--max-memory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regular_expression_the_engine_cannot_run_is_a_query_error_not_an_internal_one()
    {
        // D6: a backreference computed at run time (the literal form is refused when binding, SC0315).
        var error = Fails("print p = strcat('(a)', '\\\\1') | extend m = 'aa' matches regex p").Diagnostics.Single();
        Assert.Equal("SC0804", error.Code);
        Assert.Contains("RE2", error.Message, StringComparison.Ordinal);
    }
}
