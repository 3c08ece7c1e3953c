using System.Reflection;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Input;

namespace SentinelContent.Kql.Schema;

/// <summary>
/// The Sentinel tables detection content uses most, written by this project from Microsoft's Azure Monitor
/// table reference (Schema/Data/sentinel-tables.json; provenance in docs/table-catalog.md).
/// </summary>
public static class BuiltInSchemas
{
    private const string ResourceName = "sentinel-tables.json";

    public static SchemaCatalog Default { get; } = Load();

    /// <summary>
    /// The built-in tables with a workspace's schema files (--schema) laid over them (<see cref="SchemaCatalog.WithWorkspace"/>).
    /// </summary>
    public static SchemaCatalog With(SchemaCatalog? files) => files is null ? Default : Default.WithWorkspace(files);

    private static SchemaCatalog Load()
    {
        var assembly = typeof(BuiltInSchemas).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("." + ResourceName, StringComparison.Ordinal));
        if (name is null) return SchemaCatalog.Empty;
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var diagnostics = new List<Diagnostic>();
        var source = SourceFileReader.Decode(ResourceName, memory.ToArray(), diagnostics);
        return source is null ? SchemaCatalog.Empty : SchemaFileLoader.LoadText(source, diagnostics) is var catalog && diagnostics.Count == 0
            ? catalog
            : throw new InvalidOperationException("The built-in table catalog is invalid: " + string.Join("; ", diagnostics));
    }
}
