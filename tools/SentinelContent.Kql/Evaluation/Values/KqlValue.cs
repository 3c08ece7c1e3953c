using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelContent.Kql.Data;

namespace SentinelContent.Kql.Evaluation.Values;

/// <summary>
/// Single values for the long tail of functions that work row by row: read boxed from a column, converted with
/// KQL's rules (tostring, tolong, toreal, tobool, todatetime...), and dynamic values unwrapped to their scalar.
/// Strings are never null; null stands for KQL's typed null.
/// </summary>
public static class KqlValue
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static object? Get(Column column, int row) => column.IsNull(row) ? (column is StringColumn ? string.Empty : null) : column.GetValue(row);

    /// <summary>A dynamic scalar (JSON string, number, bool) as its CLR value; objects and arrays stay dynamic.</summary>
    public static object? Unwrap(object? value)
    {
        if (value is not JsonValue json) return value;
        switch (json.GetValueKind())
        {
            case JsonValueKind.String: return json.GetValue<string>();
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.Number:
                if (json.TryGetValue<long>(out var l)) return l;
                if (json.TryGetValue<int>(out var i)) return (long)i;
                if (json.TryGetValue<double>(out var d)) return d;
                if (json.TryGetValue<decimal>(out var m)) return (double)m;
                return json.GetValue<JsonElement>().GetDouble();
            case JsonValueKind.Null: return null;
            default:
                if (json.TryGetValue<DateTime>(out var dt)) return dt;
                if (json.TryGetValue<TimeSpan>(out var ts)) return ts;
                if (json.TryGetValue<Guid>(out var g)) return g;
                return json.ToJsonString();
        }
    }

    public static JsonNode? ToDynamic(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create((long)i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        decimal m => JsonValue.Create(m),
        DateTime dt => JsonValue.Create(ValueText.DateTimeText(dt)),
        TimeSpan ts => JsonValue.Create(ts.ToString("c", Invariant)),
        Guid g => JsonValue.Create(g.ToString()),
        _ => JsonValue.Create(value.ToString()),
    };

    /// <summary>tostring(): null is "", dynamic strings are their text, other dynamic values compact JSON.</summary>
    public static string ToText(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        DateTime dt => ValueText.DateTimeText(dt),
        TimeSpan ts => ts.ToString("c", Invariant),
        double d => ValueText.RealText(d),
        JsonNode node => ValueText.DynamicText(node),
        IFormattable f => f.ToString(null, Invariant),
        _ => value.ToString() ?? string.Empty,
    };

    public static long? ToLong(object? value)
    {
        switch (Unwrap(value))
        {
            case null: return null;
            case long l: return l;
            case int i: return i;
            case bool b: return b ? 1 : 0;
            case double d: return double.IsFinite(d) ? (long)Math.Truncate(d) : null;
            case decimal m: return (long)Math.Truncate(m);
            case DateTime dt: return dt.Ticks;
            case TimeSpan ts: return ts.Ticks;
            case string s:
                if (long.TryParse(s.Trim(), NumberStyles.Integer, Invariant, out var parsed)) return parsed;
                return double.TryParse(s.Trim(), NumberStyles.Float, Invariant, out var real) && double.IsFinite(real) ? (long)Math.Truncate(real) : null;
            default: return null;
        }
    }

    public static double? ToReal(object? value)
    {
        switch (Unwrap(value))
        {
            case null: return null;
            case double d: return d;
            case long l: return l;
            case int i: return i;
            case decimal m: return (double)m;
            case bool b: return b ? 1 : 0;
            case TimeSpan ts: return ts.Ticks;
            case DateTime dt: return dt.Ticks;
            case string s: return double.TryParse(s.Trim(), NumberStyles.Float, Invariant, out var parsed) ? parsed : null;
            default: return null;
        }
    }

    public static decimal? ToDecimal(object? value)
    {
        switch (Unwrap(value))
        {
            case null: return null;
            case decimal m: return m;
            case long l: return l;
            case int i: return i;
            case double d: return double.IsFinite(d) ? (decimal)d : null;
            case bool b: return b ? 1 : 0;
            case string s: return decimal.TryParse(s.Trim(), NumberStyles.Float, Invariant, out var parsed) ? parsed : null;
            default: return null;
        }
    }

    public static bool? ToBool(object? value)
    {
        switch (Unwrap(value))
        {
            case null: return null;
            case bool b: return b;
            case long l: return l != 0;
            case int i: return i != 0;
            case double d: return d != 0;
            case decimal m: return m != 0;
            case string s:
                var t = s.Trim();
                if (t.Equals("true", StringComparison.OrdinalIgnoreCase) || t == "1") return true;
                if (t.Equals("false", StringComparison.OrdinalIgnoreCase) || t == "0") return false;
                return null;
            default: return null;
        }
    }

    public static DateTime? ToDateTime(object? value) => Unwrap(value) switch
    {
        DateTime dt => dt,
        string s => DateTimeParsing.TryParse(s, out var parsed) ? parsed : null,
        long l when l >= 0 && l <= DateTime.MaxValue.Ticks => new DateTime(l, DateTimeKind.Utc),
        _ => null,
    };

    public static TimeSpan? ToTimeSpan(object? value) => Unwrap(value) switch
    {
        TimeSpan ts => ts,
        string s => ValueConversion.TryTimeSpanText(s, out var parsed) ? parsed : null,
        long l => new TimeSpan(l),
        int i => new TimeSpan(i),
        double d when double.IsFinite(d) => new TimeSpan((long)d),
        _ => null,
    };

    public static Guid? ToGuid(object? value) => Unwrap(value) switch
    {
        Guid g => g,
        string s => Guid.TryParse(s.Trim(), out var parsed) ? parsed : null,
        _ => null,
    };

    /// <summary>isempty(): null, or the empty string (a dynamic null or empty string too).</summary>
    public static bool IsEmpty(object? value) => Unwrap(value) switch
    {
        null => true,
        string s => s.Length == 0,
        _ => false,
    };
}
