using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.LogicalPlan;

// One method per query operator the plan models; every other operator is an OperatorNode that reads all its input.
public sealed partial class PlanBuilder
{
    private PlanNode BuildOperator(SyntaxNode syntax, PlanNode? input)
    {
        var op = (QueryOperator)syntax;
        PlanNode node = (op, input) switch
        {
            (FilterOperator filter, { } i) => new FilterNode(op.Span, i, [.. Conjuncts(filter.Condition).Select(Expression)]),
            (TakeOperator take, { } i) => new TakeNode(op.Span, i, Expression(take.Count)),
            (SampleOperator sample, { } i) => new TakeNode(op.Span, i, Expression(sample.Count)),
            (SortOperator sort, { } i) => new SortNode(op.Span, i, [.. sort.Keys.Select(SortKey)]),
            (TopOperator top, { } i) => new TopNode(op.Span, i, Expression(top.Count), SortKey(top.Key)),
            ({ Kind: SyntaxKind.ExtendOperator or SyntaxKind.SerializeOperator }, { } i)
                => new ExtendNode(op.Span, i, Assignments(op.Expressions)),
            ({ Kind: SyntaxKind.ProjectOperator }, { } i) => new ProjectNode(op.Span, i, "project", ProjectColumns(op, i)),
            ({ Kind: SyntaxKind.ProjectAwayOperator or SyntaxKind.ProjectKeepOperator or SyntaxKind.ProjectReorderOperator
                or SyntaxKind.ProjectRenameOperator }, { } i)
                => new ProjectNode(op.Span, i, op.Info.Keyword, Reshaped(op)),
            (SummarizeOperator summarize, { } i)
                => new AggregateNode(op.Span, i, Assignments(summarize.GroupBy), Assignments(summarize.Aggregates)),
            ({ Kind: SyntaxKind.DistinctOperator }, { } i)
                => new DistinctNode(op.Span, i,
                    op.Expressions.Any(e => e.Kind == SyntaxKind.StarExpression) ? [] : Assignments(op.Expressions)),
            (CountOperator, { } i) => new CountNode(op.Span, i),
            (JoinOperator join, { } i) => BuildJoin(join, i),
            (UnionOperator union, _) => BuildUnion(union, input),
            _ => new OperatorNode(op.Span, op.Info.Keyword, input, [.. op.ChildNodes().Where(IsExpression).Select(Expression)]),
        };
        return node with { Output = OutputOf(op) };
    }

    /// <summary>Parts of an unmodelled operator worth showing: its expressions, not its parameters or clauses' keywords.</summary>
    private static bool IsExpression(SyntaxNode node) =>
        node.Kind is not (SyntaxKind.List or SyntaxKind.NamedParameter or SyntaxKind.NameDeclaration);

    private static IEnumerable<SyntaxNode> Conjuncts(SyntaxNode predicate) =>
        predicate is BinaryExpression { Operator.Kind: SyntaxKind.AndKeyword } and
            ? Conjuncts(and.Left).Concat(Conjuncts(and.Right))
            : [predicate];

    private PlanSortKey SortKey(OrderedKey key)
    {
        var descending = key.Direction.IsDescending(defaultDescending: true);
        return new PlanSortKey(Expression(key.Expression), descending, key.Nulls.NullsFirst(descending));
    }

    /// <summary>Each item's output names (from the binder) with the expression computing them.</summary>
    private List<PlanAssignment> Assignments(IEnumerable<SyntaxNode> items)
    {
        var result = new List<PlanAssignment>();
        foreach (var item in items)
        {
            var value = Expression(SyntaxHelpers.ValueOf(item));
            var names = _model.NamesOf(item);
            if (names.Count == 0)
                result.Add(new PlanAssignment(item is SimpleNamedExpression named && named.Name is { } n ? n : value.Text, value));
            foreach (var name in names) result.Add(new PlanAssignment(name, value));
        }

        return result;
    }

