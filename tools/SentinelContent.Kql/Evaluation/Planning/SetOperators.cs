using System.Text.Json.Nodes;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Runtime;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Planning;

/// <summary>in, !in, in~, !in~, has_any and has_all: a value tested against a list of values, a dynamic array or a subquery's first column.</summary>
internal static class SetOperators
{
    public static ScalarPlan PlanIn(ScalarPlan left, IReadOnlyList<ListItem> items, bool negated, bool caseInsensitive) =>
        ScalarPlan.Of(ScalarType.Bool, (input, context) =>
        {
            var values = left.Eval(input, context);
            var lists = Expand(items, input, context);
            // in~ compares text without case; in compares values (numbers by value, strings exactly).
            IEqualityComparer<object?> comparer = caseInsensitive ? TextIgnoringCase.Instance : ValueComparer.Instance;
            HashSet<object?>? shared = null;
            return Test(values, lists, (value, candidates) =>
            {
                // The reference's null-values page: in is an OR of == and !in an AND of !=, so a null value is not in a
                // list of values (false, and true for !in); against a null in the list the comparison itself is null.
                if (KqlValue.Unwrap(value) is null) return candidates.Any(c => KqlValue.Unwrap(c) is null) ? null : negated;
                var set = ReferenceEquals(candidates, lists(-1)) ? shared ??= new HashSet<object?>(candidates, comparer) : new HashSet<object?>(candidates, comparer);
                return set.Contains(KqlValue.Unwrap(value)) != negated;
            });
        });

    private sealed class TextIgnoringCase : IEqualityComparer<object?>
    {
        public static TextIgnoringCase Instance { get; } = new();

        public new bool Equals(object? x, object? y) => string.Equals(KqlValue.ToText(x), KqlValue.ToText(y), StringComparison.OrdinalIgnoreCase);

        public int GetHashCode(object? value) => StringComparer.OrdinalIgnoreCase.GetHashCode(KqlValue.ToText(value));
    }

    public static ScalarPlan PlanHasAnyAll(ScalarPlan left, IReadOnlyList<ListItem> items, bool all) =>
        ScalarPlan.Of(ScalarType.Bool, (input, context) =>
        {
            var values = left.Eval(input, context);
            var lists = Expand(items, input, context);
            return Test(values, lists, (value, candidates) =>
            {
                var text = KqlValue.ToText(KqlValue.Unwrap(value));
                var needles = candidates.Select(c => KqlValue.ToText(KqlValue.Unwrap(c)));
                return all ? needles.All(n => StringMatching.Has(text, n)) : needles.Any(n => StringMatching.Has(text, n));
            });
        });

    private static Column Test(Column values, Func<int, IReadOnlyList<object?>> lists, Func<object?, IReadOnlyList<object?>, bool?> test)
    {
        var result = new object?[values.Count];
        for (var i = 0; i < result.Length; i++) result[i] = test(KqlValue.Get(values, i), lists(i));
        return ColumnFactory.FromValues(ScalarType.Bool, result);
    }

    /// <summary>The candidates per row: constant when every item is (the usual case), else computed row by row.</summary>
    private static Func<int, IReadOnlyList<object?>> Expand(IReadOnlyList<ListItem> items, DataTable input, QueryContext context)
    {
        var constant = new List<object?>();
        var perRow = new List<Column>();
        foreach (var item in items)
        {
            if (item.Table is { } table)
            {
                var rows = table(context);
                if (rows.Columns.Count > 0)
                    for (var r = 0; r < rows.RowCount; r++) AddFlattened(constant, KqlValue.Get(rows.Columns[0], r));
            }
            else if (item.Scalar is { IsConstant: true } scalar) AddFlattened(constant, scalar.Value);
            else perRow.Add(item.Scalar!.Eval(input, context));
        }

        // Row -1 (or any row, when nothing varies by row) is the shared constant list, so callers can build one set for it.
        if (perRow.Count == 0) return _ => constant;
        return row =>
        {
            if (row < 0) return constant;
            var values = new List<object?>(constant);
            foreach (var column in perRow) AddFlattened(values, KqlValue.Get(column, row));
            return values;
        };
    }

    /// <summary>A dynamic array in the list contributes its elements (x in (dynamic(['a','b'])) tests each).</summary>
    private static void AddFlattened(List<object?> values, object? value)
    {
        if (value is JsonArray array)
            foreach (var element in array) values.Add(KqlValue.Unwrap(element));
        else values.Add(KqlValue.Unwrap(value));
    }
}
