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
            case SyntaxKind.ParenthesizedExpression or SyntaxKind.OrderedExpression or SyntaxKind.UnaryPlusExpression:
                return PlanScalar(node.ChildNodes().First(), row);
            case SyntaxKind.SimpleNamedExpression or SyntaxKind.CompoundNamedExpression:
                return PlanScalar(node.ChildNodes().Last(), row);
            case SyntaxKind.NameReference:
                return PlanNameAsScalar(node);
            case SyntaxKind.PathExpression:
                return PlanPath(node);
            case SyntaxKind.ElementExpression:
                return PlanElement(node);
            case SyntaxKind.FunctionCallExpression:
                return PlanScalarCall(node);
            case SyntaxKind.UnaryMinusExpression:
                return PlanNegate(node);
            case SyntaxKind.BinaryExpression:
                return PlanBinary(node);
            case SyntaxKind.InExpression:
                return PlanIn(node);
            case SyntaxKind.HasAnyExpression or SyntaxKind.HasAllExpression:
                return PlanHasAnyAll(node);
            case SyntaxKind.BetweenExpression:
                return PlanBetween(node);
            case SyntaxKind.ToScalarExpression:
                return PlanToScalar(node);
            case SyntaxKind.BracketedExpression:
                return PlanScalar(node.ChildNodes().First(), row);
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

    private ScalarPlan PlanPath(SyntaxNode node)
    {
        var children = node.ChildNodes().ToArray();
        var left = PlanScalar(children[0]);
        var member = SyntaxHelpers.NameText(children[^1]) ?? throw Invalid(node, "a property name is missing");
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

    private ScalarPlan PlanElement(SyntaxNode node)
    {
        var children = node.ChildNodes().ToArray();
        var left = PlanScalar(children[0]);
        var index = PlanScalar(children[1]);
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

    private ScalarPlan PlanNegate(SyntaxNode node)
    {
        var operand = PlanScalar(node.ChildNodes().First());
        var type = TypeOf(node) is var t && t != ScalarType.Unknown ? t : operand.Type;
        if (operand.IsConstant) return ScalarPlan.Constant(type, Arithmetic.Negate(operand.Value));
        return ScalarPlan.Of(type, (input, context) => RowWise.Map(operand.Eval(input, context), type, Arithmetic.Negate));
    }

    private ScalarPlan PlanBinary(SyntaxNode node)
    {
        var children = node.Children;
        var left = PlanScalar((SyntaxNode)children[0]);
        var right = PlanScalar((SyntaxNode)children[^1]);
        var op = string.Concat(children.Skip(1).Take(children.Count - 2).Select(c => c is SyntaxToken t ? t.Text : c.ToFullString())).Trim().ToLowerInvariant();
        op = string.Join(' ', op.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var type = TypeOf(node);
        return BinaryOperators.Plan(node, op, left, right, type);
    }

    private ScalarPlan PlanBetween(SyntaxNode node)
    {
        var children = node.ChildNodes().ToArray();
        var value = PlanScalar(children[0]);
        var couple = children[^1];
        var ends = couple.ChildNodes().ToArray();
        var low = PlanScalar(ends[0]);
        var high = PlanScalar(ends[^1]);
        var negated = node.Children.OfType<SyntaxToken>().Any(t => t.Text.StartsWith('!'));
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

    private ScalarPlan PlanToScalar(SyntaxNode node)
    {
        var inner = node.ChildNodes().Last(n => n.Kind != SyntaxKind.NamedParameter && n.Kind != SyntaxKind.List);
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
    private List<ListItem> PlanListItems(SyntaxNode list)
    {
        var items = new List<ListItem>();
        foreach (var item in list.Kind is SyntaxKind.ExpressionList ? list.ChildNodes().SelectMany(SyntaxHelpers.Items) : [list])
        {
            if (IsTabular(item)) items.Add(new ListItem(null, Cached(PlanTabular(item))));
            else items.Add(new ListItem(PlanScalar(item), null));
        }

        return items;
    }

    private ScalarPlan PlanIn(SyntaxNode node)
    {
        var children = node.ChildNodes().ToArray();
        var left = PlanScalar(children[0]);
        var op = string.Concat(node.Children.OfType<SyntaxToken>().Select(t => t.Text)).ToLowerInvariant();
        var items = PlanListItems(children[^1]);
        return SetOperators.PlanIn(left, items, negated: op.StartsWith('!'), caseInsensitive: op.Contains('~'));
    }

    private ScalarPlan PlanHasAnyAll(SyntaxNode node)
    {
        var children = node.ChildNodes().ToArray();
        var left = PlanScalar(children[0]);
        var items = PlanListItems(children[^1]);
        return SetOperators.PlanHasAnyAll(left, items, all: node.Kind == SyntaxKind.HasAllExpression);
    }
}

/// <summary>One item of an in/has_any list: a scalar plan, or a table whose first column gives values.</summary>
internal readonly record struct ListItem(ScalarPlan? Scalar, TabularEval? Table);
