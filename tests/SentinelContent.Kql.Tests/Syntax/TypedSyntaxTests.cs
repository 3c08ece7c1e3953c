using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Tests.Syntax;

/// <summary>The typed syntax layer: the operator facts table and the accessors the binder and planner read.</summary>
public sealed class TypedSyntaxTests
{
    private static T Single<T>(string text) where T : SyntaxNode
    {
        var tree = KqlSyntaxTree.Parse(text);
        Assert.True(tree.Diagnostics.Count == 0, string.Join("; ", tree.Diagnostics));
        return Assert.Single(tree.Root.DescendantNodesAndSelf().OfType<T>());
    }

    [Fact]
    public void Every_operator_node_kind_has_one_row_of_facts_and_nothing_else_does()
    {
        // The table is the one place; this checks it against the enum's naming both ways, so a new operator kind
        // without its row (or a row for a kind that is not an operator) fails here.
        var named = Enum.GetValues<SyntaxKind>().Where(k => k.ToString().EndsWith("Operator", StringComparison.Ordinal)).ToHashSet();
        var table = SyntaxFacts.QueryOperators.Select(o => o.Kind).ToList();
        Assert.Equal(table.Count, table.Distinct().Count());
        Assert.Equal(named.Order(), table.Order());
        Assert.All(named, k => Assert.True(SyntaxFacts.IsQueryOperator(k)));
        Assert.False(SyntaxFacts.IsQueryOperator(SyntaxKind.JoinOnClause));
        Assert.True(SyntaxFacts.IsClause(SyntaxKind.JoinOnClause));
        Assert.False(SyntaxFacts.IsClause(SyntaxKind.JoinOperator));
    }

    [Theory]
    [InlineData("where", SyntaxKind.FilterOperator)]
    [InlineData("filter", SyntaxKind.FilterOperator)]
    [InlineData("order", SyntaxKind.SortOperator)]
    [InlineData("limit", SyntaxKind.TakeOperator)]
    [InlineData("mv-expand", SyntaxKind.MvExpandOperator)]
    [InlineData("mvexpand", SyntaxKind.MvExpandOperator)]
    public void Keywords_start_the_operator_of_their_row(string keyword, SyntaxKind kind)
    {
        Assert.True(KeywordTable.TryMatchLongest(keyword, 0, out var info));
        Assert.Equal(kind, SyntaxFacts.QueryOperatorOfKeyword(info.Kind)?.Kind);
    }

    [Fact]
    public void Each_operator_node_is_a_query_operator_with_its_facts()
    {
        var tree = KqlSyntaxTree.Parse("T | where A == 1 | join kind=leftouter (U) on A | summarize count() by A"
            + " | sort by A | take 3 | project-away B");
        var operators = tree.Root.DescendantNodesAndSelf().Where(n => SyntaxFacts.IsQueryOperator(n.Kind)).ToList();
        Assert.Equal(6, operators.Count);
        Assert.All(operators, o => Assert.IsAssignableFrom<QueryOperator>(o));
        var keywords = operators.Cast<QueryOperator>().Select(o => o.Info.Keyword);
        Assert.Equal(["where", "join", "summarize", "sort", "take", "project-away"], keywords);
        Assert.Contains("kind", SyntaxFacts.GetQueryOperator(SyntaxKind.JoinOperator)!.ParameterNames);
        Assert.Equal("mv-expand", SyntaxFacts.GetQueryOperator(SyntaxKind.MvExpandOperator)!.Keyword);
    }

    [Fact]
    public void Sort_keys_carry_direction_and_nulls_as_enums()
    {
        var sort = Single<SortOperator>("T | order by A asc nulls last, B, C desc nulls first, D");
        Assert.Equal(
            [("A", SortDirection.Ascending, NullsOrder.Last), ("B", SortDirection.Unspecified, NullsOrder.Unspecified),
             ("C", SortDirection.Descending, NullsOrder.First), ("D", SortDirection.Unspecified, NullsOrder.Unspecified)],
            sort.Keys.Select(k => (k.Expression.ToFullString().Trim(), k.Direction, k.Nulls)));
        // sort's default is descending with nulls last; an explicit asc puts nulls first unless told.
        Assert.True(sort.Keys[1].Direction.IsDescending(defaultDescending: true));
        Assert.False(sort.Keys[1].Nulls.NullsFirst(descending: true));
        Assert.False(sort.Keys[0].Nulls.NullsFirst(descending: false));
    }

    [Fact]
    public void Project_reorder_reads_granny_orders()
    {
        var op = Single<QueryOperator>("T | project-reorder A* granny-asc, B desc");
        Assert.Equal([SortDirection.NaturalAscending, SortDirection.Descending], op.Expressions.Select(e => OrderedKey.Of(e).Direction));
    }

