using SentinelContent.Core.Diagnostics;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Data.Loading;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Live.Data;

/// <summary>
/// A folder of logs, one file per table: AuditLogs.jsonl, SigninLogs.json, MyApp_CL.csv... (JSON array,
/// JSON lines or CSV, as sample files). Tables in the catalog are typed by it; others (custom _CL tables)
/// take their schema from their rows. What the emulator serves and what local backtests read.
/// </summary>
public static class LogDirectory
{
    public static readonly IReadOnlyList<string> Extensions = [".jsonl", ".ndjson", ".json", ".csv"];

    /// <summary>The tables, or null when a file has errors (reported in <paramref name="diagnostics"/>).</summary>
    public static Dictionary<string, DataTable>? Load(string directory, SchemaCatalog catalog, IList<Diagnostic> diagnostics)
    {
        var tables = new Dictionary<string, DataTable>(StringComparer.Ordinal);
        var ok = true;
        var files = Directory.EnumerateFiles(directory)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (tables.ContainsKey(name))
            {
                diagnostics.Add(Diagnostic.Create(DataDiagnostics.InvalidSampleFile, Core.Text.SourceLocation.FileOnly(file), $"a second file for table {name}; keep one file per table"));
                ok = false;
                continue;
            }
            var rows = SampleFileReader.Read(file, diagnostics);
            var table = rows is null ? null : SampleTableBuilder.Build(name, rows, catalog, diagnostics);
            if (table is null) ok = false;
            else tables[name] = table;
        }
        return ok ? tables : null;
    }
}
