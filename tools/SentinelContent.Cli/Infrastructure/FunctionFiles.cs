using SentinelContent.Kql.Binding;
using SentinelContent.Live.Schema;

namespace SentinelContent.Cli.Infrastructure;

/// <summary>
/// The workspace functions a command is given: a --functions file (the official oracle's JSON shape) plus the
/// "functions" of any --schema file written by `schema pull`. A file that cannot be read is a usage error.
/// </summary>
internal static class FunctionFiles
{
    public static bool TryLoad(CliContext context, string? functionsFile, IReadOnlyList<string> schemaFiles, out IReadOnlyList<WorkspaceFunction> functions)
    {
        var loaded = new List<WorkspaceFunction>();
        functions = loaded;
        var current = functionsFile ?? string.Empty;
        try
        {
            foreach (var schema in schemaFiles)
            {
                current = schema;
                loaded.AddRange(SchemaFileFunctions.Read(context.Resolve(schema)));
            }
            if (functionsFile is not null)
            {
                current = functionsFile;
                loaded.AddRange(WorkspaceFunctionFile.Load(context.Resolve(functionsFile)));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException)
        {
            context.Error.WriteLine($"{current}: {ex.Message}");
            return false;
        }
        // A later definition of a name wins, as a later --schema file wins for a table.
        functions = [.. loaded.GroupBy(f => f.Name, StringComparer.Ordinal).Select(g => g.Last())];
        return true;
    }
}
