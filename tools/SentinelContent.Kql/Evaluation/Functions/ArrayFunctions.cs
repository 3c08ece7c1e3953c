using System.Text.Json.Nodes;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>
/// Arrays reshaped or built: array_iff, array_rotate_left/right, array_shift_left/right, array_split, repeat, range,
/// and the set comparisons jaccard_index and set_equals. Each follows its reference page's rules: a non-array input
/// gives null, and new elements of a shift are null unless a fill value is given.
/// </summary>
internal static class ArrayFunctions
{
    /// <summary>range() stops at Kusto's default limit of results (range-function.md: 1,048,576).</summary>
    private const int MaxRangeLength = 1_048_576;

    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        f["array_iff"] = Implement.Values(ScalarType.Dynamic, ArrayIff);
        f["array_rotate_left"] = Implement.Values(ScalarType.Dynamic, a => Rotate(a.Arg(0), KqlValue.ToLong(a.Arg(1))));
        f["array_rotate_right"] = Implement.Values(ScalarType.Dynamic, a => Rotate(a.Arg(0), -KqlValue.ToLong(a.Arg(1))));
        f["array_shift_left"] = Implement.Values(ScalarType.Dynamic, a => Shift(a.Arg(0), KqlValue.ToLong(a.Arg(1)), a, 2));
        f["array_shift_right"] = Implement.Values(ScalarType.Dynamic, a => Shift(a.Arg(0), -KqlValue.ToLong(a.Arg(1)), a, 2));
        f["array_split"] = Implement.Values(ScalarType.Dynamic, Split);
        f["repeat"] = Implement.Values(ScalarType.Dynamic, Repeat);
        f["range"] = Implement.Values(ScalarType.Dynamic, Range);
        f["jaccard_index"] = Implement.Values(ScalarType.Real, JaccardIndex);
        f["set_equals"] = Implement.Values(ScalarType.Bool, SetEquals);
    }

    /// <summary>
    /// array_iff(conditions, when_true, when_false): element-wise; a scalar branch stands for every position, a
    /// condition that is not a bool or a number gives null, and a branch array shorter than the conditions gives null there.
    /// </summary>
    private static object? ArrayIff(object?[] a)
    {
        if (a.Arg(0) is not JsonArray conditions) return null;
        var result = new JsonArray();
        for (var i = 0; i < conditions.Count; i++)
        {
            var condition = KqlValue.Unwrap(conditions[i]);
            bool? truth = condition switch { bool b => b, long or int or double or decimal => KqlValue.ToReal(condition) != 0, _ => null };
            result.Add(truth is { } t ? Branch(a.Arg(t ? 1 : 2), i) : null);
        }

        return result;
    }

    private static JsonNode? Branch(object? branch, int index) => branch switch
    {
        JsonArray array => index < array.Count ? array[index]?.DeepClone() : null,
        _ => DynamicFunctions.Clone(branch),
    };

    /// <summary>Rotates left by <paramref name="count"/> (negative: right), wrapping around.</summary>
    private static object? Rotate(object? value, long? count)
    {
        if (value is not JsonArray array || count is not { } n) return null;
        var length = array.Count;
        if (length == 0) return new JsonArray();
        var start = (int)(((n % length) + length) % length);
        return new JsonArray([.. Enumerable.Range(0, length).Select(i => array[(start + i) % length]?.DeepClone())]);
    }

    /// <summary>Shifts left by <paramref name="count"/> (negative: right); vacated positions take the fill argument, else null.</summary>
    private static object? Shift(object? value, long? count, object?[] a, int fillIndex)
    {
        if (value is not JsonArray array || count is not { } n) return null;
        var fill = a.Length > fillIndex ? DynamicFunctions.Clone(a.Arg(fillIndex)) : null;
        var result = new JsonArray();
        for (var i = 0; i < array.Count; i++)
        {
            var from = i + n;
            result.Add(from >= 0 && from < array.Count ? array[(int)from]?.DeepClone() : fill?.DeepClone());
        }

        return result;
    }

    /// <summary>array_split(array, index or indices): the pieces [0..i1), [i1..i2), ... [iN..length); a negative index counts from the end.</summary>
    private static object? Split(object?[] a)
    {
        if (a.Arg(0) is not JsonArray array) return null;
        var indexes = (a.Arg(1) is JsonArray list ? list.Select(e => KqlValue.ToLong(KqlValue.Unwrap(e))) : [KqlValue.ToLong(a.Arg(1))]).ToList();
        if (indexes.Any(i => i is null)) return null;
        var result = new JsonArray();
        var start = 0;
        foreach (var index in indexes.Select(i => i!.Value))
        {
            var end = (int)Math.Clamp(index < 0 ? array.Count + index : index, start, array.Count);
            result.Add(new JsonArray([.. array.Skip(start).Take(end - start).Select(e => e?.DeepClone())]));
            start = end;
        }

        result.Add(new JsonArray([.. array.Skip(start).Select(e => e?.DeepClone())]));
        return result;
    }

    /// <summary>repeat(value, count): count copies; 0 gives an empty array and a negative count null (repeat-function.md).</summary>
    private static object? Repeat(object?[] a)
    {
        if (KqlValue.ToLong(a.Arg(1)) is not { } count || count < 0) return null;
        var element = DynamicFunctions.Clone(a.Arg(0));
        return new JsonArray([.. Enumerable.Range(0, (int)Math.Min(count, MaxRangeLength)).Select(_ => element?.DeepClone())]);
    }

    /// <summary>
    /// range(start, stop[, step]): start, start + step, ... up to and including stop, for numbers, datetimes and
    /// timespans (the step defaults to 1, or 1h for datetimes and timespans); truncated at 1,048,576 values.
    /// </summary>
    private static object? Range(object?[] a)
    {
        var (start, stop) = (a.Arg(0), a.Arg(1));
        var step = a.Length > 2 ? a.Arg(2) : null;
        if (start is null || stop is null) return null;
        if (start is DateTime or TimeSpan)
        {
            var stepSpan = step is null ? TimeSpan.FromHours(1) : KqlValue.ToTimeSpan(step);
            if (stepSpan is not { Ticks: not 0 } s) return null;
            var (from, to) = start is DateTime d ? (d.Ticks, KqlValue.ToDateTime(stop)?.Ticks) : (((TimeSpan)start).Ticks, KqlValue.ToTimeSpan(stop)?.Ticks);
            if (to is not { } end) return null;
            var values = new JsonArray();
            for (var t = from; (s.Ticks > 0 ? t <= end : t >= end) && values.Count < MaxRangeLength; t += s.Ticks)
                values.Add(KqlValue.ToDynamic(start is DateTime ? new DateTime(t, DateTimeKind.Utc) : new TimeSpan(t)));
            return values;
        }

        var real = start is double || stop is double || step is double;
        if (KqlValue.ToReal(start) is not { } x || KqlValue.ToReal(stop) is not { } y || KqlValue.ToReal(step ?? 1L) is not { } by || by == 0) return null;
        var result = new JsonArray();
        for (var i = 0L; result.Count < MaxRangeLength; i++)
        {
            var v = x + i * by;
            if (by > 0 ? v > y : v < y) break;
            result.Add(real ? JsonValue.Create(v) : JsonValue.Create((long)v));
        }

        return result;
    }

    /// <summary>|a ∩ b| / |a ∪ b| over the distinct elements; two empty sets give NaN (0/0).</summary>
    private static object? JaccardIndex(object?[] a)
    {
        if (a.Arg(0) is not JsonArray || a.Arg(1) is not JsonArray) return null;
        var first = DistinctSet(a.Arg(0));
        var second = DistinctSet(a.Arg(1));
        var union = new HashSet<string>(first, StringComparer.Ordinal);
        union.UnionWith(second);
        first.IntersectWith(second);
        return (double)first.Count / union.Count;
    }

    /// <summary>set_equals(a, b): the same distinct elements, whatever the order or repetitions.</summary>
    private static object? SetEquals(object?[] a)
    {
        if (a.Arg(0) is not JsonArray || a.Arg(1) is not JsonArray) return null;
        return DistinctSet(a.Arg(0)).SetEquals(DistinctSet(a.Arg(1)));
    }

    /// <summary>The elements of an array as canonical JSON texts, so 1 and 1.0 stay distinct from "1" and equal bags match.</summary>
    private static HashSet<string> DistinctSet(object? value) =>
        new(DynamicFunctions.Elements(value).Select(e => DynamicJson.Canonical(DynamicFunctions.Clone(e))), StringComparer.Ordinal);
}
