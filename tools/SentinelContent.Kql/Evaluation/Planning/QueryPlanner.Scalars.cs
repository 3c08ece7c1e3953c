using System.Text.Json.Nodes;
using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Evaluation.Planning;

// Scalar expressions: literals, names, dynamic paths, operators. Each plans to a whole-column evaluation.
internal sealed partial class QueryPlanner
{
    private ScalarType TypeOf(SyntaxNode node) => _model.TypeOf(node)?.Scalar ?? ScalarType.Unknown;

    private ScalarPlan PlanScalar(SyntaxNode node, bool row = true)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (node.Kind)
        {
            case SyntaxKind.StringLiteralExpression or SyntaxKind.CompoundStringLiteralExpression or SyntaxKind.LongLiteralExpression
                or SyntaxKind.IntLiteralExpression or SyntaxKind.RealLiteralExpression or SyntaxKind.DecimalLiteralExpression
                or SyntaxKind.BooleanLiteralExpression or SyntaxKind.DateTimeLiteralExpression or SyntaxKind.TimespanLiteralExpression
                or SyntaxKind.GuidLiteralExpression or SyntaxKind.NullLiteralExpression or SyntaxKind.DynamicExpression:
                if (!LiteralValues.TryGet(node, out var value)) throw Invalid(node, $"'{node.ToFullString().Trim()}' is not a valid literal");
                var literalType = TypeOf(node);
                if (value is TimeSpan && literalType == ScalarType.Long) literalType = ScalarType.TimeSpan;
                return ScalarPlan.Constant(literalType, value);
            case SyntaxKind.ParenthesizedExpression:
                return PlanScalar(((ParenthesizedExpression)node).Expression, row);
            case SyntaxKind.OrderedExpression:
                return PlanScalar(((OrderedExpression)node).Expression, row);
            case SyntaxKind.UnaryPlusExpression:
                return PlanScalar(((UnaryExpression)node).Operand, row);
            case SyntaxKind.SimpleNamedExpression:
                return PlanScalar(((SimpleNamedExpression)node).Expression, row);
            case SyntaxKind.CompoundNamedExpression:
                return PlanScalar(((CompoundNamedExpression)node).Expression, row);
            case SyntaxKind.NameReference:
                return PlanNameAsScalar(node);
            case SyntaxKind.PathExpression:
                return PlanPath((PathExpression)node);
            case SyntaxKind.ElementExpression:
                return PlanElement((ElementExpression)node);
            case SyntaxKind.FunctionCallExpression:
                return PlanScalarCall(node);
            case SyntaxKind.UnaryMinusExpression:
                return PlanNegate((UnaryExpression)node);
            case SyntaxKind.BinaryExpression:
                return PlanBinary((BinaryExpression)node);
            case SyntaxKind.InExpression:
                return PlanIn((InExpression)node);
            case SyntaxKind.HasAnyExpression or SyntaxKind.HasAllExpression:
                return PlanHasAnyAll((InExpression)node);
            case SyntaxKind.BetweenExpression:
                return PlanBetween((BetweenExpression)node);
            case SyntaxKind.ToScalarExpression:
                return PlanToScalar((ToScalarExpression)node);
            case SyntaxKind.BracketedExpression:
                return PlanScalar(((BracketedExpression)node).Expression, row);
            default:
                if (IsTabular(node)) throw Invalid(node, "a table is used where a scalar value is expected");
                throw Unsupported(node, $"the expression '{Describe(node)}'");
        }
    }

    private static string Describe(SyntaxNode node)
    {
        var text = node.ToFullString().Trim();
        return text.Length > 40 ? text[..40] + "…" : text;
    }

    private ScalarPlan PlanNameAsScalar(SyntaxNode node)
    {
        var name = SyntaxHelpers.NameText(node) ?? throw Invalid(node, "a name is missing");
        if (_model.SymbolOf(node) is ColumnSymbol column) return ColumnReference(node, name, column.Type);
        switch (_scope.Lookup(name))
        {
            case ScalarEntry scalar:
                return scalar.Plan;
            case FunctionEntry function:
                return PlanUserCall(function, name, [], node).Scalar ?? throw Invalid(node, $"'{name}' is a table, not a scalar");
            case TabularEntry:
                throw Invalid(node, $"'{name}' is a table, not a scalar");
        }

        return ColumnReference(node, name, TypeOf(node));
    }

    /// <summary>
    /// A column of the input, found by name when the batch arrives. A name the input lacks is an error, except on a
    /// batch without rows: there is nothing to read, and an open schema (bag_unpack over an empty watchlist) may
    /// legitimately lack columns it would have with data.
    /// </summary>
    private static ScalarPlan ColumnReference(SyntaxNode node, string name, ScalarType type) =>
        ScalarPlan.Of(type, (input, _) => input.Find(name)
            ?? (input.RowCount == 0 ? ColumnFactory.Empty(type) : throw Invalid(node, $"the input has no column '{name}'")));

    private ScalarPlan PlanPath(PathExpression node)
    {
        var left = PlanScalar(node.Expression);
        var member = SyntaxHelpers.NameText(node.Selector) ?? throw Invalid(node, "a property name is missing");
        return ScalarPlan.Of(ScalarType.Dynamic, (input, context) =>
        {
            var source = left.Eval(input, context);
            // Loaded JSON text is navigated as text: the property's bytes, not a parsed bag.
            if (source is DynamicColumn compactSource && compactSource.TryGetCompact(out var compact)) return new DynamicColumn(compact.Property(member));
            var result = new JsonNode?[source.Count];
            if (source is DynamicColumn dynamics)
            {
                var values = dynamics.Values;
                for (var i = 0; i < result.Length; i++) result[i] = values[i] is JsonObject obj && obj.TryGetPropertyValue(member, out var node) ? node : null;
            }
            else
            {
                for (var i = 0; i < result.Length; i++) result[i] = DynamicAccess.Property(KqlValue.Get(source, i), member);
            }

            return new DynamicColumn(result);
        });
    }

    private ScalarPlan PlanElement(ElementExpression node)
    {
        var left = PlanScalar(node.Expression);
        var index = PlanScalar(node.Selector);
        return ScalarPlan.Of(ScalarType.Dynamic, (input, context) =>
        {
            var source = left.Eval(input, context);
            var result = new JsonNode?[source.Count];
            if (index.IsConstant)
            {
                // x[0], x['name']: one key for every row.
                var key = index.Value;
                if (source is DynamicColumn dynamics && dynamics.TryGetCompact(out var compact) && KqlValue.Unwrap(key) is var unwrapped && unwrapped is string or long or int)
                    return new DynamicColumn(unwrapped is string name ? compact.Property(name) : compact.Element(Convert.ToInt64(unwrapped, System.Globalization.CultureInfo.InvariantCulture)));
                for (var i = 0; i < result.Length; i++) result[i] = DynamicAccess.Element(KqlValue.Get(source, i), key);
                return new DynamicColumn(result);
            }

            var keys = index.Eval(input, context);
            for (var i = 0; i < result.Length; i++) result[i] = DynamicAccess.Element(KqlValue.Get(source, i), KqlValue.Get(keys, i));
            return new DynamicColumn(result);
        });
    }

    private ScalarPlan PlanNegate(UnaryExpression node)
    {
        var operand = PlanScalar(node.Operand);
        var type = TypeOf(node) is var t && t != ScalarType.Unknown ? t : operand.Type;
        if (operand.IsConstant) return ScalarPlan.Constant(type, Arithmetic.Negate(operand.Value));
        return ScalarPlan.Of(type, (input, context) => RowWise.Map(operand.Eval(input, context), type, Arithmetic.Negate));
    }

    private ScalarPlan PlanBinary(BinaryExpression node)
    {
        var left = PlanScalar(node.Left);
        var right = PlanScalar(node.Right);
        return BinaryOperators.Plan(node, node.OperatorText, left, right, TypeOf(node));
    }

    private ScalarPlan PlanBetween(BetweenExpression node)
    {
        var value = PlanScalar(node.Left);
        var low = PlanScalar(node.Low);
        var high = PlanScalar(node.High);
        var negated = node.IsNegated;
        return ScalarPlan.Of(ScalarType.Bool, (input, context) =>
        {
            var v = value.Eval(input, context);
            var lo = low.Eval(input, context);
            var hi = high.Eval(input, context);
            // x between (datetime .. timespan): the upper end is the start plus the span.
            if (lo.Type == ScalarType.DateTime && hi.Type == ScalarType.TimeSpan)
                hi = RowWise.Map2(lo, hi, ScalarType.DateTime, (a, b) => a is DateTime start && b is TimeSpan span ? start + span : null);
            if (TypedKernels.Between(v, lo, hi, negated) is { } typed) return typed;
            return RowWise.Map3(v, lo, hi, ScalarType.Bool, (x, a, b) =>
            {
                if (x is null || a is null || b is null) return null;
                var inside = ValueComparer.Instance.Compare(x, a) >= 0 && ValueComparer.Instance.Compare(x, b) <= 0;
                return inside != negated;
            });
        });
    }

    private ScalarPlan PlanToScalar(ToScalarExpression node)
    {
        var inner = node.Expression ?? throw Invalid(node, "toscalar() needs an expression");
        var type = TypeOf(node);
        if (!IsTabular(inner)) return PlanScalar(inner, row: false);
        var table = PlanTabular(inner);
        var key = new object();
        return ScalarPlan.Of(type, (input, context) =>
        {
            var value = context.Once(key, () =>
            {
                var result = table(context);
                return result.RowCount == 0 || result.Columns.Count == 0 ? null : KqlValue.Get(result.Columns[0], 0);
            });
            return ColumnFactory.Constant(type, value, input.RowCount);
        });
    }

    /// <summary>The items of an in / has_any list: scalars (a dynamic array counts element by element) or a subquery's first column.</summary>
    private List<ListItem> PlanListItems(InExpression node)
    {
        var items = new List<ListItem>();
        foreach (var item in node.Items)
        {
            if (IsTabular(item)) items.Add(new ListItem(null, Cached(PlanTabular(item))));
            else items.Add(new ListItem(PlanScalar(item), null));
        }

        return items;
    }

    private ScalarPlan PlanIn(InExpression node)
    {
        var left = PlanScalar(node.Left);
        var items = PlanListItems(node);
        return SetOperators.PlanIn(left, items, negated: node.IsNegated, caseInsensitive: node.IgnoresCase);
    }

    private ScalarPlan PlanHasAnyAll(InExpression node)
    {
        var left = PlanScalar(node.Left);
        var items = PlanListItems(node);
        return SetOperators.PlanHasAnyAll(left, items, all: node.Kind == SyntaxKind.HasAllExpression);
    }
}

/// <summary>One item of an in/has_any list: a scalar plan, or a table whose first column gives values.</summary>
internal readonly record struct ListItem(ScalarPlan? Scalar, TabularEval? Table);
