using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Operators;
using SentinelContent.Kql.Evaluation.Runtime;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Evaluation.Planning;

// Operators that combine tables or reshape rows: join, lookup, union, mv-expand, mv-apply.
internal sealed partial class QueryPlanner
{
    /// <summary>join and lookup (a join whose right keys are dropped, leftouter unless told).</summary>
    private TabularEval PlanJoin(JoinOperator op, TabularEval left)
    {
        var kind = op.JoinKind ?? throw Unsupported(op, $"{(op is LookupOperator ? "lookup" : "join")} kind={op.KindText}");
        var right = PlanTabular(op.Right);
        var (leftKeys, rightKeys) = JoinKeys(op);
        return RunJoin(op, left, right, leftKeys, rightKeys, kind, lookup: op is LookupOperator);
    }

    private static TabularEval RunJoin(SyntaxNode op, TabularEval left, TabularEval right, List<string> leftKeys, List<string> rightKeys, JoinKind kind, bool lookup) => context =>
    {
        try
        {
            // The two sides share nothing but the run's tables and let values, so they are computed side by side.
            var (leftTable, rightTable) = SideBySide.Both(() => left(context), () => right(context), context.Parallel);
            return Joiner.Join(leftTable, rightTable, leftKeys, rightKeys, kind, rows => context.CheckRows(rows, op.Span), lookup);
        }
        catch (KqlRuntimeException e)
        {
            throw Invalid(op, e.Message);
        }
    };

    /// <summary>`on A, B` (same names both sides) and `on $left.A == $right.B` (joined by and or commas).</summary>
    internal static (List<string> Left, List<string> Right) JoinKeys(JoinOperator op)
    {
        var condition = op.Condition ?? throw Invalid(op, "join needs an on clause");
        if (condition.Kind == SyntaxKind.JoinWhereClause) throw Unsupported(condition, "join ... where (use on)");
        var left = new List<string>();
        var right = new List<string>();
        foreach (var item in op.On) AddKeys(item, left, right);
        if (left.Count == 0) throw Invalid(condition, "the join has no keys");
        return (left, right);
    }

    private static void AddKeys(SyntaxNode item, List<string> left, List<string> right)
    {
        if (item is ParenthesizedExpression parenthesized) { AddKeys(parenthesized.Expression, left, right); return; }
        if (item.Kind == SyntaxKind.NameReference && SyntaxHelpers.NameText(item) is { } name)
        {
            left.Add(name);
            right.Add(name);
            return;
        }

        if (item is BinaryExpression binary)
        {
            var (a, b) = (binary.Left, binary.Right);
            if (binary.Operator.Kind == SyntaxKind.AndKeyword) { AddKeys(a, left, right); AddKeys(b, left, right); return; }
            if (binary.Operator.Kind == SyntaxKind.EqualEqualToken && SidePath(a) is { } x && SidePath(b) is { } y)
            {
                var (l, r) = x.Side == "$left" ? (x.Column, y.Column) : (y.Column, x.Column);
                left.Add(l);
                right.Add(r);
                return;
            }
        }

        throw Unsupported(item, "this join condition (use equality of columns: on A or on $left.A == $right.B)");
    }

    private static (string Side, string Column)? SidePath(SyntaxNode node)
    {
        if (node is not PathExpression path) return null;
        var side = SyntaxHelpers.NameText(path.Expression);
        var column = SyntaxHelpers.NameText(path.Selector);
        return side is "$left" or "$right" && column is not null ? (side, column) : null;
    }

    private TabularEval PlanUnion(UnionOperator op, TabularEval? input)
    {
        var inner = op.UnionKind == UnionKind.Inner;
        var source = ParameterText(op, "withsource");
        var parts = new List<Func<QueryContext, IEnumerable<(string, DataTable)>>>();
        if (input is not null) parts.Add(context => [("", input(context))]);
        foreach (var item in op.Operands)
        {
            if (IsWildcard(item))
            {
                var pattern = WildcardPattern(item);
                var span = item.Span;
                parts.Add(context => context.TableNames().Where(n => Binder.WildcardMatches(pattern, n)).Order(StringComparer.Ordinal).Select(n => (n, context.Table(n, span))));
                continue;
            }

            var plan = PlanTabular(item);
            var label = item.Kind == SyntaxKind.NameReference ? SyntaxHelpers.NameText(item) ?? "" : "";
            parts.Add(context => [(label, plan(context))]);
        }

        return context => Unioner.Union([.. parts.SelectMany(p => p(context))], inner, source);
    }

