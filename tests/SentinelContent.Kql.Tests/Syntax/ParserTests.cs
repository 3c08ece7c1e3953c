using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Tests.Syntax;

/// <summary>Tree shapes: each operator's node, statements, precedence and the public tree API.</summary>
public sealed class ParserTests
{
    private static KqlSyntaxTree ParseClean(string text)
    {
        var tree = KqlSyntaxTree.Parse(text);
        Assert.True(tree.Diagnostics.Count == 0, $"Unexpected diagnostics for '{text}': {string.Join("; ", tree.Diagnostics)}");
        Assert.Equal(text, tree.ToFullString());
        return tree;
    }

    private static IEnumerable<SyntaxKind> Kinds(KqlSyntaxTree tree) => tree.Root.DescendantNodesAndSelf().Select(n => n.Kind);

    [Theory]
    [InlineData("T | where A == 1", SyntaxKind.FilterOperator)]
    [InlineData("T | filter A == 1", SyntaxKind.FilterOperator)]
    [InlineData("T | extend B = A", SyntaxKind.ExtendOperator)]
    [InlineData("T | project A, B = A", SyntaxKind.ProjectOperator)]
    [InlineData("T | project-away A*", SyntaxKind.ProjectAwayOperator)]
    [InlineData("T | project-keep A", SyntaxKind.ProjectKeepOperator)]
    [InlineData("T | project-rename B = A", SyntaxKind.ProjectRenameOperator)]
    [InlineData("T | project-reorder B, A", SyntaxKind.ProjectReorderOperator)]
    [InlineData("T | summarize count() by bin(TimeGenerated, 1h)", SyntaxKind.SummarizeOperator)]
    [InlineData("T | join kind=inner (U) on $left.A == $right.B", SyntaxKind.JoinOperator)]
    [InlineData("T | lookup U on A", SyntaxKind.LookupOperator)]
    [InlineData("union withsource=S isfuzzy=true T, U", SyntaxKind.UnionOperator)]
    [InlineData("T | mv-expand A", SyntaxKind.MvExpandOperator)]
    [InlineData("T | mv-apply A on (take 1)", SyntaxKind.MvApplyOperator)]
    [InlineData("T | parse A with * \"x\" B", SyntaxKind.ParseOperator)]
    [InlineData("T | parse-where A with * \"x\" B", SyntaxKind.ParseWhereOperator)]
    [InlineData("T | parse-kv A as (B: string)", SyntaxKind.ParseKvOperator)]
    [InlineData("T | top 3 by A", SyntaxKind.TopOperator)]
    [InlineData("T | top-nested 3 of A by count()", SyntaxKind.TopNestedOperator)]
    [InlineData("T | top-hitters 3 of A", SyntaxKind.TopHittersOperator)]
    [InlineData("T | sort by A", SyntaxKind.SortOperator)]
    [InlineData("T | order by A desc", SyntaxKind.SortOperator)]
    [InlineData("T | take 1", SyntaxKind.TakeOperator)]
    [InlineData("T | limit 1", SyntaxKind.TakeOperator)]
    [InlineData("T | distinct A", SyntaxKind.DistinctOperator)]
    [InlineData("T | count", SyntaxKind.CountOperator)]
    [InlineData("T | make-series count() on Ts step 1h", SyntaxKind.MakeSeriesOperator)]
    [InlineData("T | evaluate bag_unpack(A)", SyntaxKind.EvaluateOperator)]
    [InlineData("T | as X", SyntaxKind.AsOperator)]
    [InlineData("T | invoke f()", SyntaxKind.InvokeOperator)]
    [InlineData("T | render timechart", SyntaxKind.RenderOperator)]
    [InlineData("T | getschema", SyntaxKind.GetSchemaOperator)]
    [InlineData("T | sample 5", SyntaxKind.SampleOperator)]
    [InlineData("T | sample-distinct 5 of A", SyntaxKind.SampleDistinctOperator)]
    [InlineData("search \"x\"", SyntaxKind.SearchOperator)]
    [InlineData("find where A == 1", SyntaxKind.FindOperator)]
    [InlineData("datatable (A: long) [1, 2]", SyntaxKind.DataTableExpression)]
    [InlineData("range x from 1 to 3 step 1", SyntaxKind.RangeOperator)]
    [InlineData("print 1", SyntaxKind.PrintOperator)]
    [InlineData("externaldata (A: string) [\"https://x\"]", SyntaxKind.ExternalDataExpression)]
    [InlineData("T | facet by A", SyntaxKind.FacetOperator)]
    [InlineData("T | fork (take 1) (take 2)", SyntaxKind.ForkOperator)]
    [InlineData("T | partition by A (take 1)", SyntaxKind.PartitionOperator)]
    [InlineData("T | serialize", SyntaxKind.SerializeOperator)]
    [InlineData("T | scan with (step s: A == 1;)", SyntaxKind.ScanOperator)]
    [InlineData("T | consume", SyntaxKind.ConsumeOperator)]
    [InlineData("T | reduce by A", SyntaxKind.ReduceByOperator)]
    public void Each_operator_has_its_node(string text, SyntaxKind kind) => Assert.Contains(kind, Kinds(ParseClean(text)));

