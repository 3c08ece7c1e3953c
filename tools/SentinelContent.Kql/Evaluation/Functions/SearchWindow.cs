using SentinelContent.Kql.Evaluation.Values;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>
/// The optional start, length and occurrence arguments indexof() and array_index_of() share. A negative start
/// counts from the end; length is how many positions one search examines (-1: to the end); each further
/// occurrence is searched from just after the previous one with the same length, which is how the reference's
/// examples come out (indexof("abcdefgabcdefg", "cde", 1, 10, 2) is 9). Null for a length below -1 or a negative
/// occurrence; -1 when not found.
/// </summary>
internal static class SearchWindow
{
    /// <param name="first">The index of the start argument in <paramref name="args"/>.</param>
    /// <param name="search">Finds the first match in [from, from + count), or -1.</param>
    public static object? Find(object?[] args, int first, int size, Func<int, int, int> search)
    {
        var start = args.Length > first ? KqlValue.ToLong(args.Arg(first)) ?? 0 : 0;
        var length = args.Length > first + 1 ? KqlValue.ToLong(args.Arg(first + 1)) ?? -1 : -1;
        var occurrence = args.Length > first + 2 ? KqlValue.ToLong(args.Arg(first + 2)) ?? 1 : 1;
        if (length < -1 || occurrence < 0) return null;
        if (start < 0) start = Math.Max(0, size + start);
        var found = -1;
        var from = start;
        for (var n = 0; n < Math.Max(1, occurrence); n++)
        {
            if (from > size) return -1L;
            var count = (int)(length == -1 ? size - from : Math.Min(length, size - from));
            found = search((int)from, count);
            if (found < 0) return -1L;
            from = found + 1;
        }
        return (long)found;
    }
}
