using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Values;
using SentinelContent.Kql.Evaluation;
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
    public static IReadOnlyList<string> Extensions => DataFiles.Extensions;

    /// <summary>
    /// The data files named by <paramref name="paths"/> (files as given, folders by their data files, sorted), or null
    /// when a path does not exist.
    /// </summary>
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
                // A folder's own data files, and the whole tree of a data export's containers (am-auditlogs/…/PT05M.json).
                var exports = DataFiles.IsExportContainer(path)
                    ? [path]
                    : Directory.EnumerateDirectories(path).Where(DataFiles.IsExportContainer).Order(StringComparer.Ordinal).ToList();
                files.AddRange(Directory.EnumerateFiles(path).Where(DataFiles.IsDataFile).Order(StringComparer.Ordinal));
                foreach (var export in exports)
                {
                    files.AddRange(Core.Input.FolderWalk.Files(export)
                        .Where(f => DataFiles.IsDataFile(f) && Path.GetDirectoryName(f) != Path.GetFullPath(path))
                        .Order(StringComparer.Ordinal));
                }
            }
            else
            {
                missing = path;
                return null;
            }
        }
        return files;
    }

    /// <summary>
    /// Reads and types every file (streaming, in parallel: <see cref="Streaming.TableLoader"/>); null when any file has
    /// errors (reported in <paramref name="diagnostics"/>). What loading keeps is charged to <paramref name="budget"/>.
    /// </summary>
    public static Dictionary<string, DataTable>? Load(
        IReadOnlyList<string> files, SchemaCatalog catalog, IList<Diagnostic> diagnostics, MemoryBudget? budget = null) =>
        Streaming.TableLoader.Load(
            [.. files.Select(f => (f, DataFiles.IsExportBlob(f) ? CatalogName(TableName(f), catalog) : TableName(f)))], catalog, diagnostics, budget);

    // An export's container names its table in lower case (am-auditlogs): the catalog's spelling when it has the table.
    private static string CatalogName(string table, SchemaCatalog catalog) =>
        catalog.Find(table) is not null
            ? table
            : catalog.TableNames.FirstOrDefault(n => string.Equals(n, table, StringComparison.OrdinalIgnoreCase)) ?? table;

    /// <summary>
    /// As <see cref="Load(IReadOnlyList{string}, SchemaCatalog, IList{Diagnostic}, MemoryBudget?)"/>, for files whose tables
    /// are named elsewhere (a rule test's data section).
    /// </summary>
    public static Dictionary<string, DataTable>? Load(
        IReadOnlyList<(string Path, string Table)> files, SchemaCatalog catalog, IList<Diagnostic> diagnostics, MemoryBudget? budget = null) =>
        Streaming.TableLoader.Load(files, catalog, diagnostics, budget);

    /// <summary>The table a file holds: its name without the extension.</summary>
    public static string TableName(string file) => DataFiles.TableName(file);
}