    /// <summary>project: the listed items, and for a wildcard each matching input column by name.</summary>
    private List<PlanAssignment> ProjectColumns(QueryOperator op, PlanNode input)
    {
        var result = new List<PlanAssignment>();
        foreach (var item in op.Expressions)
        {
            if (item.DescendantNodesAndSelf().Any(n => n.Kind is SyntaxKind.WildcardedName or SyntaxKind.BracketedWildcardedName))
            {
                var pattern = Text(item).Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal)
                    .Trim('\'', '"');
                foreach (var column in input.Output.Where(c => Binder.WildcardMatches(pattern, c.Name)))
                    result.Add(new PlanAssignment(column.Name, new PlanExpression(column.Name, column.Type, [column.Name])));
                continue;
            }

            result.AddRange(Assignments([item]));
        }

        return result;
    }

    /// <summary>project-away/keep/reorder/rename: each output column and the input column it is (renames read their source).</summary>
    private List<PlanAssignment> Reshaped(QueryOperator op)
    {
        var renamed = op.Expressions.OfType<SimpleNamedExpression>().Where(r => r.Name is not null)
            .ToDictionary(r => r.Name!, r => SyntaxHelpers.NameText(r.Expression) ?? Text(r.Expression), StringComparer.Ordinal);
        return [.. OutputOf(op).Select(c =>
        {
            var source = renamed.GetValueOrDefault(c.Name, c.Name);
            return new PlanAssignment(c.Name, new PlanExpression(source, c.Type, [source]));
        })];
    }

    private PlanNode BuildJoin(JoinOperator join, PlanNode left)
    {
        var right = BuildTabular(join.Right);
        var leftKeys = new List<string>();
        var rightKeys = new List<string>();
        foreach (var item in join.On) AddKeys(item, leftKeys, rightKeys);
        var kind = join.JoinKind ?? JoinKind.InnerUnique;
        return new JoinNode(join.Span, left, right, kind, leftKeys, rightKeys, join is LookupOperator);
    }

    /// <summary>`on A` (A on both sides) and `$left.A == $right.B` (joined by `and`); other conditions add no keys.</summary>
    private static void AddKeys(SyntaxNode item, List<string> left, List<string> right)
    {
        switch (item)
        {
            case ParenthesizedExpression parenthesized:
                AddKeys(parenthesized.Expression, left, right);
                return;
            case BinaryExpression { Operator.Kind: SyntaxKind.AndKeyword } and:
                AddKeys(and.Left, left, right);
                AddKeys(and.Right, left, right);
                return;
            case BinaryExpression { Operator.Kind: SyntaxKind.EqualEqualToken, Left: PathExpression a, Right: PathExpression b }:
                var (x, y) = (SyntaxHelpers.NameText(a.Expression), SyntaxHelpers.NameText(b.Expression));
                var (l, r) = x == "$right" || y == "$left" ? (b, a) : (a, b);
                if (SyntaxHelpers.NameText(l.Selector) is { } lk && SyntaxHelpers.NameText(r.Selector) is { } rk)
                {
                    left.Add(lk);
                    right.Add(rk);
                }

                return;
        }

        if (item.Kind == SyntaxKind.NameReference && SyntaxHelpers.NameText(item) is { } name)
        {
            left.Add(name);
            right.Add(name);
        }
    }

    private PlanNode BuildUnion(UnionOperator union, PlanNode? input)
    {
        var parts = new List<PlanNode>();
        if (input is not null) parts.Add(input);
        foreach (var operand in union.Operands)
        {
            if (operand.DescendantNodesAndSelf().Any(n => n.Kind is SyntaxKind.WildcardedName or SyntaxKind.BracketedWildcardedName))
                parts.Add(new ScanNode(operand.Span, Text(operand), [], 0));
            else
                parts.Add(BuildTabular(operand));
        }

        return new UnionNode(union.Span, parts, union.UnionKind, union.ParameterText("withsource"));
    }
}
