using System.Collections;
using System.Text.Json.Nodes;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Values;

/// <summary>Makes typed columns from single values, converting each to the column's type with KQL's rules (a value that does not convert is null).</summary>
public static class ColumnFactory
{
    public static Column FromValues(ScalarType type, IReadOnlyList<object?> values)
    {
        if (type == ScalarType.Unknown) type = Infer(values);
        var count = values.Count;
        switch (type)
        {
            case ScalarType.String:
            {
                var result = new string[count];
                for (var i = 0; i < count; i++) result[i] = KqlValue.ToText(values[i]);
                return new StringColumn(result);
            }

            case ScalarType.Dynamic:
            {
                var result = new JsonNode?[count];
                for (var i = 0; i < count; i++) result[i] = values[i] is JsonNode node ? node : KqlValue.ToDynamic(values[i]);
                return new DynamicColumn(result);
            }

            case ScalarType.Bool: return Typed(type, values, KqlValue.ToBool);
            case ScalarType.Int: return Typed(type, values, v => KqlValue.ToLong(v) is { } l ? (int?)unchecked((int)l) : null);
            case ScalarType.Long: return Typed(type, values, KqlValue.ToLong);
            case ScalarType.Real: return Typed(type, values, KqlValue.ToReal);
            case ScalarType.Decimal: return Typed(type, values, KqlValue.ToDecimal);
            case ScalarType.DateTime: return Typed(type, values, KqlValue.ToDateTime);
            case ScalarType.TimeSpan: return Typed(type, values, KqlValue.ToTimeSpan);
            case ScalarType.Guid: return Typed(type, values, KqlValue.ToGuid);
            default: throw new ArgumentOutOfRangeException(nameof(type), type, "no column of this type");
        }
    }

    /// <summary>One value repeated <paramref name="count"/> times.</summary>
    public static Column Constant(ScalarType type, object? value, int count)
    {
        if (type == ScalarType.Unknown) type = Infer([value]);
        if (type == ScalarType.String)
        {
            var text = KqlValue.ToText(value);
            var strings = new string[count];
            Array.Fill(strings, text);
            return new StringColumn(strings);
        }

        if (type == ScalarType.Dynamic)
        {
            var node = value is JsonNode n ? n : KqlValue.ToDynamic(value);
            var nodes = new JsonNode?[count];
            Array.Fill(nodes, node);
            return new DynamicColumn(nodes);
        }

        var one = FromValues(type, [value]);
        return Repeat(one, count);
    }

    public static Column Empty(ScalarType type) => FromValues(type == ScalarType.Unknown ? ScalarType.Dynamic : type, []);

    public static Column Nulls(ScalarType type, int count) => Constant(type == ScalarType.Unknown ? ScalarType.Dynamic : type, null, count);

    /// <summary>The type a column of these values gets when nothing else says: the first non-null value's, else dynamic.</summary>
    public static ScalarType Infer(IReadOnlyList<object?> values)
    {
        foreach (var value in values)
        {
            switch (value)
            {
                case null: continue;
                case string: return ScalarType.String;
                case bool: return ScalarType.Bool;
                case int: return ScalarType.Int;
                case long: return ScalarType.Long;
                case double: return ScalarType.Real;
                case decimal: return ScalarType.Decimal;
                case DateTime: return ScalarType.DateTime;
                case TimeSpan: return ScalarType.TimeSpan;
                case Guid: return ScalarType.Guid;
                default: return ScalarType.Dynamic;
            }
        }

        return ScalarType.Dynamic;
    }

    private static Column Repeat(Column one, int count)
    {
        var rows = new int[count];
        return one.Select(rows);
    }

    private static ValueColumn<T> Typed<T>(ScalarType type, IReadOnlyList<object?> values, Func<object?, T?> convert) where T : struct
    {
        var result = new T[values.Count];
        var nulls = new BitArray(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            if (convert(values[i]) is { } value) result[i] = value;
            else nulls[i] = true;
        }

        return new ValueColumn<T>(type, result, nulls);
    }
}
