using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Operators;

/// <summary>range x from a to b step s: numbers, datetimes (with a timespan step) or timespans, inclusive of the end.</summary>
public static class RangeGenerator
{
    /// <summary>The column of values, or null when it would exceed <paramref name="maxRows"/>.</summary>
    public static Column? Generate(object? from, object? to, object? step, ScalarType type, int maxRows)
    {
        var values = new List<object?>();
        from = KqlValue.Unwrap(from);
        to = KqlValue.Unwrap(to);
        step = KqlValue.Unwrap(step);
        if (from is null || to is null || step is null) return ColumnFactory.Empty(type == ScalarType.Int ? ScalarType.Long : type);
        var current = from;
        var ascending = ValueComparer.Instance.Compare(Arithmetic.Apply('+', from, step), from) > 0;
        if (ValueComparer.Instance.Compare(Arithmetic.Apply('+', from, step), from) == 0) return null;
        while (current is not null && (ascending ? ValueComparer.Instance.Compare(current, to) <= 0 : ValueComparer.Instance.Compare(current, to) >= 0))
        {
            if (values.Count >= maxRows) return null;
            Runtime.QueryContext.Tick(values.Count);
            values.Add(current);
            current = Arithmetic.Apply('+', current, step);
        }

        var columnType = type is ScalarType.Int or ScalarType.Unknown ? ColumnFactory.Infer([from]) : type;
        if (columnType == ScalarType.Int) columnType = ScalarType.Long;
        return ColumnFactory.FromValues(columnType, values);
    }
}