    private List<(string Name, ScalarPlan Plan, ScalarType Type)> PlanExpanded(SyntaxNode op)
    {
        var result = new List<(string, ScalarPlan, ScalarType)>();
        var counter = 0;
        foreach (var item in OperatorItems(op).Where(n => n.Kind is SyntaxKind.MvExpandExpression or SyntaxKind.MvApplyExpression))
        {
            var expression = item.ChildNodes().First(n => n.Kind != SyntaxKind.ToTypeOfClause);
            var toType = Child(item, SyntaxKind.ToTypeOfClause);
            var type = toType is null ? ScalarType.Dynamic : SyntaxHelpers.TypeOf(toType.DescendantNodesAndSelf().FirstOrDefault(n => n.Kind == SyntaxKind.PrimitiveTypeExpression));
            var name = expression.Kind == SyntaxKind.SimpleNamedExpression ? SyntaxHelpers.NameText(Child(expression, SyntaxKind.NameDeclaration))
                : SyntaxHelpers.NameText(expression.Kind == SyntaxKind.NameReference ? expression : null)
                  ?? ExpandedName(expression) ?? "Column" + (++counter).ToString(System.Globalization.CultureInfo.InvariantCulture);
            result.Add((name!, PlanScalar(expression), type));
        }

        return result;
    }

    /// <summary>An expanded path (mv-expand a.b) is named as extend names it: a_b.</summary>
    private string? ExpandedName(SyntaxNode expression) => _model.TypeOf(expression) is not null && expression.Kind == SyntaxKind.PathExpression
        ? string.Join("_", expression.DescendantNodesAndSelf().Where(n => n.Kind == SyntaxKind.NameReference).Select(SyntaxHelpers.NameText))
        : null;

    private static long RowLimit(SyntaxNode op, QueryContext context)
    {
        var clause = op.ChildNodes().FirstOrDefault(n => n.Kind is SyntaxKind.MvExpandRowLimitClause or SyntaxKind.MvApplyRowLimitClause);
        var number = clause?.DescendantTokens().LastOrDefault(t => t.Kind is SyntaxKind.LongLiteralToken or SyntaxKind.IntLiteralToken);
        return number is not null && long.TryParse(number.Text, out var limit) ? limit : int.MaxValue;
    }

    private TabularEval PlanMvExpand(SyntaxNode op, TabularEval input)
    {
        var expanded = PlanExpanded(op);
        var bagsAsArrays = (ParameterText(op, "kind") ?? ParameterText(op, "bagexpansion")) == "array";
        var index = ParameterText(op, "with_itemindex");
        return context =>
        {
            var table = input(context);
            var columns = expanded.Select(e => new ExpandedColumn(e.Name, e.Plan.Eval(table, context), e.Type)).ToList();
            return MvExpander.Expand(table, columns, bagsAsArrays, index, RowLimit(op, context), rows => context.CheckRows(rows, op.Span));
        };
    }

    /// <summary>mv-apply: each input row is expanded into a small table the subquery runs on; the results are concatenated with the row's other columns.</summary>
    private TabularEval PlanMvApply(SyntaxNode op, TabularEval input)
    {
        var expanded = PlanExpanded(op);
        var bagsAsArrays = (ParameterText(op, "kind") ?? ParameterText(op, "bagexpansion")) == "array";
        var index = ParameterText(op, "with_itemindex");
        var subquery = Child(op, SyntaxKind.MvApplySubqueryExpression)?.ChildNodes().FirstOrDefault();
        var plan = subquery is null ? null : PlanTabular(subquery);
        return context =>
        {
            var table = input(context);
            var columns = expanded.Select(e => new ExpandedColumn(e.Name, e.Plan.Eval(table, context), e.Type)).ToList();
            var names = expanded.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
            var results = new List<DataTable>();
            var saved = context.ImplicitInput;
            try
            {
                // With no rows the subquery still runs once on an empty expansion, so the result has its columns.
                var rows = table.RowCount == 0 ? [Array.Empty<int>()] : Enumerable.Range(0, table.RowCount).Select(r => new[] { r });
                foreach (var selection in rows)
                {
                    context.CheckBudget(op.Span);
                    var single = table.Select(selection);
                    var perRow = columns.Select(c => c with { Values = c.Values.Select(selection) }).ToList();
                    var expandedRow = MvExpander.Expand(single, perRow, bagsAsArrays, index, RowLimit(op, context), count => context.CheckRows(count, op.Span));
                    context.ImplicitInput = expandedRow;
                    var output = plan is null ? expandedRow : plan(context);
                    if (selection.Length == 0) output = output.Select(Array.Empty<int>());
                    // The row's columns that were not expanded come first, then the subquery's own columns.
                    var outer = single.Named().Where(c => !names.Contains(c.Name) && output.Find(c.Name) is null).ToList();
                    var repeated = outer.Select(c => (c.Name, c.Column.Select(new int[output.RowCount]))).ToList();
                    results.Add(Tables.From([.. repeated, .. output.Named()], rowCount: output.RowCount));
                }
            }
            finally
            {
                context.ImplicitInput = saved;
            }

            return Unioner.Union([.. results.Select(r => ("", r))], inner: false, sourceColumn: null);
        };
    }
}
