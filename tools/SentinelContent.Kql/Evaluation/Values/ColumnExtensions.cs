using SentinelContent.Kql.Data;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Values;

/// <summary>Whole-column conversions the operators need (a column to another type, a column as text or booleans).</summary>
public static class ColumnExtensions
{
    /// <summary>The column converted to <paramref name="type"/> (itself when it already is).</summary>
    public static Column ConvertTo(this Column column, ScalarType type)
    {
        if (column.Type == type || type == ScalarType.Unknown) return column;
        var values = new object?[column.Count];
        for (var i = 0; i < values.Length; i++) values[i] = KqlValue.Get(column, i);
        return ColumnFactory.FromValues(type, values);
    }

    /// <summary>Each row as a predicate result: only a non-null true passes (a null condition drops the row, as in where).</summary>
    public static bool IsTrue(this Column column, int row) => column switch
    {
        ValueColumn<bool> b => !b.Nulls[row] && b.Values[row],
        _ => KqlValue.ToBool(KqlValue.Get(column, row)) == true,
    };

    public static object?[] ToValues(this Column column)
    {
        var values = new object?[column.Count];
        for (var i = 0; i < values.Length; i++) values[i] = KqlValue.Get(column, i);
        return values;
    }
}
