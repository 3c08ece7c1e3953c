using System.Collections;
using System.Text.Json.Nodes;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Data;

/// <summary>
/// One column of a table, stored as a typed array (no per-value boxing): the unit the evaluator works on.
/// KQL strings are never null (an empty string plays that part); every other type has a null bit per row.
/// </summary>
public abstract class Column(ScalarType type)
{
    public ScalarType Type { get; } = type;

    public abstract int Count { get; }

    public abstract bool IsNull(int row);

    /// <summary>The value boxed, for output and tests; hot paths use the typed subclasses.</summary>
    public abstract object? GetValue(int row);

    /// <summary>A new column holding the given rows, in the given order.</summary>
    public abstract Column Select(IReadOnlyList<int> rows);
}

/// <summary>A column of a value type (bool, int, long, real, decimal, datetime, timespan, guid) with a null bitmap.</summary>
public sealed class ValueColumn<T>(ScalarType type, T[] values, BitArray nulls) : Column(type) where T : struct
{
    public T[] Values { get; } = values;

    public BitArray Nulls { get; } = nulls;

    public override int Count => Values.Length;

    public override bool IsNull(int row) => Nulls[row];

    public override object? GetValue(int row) => Nulls[row] ? null : Values[row];

    public override Column Select(IReadOnlyList<int> rows)
    {
        var indexes = RowIndexes.AsSpan(rows);
        var values = new T[indexes.Length];
        var source = Values;
        for (var i = 0; i < indexes.Length; i++) values[i] = source[indexes[i]];
        return new ValueColumn<T>(Type, values, SelectNulls(indexes));
    }

    // Most columns have no nulls at all, or (a column a source never fills) nothing else: both copy in one step.
    private BitArray SelectNulls(ReadOnlySpan<int> indexes)
    {
        if (!Nulls.HasAnySet()) return new BitArray(indexes.Length);
        if (Nulls.HasAllSet()) return new BitArray(indexes.Length, true);
        var nulls = new BitArray(indexes.Length);
        for (var i = 0; i < indexes.Length; i++)
            if (Nulls[indexes[i]]) nulls[i] = true;
        return nulls;
    }
}

public sealed class StringColumn(string[] values) : Column(ScalarType.String)
{
    public string[] Values { get; } = values;

    public override int Count => Values.Length;

    public override bool IsNull(int row) => false;

    public override object? GetValue(int row) => Values[row];

    public override Column Select(IReadOnlyList<int> rows) => new StringColumn(RowIndexes.Gather(Values, rows));
}

/// <summary>dynamic values (JSON: objects, arrays and scalars); a null entry is KQL's null.</summary>
public sealed class DynamicColumn(JsonNode?[] values) : Column(ScalarType.Dynamic)
{
    public JsonNode?[] Values { get; } = values;

    public override int Count => Values.Length;

    public override bool IsNull(int row) => Values[row] is null;

    public override object? GetValue(int row) => Values[row];

    public override Column Select(IReadOnlyList<int> rows) => new DynamicColumn(RowIndexes.Gather(Values, rows));
}

/// <summary>Row numbers as a span (no copy for the arrays and lists operators build) and gathering by them.</summary>
internal static class RowIndexes
{
    public static ReadOnlySpan<int> AsSpan(IReadOnlyList<int> rows) => rows switch
    {
        int[] array => array,
        List<int> list => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list),
        _ => rows.ToArray(),
    };

    public static T[] Gather<T>(T[] source, IReadOnlyList<int> rows)
    {
        var indexes = AsSpan(rows);
        var result = new T[indexes.Length];
        for (var i = 0; i < indexes.Length; i++) result[i] = source[indexes[i]];
        return result;
    }
}
