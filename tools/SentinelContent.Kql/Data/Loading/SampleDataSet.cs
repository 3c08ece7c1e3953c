using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Data.Loading;

/// <summary>
/// The tables of a local query run, read from data files and folders: each file is one table, named after the
/// file (SigninLogs.jsonl is SigninLogs), typed by the catalog's schema or, for a table the catalog does not
/// know, by its own rows. A name that is close to a known table but not equal is almost always a typo, so it is
/// reported as a warning with the likely name.
/// </summary>
public static class SampleDataSet
{
    /// <summary>The file types a data folder is searched for.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".json", ".jsonl", ".ndjson", ".csv"];

    /// <summary>The data files named by <paramref name="paths"/> (files as given, folders by their data files, sorted), or null when a path does not exist.</summary>
    public static IReadOnlyList<string>? FindFiles(IEnumerable<string> paths, out string? missing)
    {
        var files = new List<string>();
        missing = null;
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path)
                    .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                missing = path;
                return null;
            }
        }
        return files;
    }

    /// <summary>Reads and types every file; null when any file has errors (reported in <paramref name="diagnostics"/>).</summary>
    public static Dictionary<string, DataTable>? Load(IReadOnlyList<string> files, SchemaCatalog catalog, IList<Diagnostic> diagnostics)
    {
        var rowsByTable = new Dictionary<string, List<Loading.SampleRow>>(StringComparer.Ordinal);
        var order = new List<string>();
        var ok = true;
        foreach (var file in files)
        {
            var table = TableName(file);
            if (catalog.Find(table) is null && Similarity.ClosestMatch(table, catalog.TableNames) is { } match)
                diagnostics.Add(Diagnostic.Create(DataDiagnostics.UnknownTableFile, Core.Text.SourceLocation.FileOnly(file), Path.GetFileName(file), table, match));
            var rows = SampleFileReader.Read(file, diagnostics);
            if (rows is null)
            {
                ok = false;
                continue;
            }
            if (!rowsByTable.TryGetValue(table, out var all))
            {
                rowsByTable[table] = all = [];
                order.Add(table);
            }
            all.AddRange(rows);
        }

        var tables = new Dictionary<string, DataTable>(StringComparer.Ordinal);
        foreach (var name in order)
        {
            var table = SampleTableBuilder.Build(name, rowsByTable[name], catalog, diagnostics);
            if (table is null) ok = false;
            else tables[name] = table;
        }
        return ok ? tables : null;
    }

    /// <summary>The table a file holds: its name without the extension.</summary>
    public static string TableName(string file) => Path.GetFileNameWithoutExtension(file);
}
