namespace SentinelContent.Kql.Data.Loading;

/// <summary>How a data file is written, from its name: JSON (an array of rows, or JSON lines), CSV, Parquet; any of the text formats may be gzip-compressed (.jsonl.gz).</summary>
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
    public static IReadOnlyList<string> Extensions { get; } = [".json", ".jsonl", ".ndjson", ".csv", ".json.gz", ".jsonl.gz", ".ndjson.gz", ".csv.gz", ".parquet"];

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

    /// <summary>The table a file holds: its name without the extension(s) (AuditLogs.jsonl.gz holds AuditLogs).</summary>
    public static string TableName(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) name = name[..^3];
        return Path.GetFileNameWithoutExtension(name);
    }
}
