using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Values;

namespace SentinelContent.Kql.Evaluation.Operators;

/// <summary>
/// Turns the values of key columns into dense integer codes, so grouping and joins hash integers instead of
/// boxed tuples. One encoder is shared by every table whose keys must agree (a join's two sides). Typed columns
/// are encoded without boxing; a null (of a non-string type) gets code -1, which callers treat as "no key".
/// </summary>
public sealed class KeyEncoder
{
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _longs = [];
    private readonly Dictionary<DateTime, int> _times = [];
    private readonly Dictionary<object, int> _others = new(ValueComparer.Instance!);
    // One table per key position: codes of position k must be dense among themselves, since the last position's
    // codes are used as group numbers; a table shared across positions would leave gaps and lose groups.
    private readonly List<Dictionary<(int, int), int>> _pairsByPosition = [];

    public const int Null = -1;

    /// <summary>The code of each row of <paramref name="column"/>.</summary>
    public int[] Encode(Column column)
    {
        var codes = new int[column.Count];
        switch (column)
        {
            case StringColumn strings:
                for (var i = 0; i < codes.Length; i++) codes[i] = Code(_strings, strings.Values[i]);
                break;
            case ValueColumn<long> longs:
                for (var i = 0; i < codes.Length; i++) codes[i] = longs.Nulls[i] ? Null : Code(_longs, longs.Values[i]);
                break;
            case ValueColumn<int> ints:
                for (var i = 0; i < codes.Length; i++) codes[i] = ints.Nulls[i] ? Null : Code(_longs, ints.Values[i]);
                break;
            case ValueColumn<DateTime> times:
                for (var i = 0; i < codes.Length; i++) codes[i] = times.Nulls[i] ? Null : Code(_times, times.Values[i]);
                break;
            default:
                for (var i = 0; i < codes.Length; i++)
                {
                    var value = KqlValue.Unwrap(KqlValue.Get(column, i));
                    codes[i] = value switch
                    {
                        null => Null,
                        string s => Code(_strings, s),
                        long l => Code(_longs, l),
                        int n => Code(_longs, n),
                        DateTime t => Code(_times, t),
                        _ => Code(_others, value),
                    };
                }

                break;
        }

        return codes;
    }

    /// <summary>
    /// One code per row for several key columns together (-1 when any key is null). Codes are dense and numbered in
    /// order of first appearance, so a caller grouping rows without nulls can use them as group numbers directly.
    /// </summary>
    public int[] EncodeRows(IReadOnlyList<Column> keys, int rowCount)
    {
        if (keys.Count == 0) return new int[rowCount];
        var combined = Encode(keys[0]);
        for (var k = 1; k < keys.Count; k++)
        {
            var next = Encode(keys[k]);
            if (_pairsByPosition.Count < k) _pairsByPosition.Add([]);
            var pairs = _pairsByPosition[k - 1];
            for (var i = 0; i < combined.Length; i++)
                combined[i] = combined[i] == Null || next[i] == Null ? Null : Code(pairs, (combined[i], next[i]));
        }

        return combined;
    }

    private static int Code<T>(Dictionary<T, int> codes, T value) where T : notnull
    {
        if (!codes.TryGetValue(value, out var code)) codes[value] = code = codes.Count;
        return code;
    }
}
