namespace SentinelContent.Kql.Data.Loading;

/// <summary>
/// How a data file is written, from its name: JSON (an array of rows, or JSON lines) or CSV, either gzip-compressed or
/// not (.jsonl.gz), or Parquet.
/// </summary>
public enum DataFileFormat
{
    /// <summary>.json: an array of row objects, or JSON lines (told apart by the first character).</summary>
    Json,
    JsonLines,
    Csv,
    Parquet,
}

/// <summary>The data files a folder is searched for, their formats and the tables they hold.</summary>
public static class DataFiles
{
    /// <summary>The file name endings of data files (lower case).</summary>
    public static IReadOnlyList<string> Extensions { get; } =
        [".json", ".jsonl", ".ndjson", ".csv", ".json.gz", ".jsonl.gz", ".ndjson.gz", ".csv.gz", ".parquet"];

    public static bool IsDataFile(string path) => Format(path, out _) is not null;

    /// <summary>The format of <paramref name="path"/> and whether it is gzip-compressed; null for a file that is no data file.</summary>
    public static DataFileFormat? Format(string path, out bool gzip)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        gzip = name.EndsWith(".gz", StringComparison.Ordinal);
        if (gzip) name = name[..^3];
        return Path.GetExtension(name) switch
        {
            ".json" => DataFileFormat.Json,
            ".jsonl" or ".ndjson" => DataFileFormat.JsonLines,
            ".csv" => DataFileFormat.Csv,
            ".parquet" when !gzip => DataFileFormat.Parquet,
            _ => null,
        };
    }

    /// <summary>
    /// The table a file holds: its name without the extension(s) (AuditLogs.jsonl.gz holds AuditLogs). A blob of a
    /// Log Analytics data export is named after its time span
    /// (…/am-auditlogs/WorkspaceResourceId=…/y=2026/m=11/d=20/h=11/m=00/PT05M.json): its table is named by the export's
    /// container, am-&lt;table&gt; (in lower case; <see cref="SampleDataSet"/> matches it to the catalog's name).
    /// </summary>
    public static string TableName(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) name = name[..^3];
        name = Path.GetFileNameWithoutExtension(name);
        if (IsTimeSpanName(name) && ExportContainer(path) is { } container) return container[ExportPrefix.Length..];
        return name;
    }

    /// <summary>Whether <paramref name="path"/> is a blob of a data export (named after its time span, under an am-&lt;table&gt; folder).
    /// </summary>
    public static bool IsExportBlob(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) name = name[..^3];
        return IsTimeSpanName(Path.GetFileNameWithoutExtension(name)) && ExportContainer(path) is not null;
    }

    /// <summary>The prefix of a data export's container: am-auditlogs holds AuditLogs.</summary>
    public const string ExportPrefix = "am-";

    /// <summary>Whether <paramref name="folder"/> is named like a data export's container (am-&lt;table&gt;).</summary>
    public static bool IsExportContainer(string folder)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        return name.Length > ExportPrefix.Length && name.StartsWith(ExportPrefix, StringComparison.OrdinalIgnoreCase);
    }

    private static string? ExportContainer(string path)
    {
        for (var dir = Path.GetDirectoryName(Path.GetFullPath(path)); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (IsExportContainer(dir)) return Path.GetFileName(dir);
        }
        return null;
    }

    // PT05M, PT1H: ISO 8601 durations, how data export names its blobs.
    private static bool IsTimeSpanName(string name) =>
        name.Length >= 4 && name.StartsWith("PT", StringComparison.OrdinalIgnoreCase) && char.IsAsciiLetter(name[^1])
        && name[2..^1].All(char.IsAsciiDigit);
}
