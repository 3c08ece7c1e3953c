using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation;

namespace SentinelContent.Kql.Tests.Evaluation;

/// <summary>Bad queries and runaway queries end with a located diagnostic, never a hang or a crash.</summary>
public sealed class EngineLimitsTests
{
    private static KqlEvaluationException Fails(string query, EvaluationLimits? limits = null) =>
        FailsWith(query, limits, TestContext.Current.CancellationToken);

    private static KqlEvaluationException FailsWith(string query, EvaluationLimits? limits, CancellationToken cancellation) =>
        Assert.Throws<KqlEvaluationException>(() => new KqlEngine(limits: limits).Run(query, new Dictionary<string, DataTable>(), EngineTestSupport.Now, cancellation));

    [Fact]
    public void An_unsupported_operator_fails_at_planning_with_its_position()
    {
        const string query = "range x from 1 to 3 step 1 | make-series count() on x step 1";
        var error = Fails(query).Diagnostics.Single();
        Assert.Equal("SC0801", error.Code);
        Assert.Contains("make-series", error.Message, StringComparison.Ordinal);
        Assert.Equal(query.IndexOf("make-series", StringComparison.Ordinal), error.Span.Start);
    }

    [Fact]
    public void An_unsupported_function_fails_even_when_no_row_would_reach_it()
    {
        var error = Fails("range x from 1 to 3 step 1 | where x > 10 | extend s = series_fir(dynamic([1]), dynamic([1]))").Diagnostics.Single();
        Assert.Equal("SC0801", error.Code);
        Assert.Contains("series_fir", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_and_binding_errors_are_reported_as_such() 
    {
        Assert.StartsWith("SC02", Fails("print (1 + ").Diagnostics[0].Code, StringComparison.Ordinal);
        Assert.Equal("SC0302", Fails("range x from 1 to 3 step 1 | where y > 1").Diagnostics[0].Code);
    }

    [Fact]
    public void A_query_producing_too_many_rows_stops_at_the_cap()
    {
        var error = Fails("range x from 1 to 100 step 1 | join kind=inner (range x from 1 to 100 step 1 | extend k = 1) on $left.x == $right.k | join kind=inner (range y from 1 to 1000 step 1 | extend k = 1) on $left.k == $right.k", new EvaluationLimits { MaxRows = 500 });
        Assert.Equal("SC0802", error.Diagnostics.Single().Code);
    }

    [Fact]
    public void A_huge_range_stops_at_the_cap() =>
        Assert.Equal("SC0802", Fails("range x from 1 to 1000000000 step 1", new EvaluationLimits { MaxRows = 1000 }).Diagnostics.Single().Code);

    [Fact]
    public void A_run_over_its_time_budget_stops() =>
        Assert.Equal("SC0803", Fails("range x from 1 to 10 step 1 | count", new EvaluationLimits { Timeout = TimeSpan.Zero }).Diagnostics.Single().Code);

    [Fact]
    public void A_cancelled_run_stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Equal("SC0803", FailsWith("range x from 1 to 10 step 1 | count", null, cancelled.Token).Diagnostics.Single().Code);
    }

    [Fact]
    public void An_invalid_regular_expression_is_refused_when_bound_or_when_run()
    {
        // A literal pattern is checked when the query is bound (SC0315); one computed from the data when it runs (SC0804).
        Assert.Equal("SC0315", Fails("print 'abc' matches regex '(unclosed'").Diagnostics.Single().Code);
        var error = Fails("print p = strcat('(un', 'closed') | extend m = 'abc' matches regex p").Diagnostics.Single();
        Assert.Equal("SC0804", error.Code);
        Assert.Contains("regular expression", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pathological_regular_expression_runs_in_linear_time()
    {
        // Catastrophic for a backtracking engine; linear for RE2 semantics.
        var text = new string('a', 5000) + "!";
        var result = new KqlEngine().Run($"print '{text}' matches regex '(a+)+$'", new Dictionary<string, DataTable>(), EngineTestSupport.Now, TestContext.Current.CancellationToken);
        Assert.Equal("false", ValueText.Of(result.Columns[0], 0));
    }

    [Fact]
    public void A_table_the_query_names_but_nobody_supplied_is_empty_with_its_schema()
    {
        var result = new KqlEngine().Run("AuditLogs | where OperationName == 'x' | project TimeGenerated, TargetResources", new Dictionary<string, DataTable>(), EngineTestSupport.Now, TestContext.Current.CancellationToken);
        Assert.Equal(0, result.RowCount);
        Assert.Equal("TimeGenerated,TargetResources", EngineTestSupport.Columns(result));
    }

    [Fact]
    public void Deep_recursion_in_user_functions_is_refused()
    {
        var error = Fails("let f = (n:long) { f(n) }; print f(1)");
        Assert.NotEmpty(error.Diagnostics);
    }
}
