using System.Globalization;

namespace SentinelContent.Kql.Data.Loading;

/// <summary>What loading made of the data: per table its rows, per column its type, storage and size in memory (`query --stats`).</summary>
public static class LoadStatistics
{
    public sealed record ColumnFigure(string Table, string Column, string Type, string Storage, long Bytes);

    public static IReadOnlyList<ColumnFigure> Describe(IReadOnlyDictionary<string, DataTable> tables) =>
        [.. tables.OrderBy(t => t.Key, StringComparer.Ordinal).SelectMany(t => t.Value.Schema.Columns.Select((c, i) =>
            new ColumnFigure(t.Key, c.Name, c.Type.ToString().ToLowerInvariant(), Storage(t.Value.Columns[i]),
                t.Value.Columns[i].SizeInBytes)))];

    private static string Storage(Column column) => column switch
    {
        StringColumn strings when strings.TryGetCodes(out _, out var dictionary) => $"dictionary ({dictionary.Length:N0} distinct)",
        StringColumn => "strings",
        DynamicColumn dynamic when dynamic.TryGetCompact(out _) => "JSON text",
        DynamicColumn => "parsed JSON",
        _ => "values and null bits",
    };

    /// <summary>The figures as text lines: a line per table, then one per column, sizes in bytes people read.</summary>
    public static IEnumerable<string> Lines(IReadOnlyDictionary<string, DataTable> tables, TimeSpan loadTime)
    {
        var figures = Describe(tables);
        var total = figures.Sum(f => f.Bytes);
        yield return string.Create(CultureInfo.InvariantCulture,
            $"loaded {tables.Count} table(s), {tables.Values.Sum(t => (long)t.RowCount):N0} rows, {Size(total)} in memory, "
            + $"in {loadTime.TotalSeconds:F2} s");
        foreach (var table in figures.GroupBy(f => f.Table))
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{table.Key}: {tables[table.Key].RowCount:N0} rows, {Size(table.Sum(f => f.Bytes))}");
            var width = table.Max(f => f.Column.Length);
            foreach (var figure in table)
                yield return $"  {figure.Column.PadRight(width)}  {figure.Type,-8}  {Size(figure.Bytes),10}  {figure.Storage}";
        }
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):F1} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):F1} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 10):F1} KiB"),
        _ => $"{bytes} B",
    };
}