    [Fact]
    public void Top_has_a_count_and_one_key()
    {
        var top = Single<TopOperator>("T | top 5 by A asc");
        Assert.Equal("5", top.Count.ToFullString().Trim());
        Assert.Equal(SortDirection.Ascending, top.Key.Direction);
    }

    [Theory]
    [InlineData("T | join (U) on A", JoinKind.InnerUnique)]
    [InlineData("T | join kind=inner (U) on A", JoinKind.Inner)]
    [InlineData("T | join kind=anti (U) on A", JoinKind.LeftAnti)]
    [InlineData("T | join kind=leftantisemi (U) on A", JoinKind.LeftAnti)]
    [InlineData("T | join kind=rightsemi (U) on A", JoinKind.RightSemi)]
    [InlineData("T | lookup (U) on A", JoinKind.LeftOuter)]
    [InlineData("T | lookup kind=inner (U) on A", JoinKind.Inner)]
    public void Join_kinds_are_an_enum_with_each_operator_s_default(string text, JoinKind kind)
    {
        var join = Single<JoinOperator>(text);
        Assert.Equal(kind, join.JoinKind);
        Assert.Equal(SyntaxKind.ParenthesizedExpression, join.Right.Kind);
        Assert.Equal("A", Assert.Single(join.On).ToFullString().Trim());
    }

    [Fact]
    public void Join_condition_items_and_an_unknown_kind()
    {
        var join = Single<JoinOperator>("T | join kind=sideways (U) on $left.A == $right.B, C");
        Assert.Null(join.JoinKind);
        Assert.Equal("sideways", join.KindText);
        Assert.Equal(2, join.On.Count);
        var equality = Assert.IsType<BinaryExpression>(join.On[0]);
        Assert.Equal(SyntaxKind.EqualEqualToken, equality.Operator.Kind);
        Assert.Equal("$right", Assert.IsType<PathExpression>(equality.Right).Expression.ToFullString().Trim());
    }

    [Fact]
    public void Union_kind_and_source_column()
    {
        var union = Single<UnionOperator>("union kind=inner withsource=Src T, U");
        Assert.Equal(UnionKind.Inner, union.UnionKind);
        Assert.Equal("Src", union.WithSource);
        Assert.Equal(2, union.Operands.Count);
    }

    [Fact]
    public void Summarize_aggregates_and_groups()
    {
        var summarize = Single<SummarizeOperator>("T | summarize hint.strategy=shuffle n = count(), dcount(B) by A, bin(T, 1h)");
        Assert.Equal(2, summarize.Aggregates.Count);
        Assert.Equal("n", Assert.IsType<SimpleNamedExpression>(summarize.Aggregates[0]).Name);
        Assert.Equal(2, summarize.GroupBy.Count);
        Assert.Equal("shuffle", summarize.ParameterText("hint.strategy"));
        Assert.Equal(summarize.Aggregates, summarize.Expressions);
    }

    [Fact]
    public void Let_functions_have_parameters_and_a_body()
    {
        var tree = KqlSyntaxTree.Parse("let f = (T: (*), n: long = 3) { let m = n * 2; T | take m }; f(U)");
        var block = Assert.IsType<QueryBlock>(tree.Root);
        var let = Assert.IsType<LetStatement>(block.Statements[0]);
        Assert.Equal("f", let.Name);
        var declaration = Assert.IsType<FunctionDeclaration>(let.Value);
        Assert.Equal(["T", "n"], declaration.Parameters.Select(p => p.Name));
        Assert.Equal([true, false], declaration.Parameters.Select(p => p.IsTabular));
        Assert.Equal("3", declaration.Parameters[1].Default?.ToFullString().Trim());
        Assert.Equal("m", Assert.IsType<LetStatement>(Assert.Single(declaration.Body!.Statements)).Name);
        Assert.IsType<PipeExpression>(declaration.Body.Expression);
        var call = Assert.IsType<FunctionCallExpression>(Assert.IsType<ExpressionStatement>(block.Statements[1]).Expression);
        Assert.Equal("f", call.Name);
        Assert.Equal("U", Assert.Single(call.Arguments).ToFullString());
    }

    [Fact]
    public void Count_as_range_and_as_read_their_names()
    {
        Assert.Equal("N", Single<CountOperator>("T | count as N").AsName);
        var range = Single<RangeOperator>("range x from 1 to 5 step 2");
        Assert.Equal("x", range.Name);
        Assert.Equal(["1", "5", "2"], range.Bounds.Select(b => b.ToFullString().Trim()));
        Assert.Equal("Saved", Single<AsOperator>("T | as Saved").Name);
    }
}
