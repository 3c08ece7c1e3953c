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
    // One numbering across the tables above, so a string and a number (in a dynamic column) never share a code.
    private int _nextCode;
    // One table per key position: codes of position k must be dense among themselves, since the last position's
    // codes are used as group numbers; a table shared across positions would leave gaps and lose groups.
    private readonly List<Dictionary<(int, int), int>> _pairsByPosition = [];

    public const int Null = -1;

    /// <summary>
    /// The code of a value this encoder has never seen, when asked not to add it (the probe side of a join: a
    /// key the build side lacks can match nothing, so it needs no code of its own).
    /// </summary>
    public const int Absent = -2;

    /// <summary>The code of each row of <paramref name="column"/>; with <paramref name="addNew"/> false, unseen values are <see cref="Absent"/>.</summary>
    public int[] Encode(Column column, bool addNew = true)
    {
        var codes = new int[column.Count];
        switch (column)
        {
            case StringColumn strings when strings.TryGetCodes(out var dictionaryCodes, out var dictionary):
                // Each distinct value is looked up once (lazily: a dictionary may hold values no row uses any more).
                var byEntry = new int[dictionary.Length];
                Array.Fill(byEntry, int.MinValue);
                for (var i = 0; i < codes.Length; i++)
                {
                    var entry = dictionaryCodes[i];
                    if (byEntry[entry] == int.MinValue) byEntry[entry] = Code(_strings, dictionary[entry], addNew);
                    codes[i] = byEntry[entry];
                }
                break;
            case StringColumn strings:
                var texts = strings.Values;
                for (var i = 0; i < codes.Length; i++) codes[i] = Code(_strings, texts[i], addNew);
                break;
            case ValueColumn<long> longs:
                for (var i = 0; i < codes.Length; i++) codes[i] = longs.Nulls[i] ? Null : Code(_longs, longs.Values[i], addNew);
                break;
            case ValueColumn<int> ints:
                for (var i = 0; i < codes.Length; i++) codes[i] = ints.Nulls[i] ? Null : Code(_longs, ints.Values[i], addNew);
                break;
            case ValueColumn<DateTime> times:
                for (var i = 0; i < codes.Length; i++) codes[i] = times.Nulls[i] ? Null : Code(_times, times.Values[i], addNew);
                break;
            default:
                for (var i = 0; i < codes.Length; i++)
                {
                    var value = KqlValue.Unwrap(KqlValue.Get(column, i));
                    codes[i] = value switch
                    {
                        null => Null,
                        string s => Code(_strings, s, addNew),
                        long l => Code(_longs, l, addNew),
                        int n => Code(_longs, n, addNew),
                        DateTime t => Code(_times, t, addNew),
                        _ => Code(_others, value, addNew),
                    };
                }

                break;
        }

        return codes;
    }

    /// <summary>
    /// One code per row for several key columns together (-1 when any key is null). Codes are dense and numbered in
    /// order of first appearance, so a caller grouping rows without nulls can use them as group numbers directly.
    /// With <paramref name="addNew"/> false, a combination this encoder has not seen is <see cref="Absent"/>.
    /// </summary>
    public int[] EncodeRows(IReadOnlyList<Column> keys, int rowCount, bool addNew = true)
    {
        if (keys.Count == 0) return new int[rowCount];
        var combined = Encode(keys[0], addNew);
        for (var k = 1; k < keys.Count; k++)
        {
            var next = Encode(keys[k], addNew);
            if (_pairsByPosition.Count < k) _pairsByPosition.Add([]);
            var pairs = _pairsByPosition[k - 1];
            for (var i = 0; i < combined.Length; i++)
            {
                if (combined[i] == Null || next[i] == Null) combined[i] = Null;
                else if (combined[i] == Absent || next[i] == Absent) combined[i] = Absent;
                else combined[i] = Code(pairs, (combined[i], next[i]), addNew, pairs.Count);
            }
        }

        return combined;
    }

    /// <summary>
    /// Group numbers for rows of one table (summarize, distinct): like <see cref="EncodeRows"/>, dense in order of
    /// first appearance, but nothing is shared with another table, so two keys combine through a flat array
    /// indexed by both codes when the pairs fit (a user and an hour: 20,000 x 24) instead of a hash table.
    /// </summary>
    public static int[] GroupCodes(IReadOnlyList<Column> keys, int rowCount)
    {
        if (keys.Count == 0) return new int[rowCount];
        // An encoder per column keeps each column's codes small (0 to its distinct count), which keeps pairs flat.
        var combined = new KeyEncoder().Encode(keys[0]);
        for (var k = 1; k < keys.Count; k++) combined = Pair(combined, new KeyEncoder().Encode(keys[k]));
        return combined;
    }

    /// <summary>One dense code per distinct (a, b), numbered in order of first appearance; a null in either gives null.</summary>
    private static int[] Pair(int[] a, int[] b)
    {
        if (a.Length == 0) return a;
        var width = (long)b.Max() + 1;
        var space = ((long)a.Max() + 1) * width;
        var result = new int[a.Length];
        var count = 0;
        if (space <= Math.Max(1 << 16, 2L * a.Length))
        {
            var slots = new int[space]; // a pair's code + 1; 0 while unseen
            for (var i = 0; i < a.Length; i++)
            {
                if (a[i] == Null || b[i] == Null) { result[i] = Null; continue; }
                ref var slot = ref slots[a[i] * width + b[i]];
                if (slot == 0) slot = ++count;
                result[i] = slot - 1;
            }

            return result;
        }

        var codes = new Dictionary<long, int>();
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == Null || b[i] == Null) { result[i] = Null; continue; }
            // a * width + b rather than a << 32 | b: a long hashes as its two halves xor-ed, which would collide.
            var key = a[i] * width + b[i];
            if (!codes.TryGetValue(key, out var code)) codes[key] = code = count++;
            result[i] = code;
        }

        return result;
    }

    private int Code<T>(Dictionary<T, int> codes, T value, bool addNew) where T : notnull
    {
        if (codes.TryGetValue(value, out var code)) return code;
        if (!addNew) return Absent;
        codes[value] = code = _nextCode++;
        return code;
    }

    /// <summary>A pair's code: pair tables number their own entries (the last position's codes are group numbers).</summary>
    private static int Code(Dictionary<(int, int), int> codes, (int, int) pair, bool addNew, int next)
    {
        if (codes.TryGetValue(pair, out var code)) return code;
        if (!addNew) return Absent;
        codes[pair] = next;
        return next;
    }
}
