using System.Text.Json.Nodes;

namespace SentinelContent.Kql.Evaluation.Values;

/// <summary>
/// Ordering and equality of single values across KQL's types: numbers compare by value whatever their width,
/// dynamic scalars compare as their unwrapped value, strings ordinally. Null is handled by callers (KQL
/// comparisons with null are null; sort puts nulls where the query says).
/// </summary>
public sealed class ValueComparer : IComparer<object?>, IEqualityComparer<object?>
{
    public static ValueComparer Instance { get; } = new();

    public int Compare(object? x, object? y)
    {
        x = KqlValue.Unwrap(x);
        y = KqlValue.Unwrap(y);
        if (x is null) return y is null ? 0 : -1;
        if (y is null) return 1;
        switch (x, y)
        {
            case (string a, string b): return string.CompareOrdinal(a, b);
            case (long a, long b): return a.CompareTo(b);
            case (int a, int b): return a.CompareTo(b);
            case (DateTime a, DateTime b): return a.CompareTo(b);
            case (TimeSpan a, TimeSpan b): return a.CompareTo(b);
            case (bool a, bool b): return a.CompareTo(b);
            case (Guid a, Guid b): return a.CompareTo(b);
            case (decimal a, decimal b): return a.CompareTo(b);
        }

        if (IsNumber(x) && IsNumber(y))
        {
            if (x is double || y is double) return KqlValue.ToReal(x)!.Value.CompareTo(KqlValue.ToReal(y)!.Value);
            if (x is decimal || y is decimal) return KqlValue.ToDecimal(x)!.Value.CompareTo(KqlValue.ToDecimal(y)!.Value);
            return KqlValue.ToLong(x)!.Value.CompareTo(KqlValue.ToLong(y)!.Value);
        }

        if (x is DateTime dx && KqlValue.ToDateTime(y) is { } dy) return dx.CompareTo(dy);
        if (y is DateTime dy2 && KqlValue.ToDateTime(x) is { } dx2) return dx2.CompareTo(dy2);
        if (x is TimeSpan tx && KqlValue.ToTimeSpan(y) is { } ty) return tx.CompareTo(ty);
        if (y is TimeSpan ty2 && KqlValue.ToTimeSpan(x) is { } tx2) return tx2.CompareTo(ty2);
        if (x is JsonNode || y is JsonNode) return string.CompareOrdinal(KqlValue.ToText(x), KqlValue.ToText(y));
        if (x is string || y is string) return string.CompareOrdinal(KqlValue.ToText(x), KqlValue.ToText(y));
        return string.CompareOrdinal(x.GetType().Name, y.GetType().Name);
    }

    public new bool Equals(object? x, object? y)
    {
        x = KqlValue.Unwrap(x);
        y = KqlValue.Unwrap(y);
        if (x is null || y is null) return x is null && y is null;
        if (x is JsonNode a && y is JsonNode b) return JsonNode.DeepEquals(a, b);
        return Compare(x, y) == 0;
    }

    public int GetHashCode(object? value)
    {
        value = KqlValue.Unwrap(value);
        return value switch
        {
            null => 0,
            int i => ((long)i).GetHashCode(),
            double d when d == Math.Floor(d) && Math.Abs(d) < 9e18 => ((long)d).GetHashCode(),
            decimal m when m == Math.Floor(m) && Math.Abs(m) < 9e18m => ((long)m).GetHashCode(),
            JsonNode node => node.ToJsonString().GetHashCode(StringComparison.Ordinal),
            _ => value.GetHashCode(),
        };
    }

    private static bool IsNumber(object value) => value is int or long or double or decimal;
}
