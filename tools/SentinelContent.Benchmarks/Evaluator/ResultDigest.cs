using System.Globalization;
using System.Runtime.CompilerServices;
using SentinelContent.Kql.Data;

namespace SentinelContent.Benchmarks.Evaluator;

/// <summary>
/// A result as sorted text lines, one per row, so the three implementations' results can be compared for
/// equality before anything is timed (a benchmark of different answers would measure nothing).
/// </summary>
public static class ResultDigest
{
    public static List<string> Of<T>(IEnumerable<T> rows) where T : ITuple =>
        Sorted(rows.Select(row => Enumerable.Range(0, row.Length).Select(i => row[i])));

    public static List<string> Of(IEnumerable<object?[]> rows) => Sorted(rows);

    public static List<string> Of(DataTable table) =>
        Sorted(Enumerable.Range(0, table.RowCount).Select(row => table.Columns.Select(c => c.GetValue(row))));

    private static List<string> Sorted(IEnumerable<IEnumerable<object?>> rows)
    {
        var lines = rows.Select(values => string.Join("|", values.Select(Text))).ToList();
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        DateTime time => time.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
