using SentinelContent.Core.Diagnostics;

namespace SentinelContent.Kql.Data;

/// <summary>SC07xx: sample data (the logs a rule test or `sentinelctl query` runs on).</summary>
public static class DataDiagnostics
{
    private const string Category = "Data";

    public static readonly DiagnosticDescriptor InvalidSampleFile = new(
        "SC0701", "Sample file not readable", "the sample file cannot be read: {0}", DiagnosticSeverity.Error, Category,
        "Sample files are JSON (an array of row objects), JSON lines (.jsonl: one row object per line) or CSV with a header row. The message gives the first problem.");

    public static readonly DiagnosticDescriptor WrongValueType = new(
        "SC0702", "Value does not fit its column", "{0}.{1}: {2}", DiagnosticSeverity.Error, Category,
        "Each value must fit its column's type in the table's schema: datetimes as ISO 8601 text (2026-11-20T11:30:00Z), dynamic columns as JSON, numbers unquoted or as numeric text.");

    public static readonly DiagnosticDescriptor UnknownColumn = new(
        "SC0703", "Column not in the table", "{0} has no column '{1}'{2}", DiagnosticSeverity.Error, Category,
        "The sample names a column that the table's schema does not have, usually a misspelling. Fix the name, or declare the column with --schema if the workspace really has it.");

    public static readonly DiagnosticDescriptor TooManyRows = new(
        "SC0704", "Too many rows", "the sample holds more than {0:N0} rows", DiagnosticSeverity.Error, Category,
        "Local evaluation is for samples; larger data belongs in the workspace (sentinelctl query --env).");

    public static readonly DiagnosticDescriptor RowNotAnObject = new(
        "SC0705", "Row is not an object", "each row must be a JSON object of column: value, not {0}", DiagnosticSeverity.Error, Category,
        "Write each row as {\"TimeGenerated\": \"2026-11-20T11:30:00Z\", \"OperationName\": \"...\"}.");

    public static readonly DiagnosticDescriptor UnknownTableFile = new(
        "SC0706", "Data file named like a known table", "data file '{0}' is table '{1}', which is not a known table (did you mean '{2}'?)", DiagnosticSeverity.Warning, Category,
        "A data file holds the table it is named after (SigninLogs.jsonl is SigninLogs). This file's name is close to a table of the catalog but not equal, which is usually a typo: the query then reads an empty table under the real name. The file is still loaded, as a table of its own name typed by its rows; rename it if it was meant for the known table.");

    public static readonly DiagnosticDescriptor OverMemoryBudget = new(
        "SC0707", "Data over the memory limit", "loading stopped at this file: the data and the process hold {0}, over the memory limit of {1} (--max-memory)", DiagnosticSeverity.Error, Category,
        "Loaded data is kept compactly (repeated strings once, dynamic values as their JSON text), but a large export can still need more memory than the limit: half the machine's memory, at most 8 GiB, unless --max-memory says otherwise. Raise --max-memory if the machine has the room, or load fewer files (a shorter time span).");

    public static readonly DiagnosticDescriptor MoreProblems = new(
        "SC0708", "More problems in the file", "more problems in this file are not shown (the first {0} are)", DiagnosticSeverity.Info, Category,
        "A data file with many bad rows would bury the output; the first problems in line order are shown. Fix them and run again to see the rest.");

    public static readonly DiagnosticDescriptor UnsupportedParquetColumn = new(
        "SC0709", "Parquet column not readable", "the Parquet column '{0}' is nested (a list, map or struct); {1} takes flat columns",
        DiagnosticSeverity.Error, Category,
        "A Parquet data file is read column by column into the table's columns, which are flat: a dynamic column is written as JSON "
        + "text (as Log Analytics and ADX exports write it). Flatten the column, or write it as a JSON string.");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        [InvalidSampleFile, WrongValueType, UnknownColumn, TooManyRows, RowNotAnObject, UnknownTableFile, OverMemoryBudget, MoreProblems, UnsupportedParquetColumn];
}
