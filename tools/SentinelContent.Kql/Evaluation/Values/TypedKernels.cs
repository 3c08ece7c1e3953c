using System.Collections;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Values;

/// <summary>
/// Typed loops for the operations detections run on every row: comparing datetimes and numbers, shifting
/// datetimes by a timespan, binning datetimes. They give the same results as the general row-by-row path
/// (null in, null out) without boxing; callers fall back to that path when the types do not match.
/// </summary>
public static class TypedKernels
{
    /// <summary>
    /// a OP b for two columns (or a column and a broadcast constant) of datetimes, longs or reals; null when the types
    /// do not fit. <paramref name="oneNull"/> is the result when exactly one side is null (false for ==, true for !=,
    /// null for the orderings: the reference's null-values page); two nulls give null.
    /// </summary>
    public static Column? Compare(Column a, Column b, Func<int, bool> test, bool? oneNull = null) => (a, b) switch
    {
        (ValueColumn<DateTime> x, ValueColumn<DateTime> y) => Compare(x, y, test, oneNull),
        (ValueColumn<long> x, ValueColumn<long> y) => Compare(x, y, test, oneNull),
        (ValueColumn<double> x, ValueColumn<double> y) => Compare(x, y, test, oneNull),
        (ValueColumn<TimeSpan> x, ValueColumn<TimeSpan> y) => Compare(x, y, test, oneNull),
        _ => null,
    };

    private static ValueColumn<bool> Compare<T>(ValueColumn<T> a, ValueColumn<T> b, Func<int, bool> test, bool? oneNull) where T : struct, IComparable<T>
    {
        var count = a.Count;
        var values = new bool[count];
        var nulls = new BitArray(count);
        for (var i = 0; i < count; i++)
        {
            var (nullA, nullB) = (a.Nulls[i], b.Nulls[i]);
            if (nullA || nullB)
            {
                if (nullA != nullB && oneNull is { } given) values[i] = given;
                else nulls[i] = true;
                continue;
            }
            values[i] = test(a.Values[i].CompareTo(b.Values[i]));
        }

        return new ValueColumn<bool>(ScalarType.Bool, values, nulls);
    }

    /// <summary>low &lt;= v &lt;= high over datetimes; null when the types do not fit.</summary>
    public static Column? Between(Column v, Column low, Column high, bool negated)
    {
        if (v is not ValueColumn<DateTime> x || low is not ValueColumn<DateTime> lo || high is not ValueColumn<DateTime> hi) return null;
        var count = x.Count;
        var values = new bool[count];
        var nulls = new BitArray(count);
        for (var i = 0; i < count; i++)
        {
            if (x.Nulls[i] || lo.Nulls[i] || hi.Nulls[i]) { nulls[i] = true; continue; }
            values[i] = (x.Values[i] >= lo.Values[i] && x.Values[i] <= hi.Values[i]) != negated;
        }

        return new ValueColumn<bool>(ScalarType.Bool, values, nulls);
    }

    /// <summary>datetime ± timespan for a datetime column and a constant timespan; null when the types do not fit.</summary>
    public static Column? Shift(Column a, object? constant, char op)
    {
        if (a is not ValueColumn<DateTime> times || KqlValue.Unwrap(constant) is not TimeSpan span || op is not ('+' or '-')) return null;
        var count = times.Count;
        var values = new DateTime[count];
        var delta = op == '+' ? span : -span;
        for (var i = 0; i < count; i++) values[i] = times.Nulls[i] ? default : times.Values[i] + delta;
        return new ValueColumn<DateTime>(ScalarType.DateTime, values, (BitArray)times.Nulls.Clone());
    }

    /// <summary>bin(datetime column, constant timespan); null when the types do not fit.</summary>
    public static Column? Bin(Column a, object? size)
    {
        if (a is not ValueColumn<DateTime> times || KqlValue.Unwrap(size) is not TimeSpan { Ticks: > 0 } span) return null;
        var count = times.Count;
        var values = new DateTime[count];
        for (var i = 0; i < count; i++)
        {
            var ticks = times.Values[i].Ticks;
            values[i] = times.Nulls[i] ? default : new DateTime(ticks - ticks % span.Ticks, DateTimeKind.Utc);
        }

        return new ValueColumn<DateTime>(ScalarType.DateTime, values, (BitArray)times.Nulls.Clone());
    }
}