    [Theory]
    [InlineData("let x = 1; print x", SyntaxKind.LetStatement)]
    [InlineData("let f = (a: long = 1) { a }; print f()", SyntaxKind.FunctionDeclaration)]
    [InlineData("let f = (a: long = 1) { a }; print f()", SyntaxKind.DefaultValueDeclaration)]
    [InlineData("let v = view () { T }; v", SyntaxKind.FunctionDeclaration)]
    [InlineData("let m = materialize(T); m", SyntaxKind.MaterializeExpression)]
    [InlineData("declare query_parameters(n: long = 1); print n", SyntaxKind.QueryParametersStatement)]
    [InlineData("set notruncation; T", SyntaxKind.SetOptionStatement)]
    public void Statements(string text, SyntaxKind kind) => Assert.Contains(kind, Kinds(ParseClean(text)));

    [Fact]
    public void Or_binds_looser_than_and_which_binds_looser_than_comparison()
    {
        var tree = ParseClean("print a == 1 or b == 2 and c == 3");
        var top = tree.Root.DescendantNodesAndSelf().First(n => n.Kind == SyntaxKind.BinaryExpression);
        Assert.Equal(SyntaxKind.OrKeyword, ((SyntaxToken)top.Children[1]).Kind);
        var right = (SyntaxNode)top.Children[2];
        Assert.Equal(SyntaxKind.AndKeyword, ((SyntaxToken)right.Children[1]).Kind);
    }

    [Fact]
    public void Multiplication_binds_tighter_than_addition_and_left_associates()
    {
        var tree = ParseClean("print 1 - 2 + 3 * 4");
        var top = tree.Root.DescendantNodesAndSelf().First(n => n.Kind == SyntaxKind.BinaryExpression);
        Assert.Equal(SyntaxKind.PlusToken, ((SyntaxToken)top.Children[1]).Kind);
        Assert.Equal("1 - 2", top.Children[0].ToFullString().Trim());
        Assert.Equal("3 * 4", top.Children[2].ToFullString().Trim());
    }

    [Fact]
    public void String_operators_bind_tighter_than_arithmetic()
    {
        var tree = ParseClean("print a + b has \"x\"");
        var top = tree.Root.DescendantNodesAndSelf().First(n => n.Kind == SyntaxKind.BinaryExpression);
        Assert.Equal(SyntaxKind.PlusToken, ((SyntaxToken)top.Children[1]).Kind);
    }

    [Fact]
    public void Pipes_nest_left_to_right()
    {
        var tree = ParseClean("T | where A | take 1");
        var statement = tree.Root.DescendantNodesAndSelf().First(n => n.Kind == SyntaxKind.ExpressionStatement);
        var pipe = Assert.IsType<PipeExpression>(statement.Children[0]);
        Assert.Equal(SyntaxKind.PipeExpression, pipe.Kind);
        Assert.IsType<TakeOperator>(pipe.Operator);
        Assert.Same(pipe.Children[2], pipe.Operator);
        Assert.IsType<PipeExpression>(pipe.Input);
    }

    [Fact]
    public void In_between_and_has_any_have_their_own_nodes()
    {
        var kinds = Kinds(ParseClean("T | where A in (1, 2) and B !in~ (\"x\") and C between (1 .. 2) and D has_any (\"a\") and E has_all (\"b\")")).ToList();
        Assert.Equal(2, kinds.Count(k => k == SyntaxKind.InExpression));
        Assert.Contains(SyntaxKind.BetweenExpression, kinds);
        Assert.Contains(SyntaxKind.HasAnyExpression, kinds);
        Assert.Contains(SyntaxKind.HasAllExpression, kinds);
    }

    [Fact]
    public void Named_arguments_dynamic_and_paths_parse()
    {
        var kinds = Kinds(ParseClean("print round(x, digits = 2), dynamic({\"a\": [1, {\"b\": null}]}).a[0], T.['x y']")).ToList();
        Assert.Contains(SyntaxKind.SimpleNamedExpression, kinds);
        Assert.Contains(SyntaxKind.JsonObjectExpression, kinds);
        Assert.Contains(SyntaxKind.JsonArrayExpression, kinds);
        Assert.Contains(SyntaxKind.ElementExpression, kinds);
        Assert.Contains(SyntaxKind.BracketedName, kinds);
    }

    [Fact]
    public void Keywords_that_can_be_names_are_names_outside_their_operator()
    {
        // count, bin and range are keywords, but also a column, a function and a function.
        ParseClean("T | extend count = 1 | summarize count() by bin(x, 1h) | extend r = range(1, 2, 1)");
    }

    [Theory]
    [InlineData("let")] // without a name after it, let is a plain name
    [InlineData("print range")]
    [InlineData("let h = view")] // view without a parameter list is a name too
    [InlineData("T | where x in (U | project y)")] // a subquery as the in-list
    [InlineData("T | where x between (a - 1 .. b + 2)")] // between bounds are full expressions
    [InlineData("T | where a: \"x\"")] // search shorthand
    public void Forms_the_official_grammar_accepts(string text) => ParseClean(text);

    [Fact]
    public void Spans_exclude_trivia_and_full_spans_include_it()
    {
        var tree = ParseClean("  T | take 1  ");
        var take = tree.Root.DescendantNodesAndSelf().First(n => n.Kind == SyntaxKind.TakeOperator);
        Assert.Equal("take 1", tree.Text.Substring(take.Span.Start, take.Span.Length));
        Assert.Equal(0, tree.Root.FullSpan.Start);
        Assert.Equal(tree.Text.Length, tree.Root.FullSpan.Length);
    }
}
