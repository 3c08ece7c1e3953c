using SentinelContent.Core.Diagnostics;
using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Data.Loading;

namespace SentinelContent.Emulator.Logs;

/// <summary>
/// The workspace's logs, read once at start from a folder (one file per table) and kept in memory, and its
/// functions. The tables the workspace "has" are the built-in catalog's plus any custom table with a file.
/// </summary>
public sealed class LogStore
{
    private LogStore(IReadOnlyDictionary<string, DataTable> tables, IReadOnlyList<WorkspaceFunction> functions)
    {
        Tables = tables;
        Functions = functions;
    }

    public IReadOnlyDictionary<string, DataTable> Tables { get; }

    public IReadOnlyList<WorkspaceFunction> Functions { get; }

    /// <summary>Every table's schema: built-in tables and the custom tables found in the data folder.</summary>
    public IEnumerable<TableSchema> Schemas =>
        BuiltInSchemas.Default.Tables.Concat(Tables.Values.Select(t => t.Schema).Where(s => BuiltInSchemas.Default.Find(s.Name) is null));

    /// <summary>Loads the store; bad files are an <see cref="InvalidDataException"/> listing the diagnostics (file:line:col).</summary>
    public static LogStore Load(string? directory, string? functionsFile)
    {
        var tables = new Dictionary<string, DataTable>(StringComparer.Ordinal);
        if (directory is not null)
        {
            if (!Directory.Exists(directory)) throw new InvalidDataException($"the data folder {directory} does not exist");
            var diagnostics = new List<Diagnostic>();
            var files = SampleDataSet.FindFiles([directory], out _) ?? [];
            tables = SampleDataSet.Load(files, BuiltInSchemas.Default, diagnostics)
                ?? throw new InvalidDataException(string.Join(Environment.NewLine, diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }
        return new LogStore(tables, functionsFile is null ? [] : LoadFunctions(functionsFile));
    }

    private static IReadOnlyList<WorkspaceFunction> LoadFunctions(string path)
    {
        try
        {
            return WorkspaceFunctionFile.Load(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException)
        {
            throw new InvalidDataException($"{path}:1:1: error: the functions file cannot be read: {e.Message}", e);
        }
    }
}
