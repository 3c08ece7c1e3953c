using System.Collections.Concurrent;
using System.Text.Json;

namespace SentinelContent.Kql.Schema;

/// <summary>A filtering parameter of an ASIM parser: its name, KQL type and the default that filters nothing.</summary>
public sealed record AsimParameter(string Name, ScalarType Type, string Default);

/// <summary>
/// One ASIM schema (NetworkSession, Dns...): its output columns, the aliases among them, and the filtering parameters its
/// unifying parsers take. Rows for it in a test or a data folder are given as a table named after the schema
/// (<see cref="SampleTableName"/>), in the normalised shape.
/// </summary>
public sealed class AsimSchema
{
    internal AsimSchema(
        string name, string version, string reference, TableSchema table, IReadOnlyList<AsimParameter> parameters,
        bool parametersOpen, IReadOnlyDictionary<string, IReadOnlyList<string>> aliases, IReadOnlyList<string> parsers,
        IReadOnlyList<string> sources, IReadOnlyList<string> corrections)
    {
        Name = name;
        Version = version;
        Reference = reference;
        Table = table;
        Parameters = parameters;
        ParametersOpen = parametersOpen;
        Aliases = aliases;
        Parsers = parsers;
        Sources = sources;
        Corrections = corrections;
    }

    public string Name { get; }

    public string Version { get; }

    /// <summary>The schema's page on Microsoft Learn.</summary>
    public string Reference { get; }

    /// <summary>The unifying parsers' output: every column of the schema, aliases included.</summary>
    public TableSchema Table { get; }

    public IReadOnlyList<AsimParameter> Parameters { get; }

    /// <summary>True when no source lists the parsers' parameters (RegistryEvent): then parameter names are not checked.</summary>
    public bool ParametersOpen { get; }

    /// <summary>Alias column → the columns it stands for, in order: the first non-empty one gives its value.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases { get; }

    /// <summary>The unifying parsers' names (_Im_X, _ASim_X, imX, ASimX and any others the sources name).</summary>
    public IReadOnlyList<string> Parsers { get; }

    /// <summary>Where the rows came from: "repository path@commit", columns first.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Repairs of the upstream files, written by the importer (dev/asim/import_asim.py).</summary>
    public IReadOnlyList<string> Corrections { get; }

    /// <summary>The table a test or data folder gives this schema's normalised rows as.</summary>
    public string SampleTableName => Name;

    public AsimParameter? Parameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);
}

/// <summary>How a parser filters: the unifying and vim* forms take every filtering parameter, the ASim* forms none.</summary>
public enum AsimParserKind
{
    Filtering,
    ParameterLess,
}

/// <summary>
/// A function name that is an ASIM parser: the schema it returns and, for _Im_ProcessCreate and the like, the one
/// EventType it keeps.
/// </summary>
public sealed record AsimParser(string Name, AsimSchema Schema, AsimParserKind Kind, string? EventType = null)
{
    /// <summary>The parameters this form takes: all of the schema's, or for ASim* forms only disabled and pack.</summary>
    public IReadOnlyList<AsimParameter> Parameters => Kind == AsimParserKind.Filtering
        ? Schema.Parameters
        : [.. Schema.Parameters.Where(p => p.Name is "disabled" or "pack")];

    public bool ParametersOpen => Kind == AsimParserKind.Filtering && Schema.ParametersOpen;
}

/// <summary>
/// The ASIM schemas and their parsers as data (Schema/Data/asim-schemas.json, written by dev/asim/import_asim.py from
/// Azure-Sentinel's parser files; provenance in docs/asim.md). A parser call binds to its schema's columns like a table
/// (no KQL text is parsed), and runs over the schema's sample table.
/// </summary>
public sealed class AsimCatalog
{
    private const string ResourceName = "asim-schemas.json";
    private readonly Dictionary<string, AsimParser> _unifying = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AsimParser?> _found = new(StringComparer.Ordinal);

    private AsimCatalog(IReadOnlyList<AsimSchema> schemas)
    {
        Schemas = schemas;
        foreach (var schema in schemas)
        {
            foreach (var name in schema.Parsers)
            {
                var kind = name.StartsWith("_ASim_", StringComparison.Ordinal) || name.StartsWith("ASim", StringComparison.Ordinal)
                    ? AsimParserKind.ParameterLess
                    : AsimParserKind.Filtering;
                _unifying[name] = new AsimParser(name, schema, kind, FixedEventType(name));
            }
        }
    }

    public static AsimCatalog Default { get; } = Load();

    /// <summary>No ASIM parsers: binding as Microsoft's binder does without a workspace (the differential tests).</summary>
    public static AsimCatalog Empty { get; } = new([]);

    public IReadOnlyList<AsimSchema> Schemas { get; }

    public AsimSchema? Schema(string name) => Schemas.FirstOrDefault(s => s.Name == name);

    /// <summary>The schema whose sample table is <paramref name="table"/>, if any.</summary>
    public AsimSchema? SampleSchema(string table) => Schemas.FirstOrDefault(s => s.SampleTableName == table);

    /// <summary>
    /// The ASIM parser a function name calls: a unifying parser by its exact name, or a source-specific one by the
    /// naming convention Learn gives (vim&lt;Schema&gt;&lt;Source&gt;, ASim&lt;Schema&gt;&lt;Source&gt;, _Im_&lt;Schema&gt;_&lt;Source&gt;,
    /// _ASim_&lt;Schema&gt;_&lt;Source&gt;), which returns the same columns. Null for any other name.
    /// </summary>
    public AsimParser? Find(string name) => _unifying.TryGetValue(name, out var parser) ? parser : _found.GetOrAdd(name, SourceSpecific);

    private AsimParser? SourceSpecific(string name)
    {
        // ASim<Schema>...Logs are the native ASIM tables (ASimDnsActivityLogs, ASimNetworkSessionLogs), not parsers.
        if (name.StartsWith("ASim", StringComparison.Ordinal) && name.EndsWith("Logs", StringComparison.Ordinal)) return null;
        foreach (var schema in Schemas.OrderByDescending(s => s.Name.Length))
        {
            foreach (var (prefix, separator, kind) in Forms)
            {
                var start = prefix + schema.Name + separator;
                var matches = name.Length > start.Length && name.StartsWith(start, StringComparison.Ordinal)
                    && (separator.Length > 0 || char.IsUpper(name[start.Length]));
                if (matches)
                    return new AsimParser(name, schema, kind);
            }
        }
        return null;
    }

    private static readonly (string Prefix, string Separator, AsimParserKind Kind)[] Forms =
    [
        ("vim", "", AsimParserKind.Filtering),
        ("_Im_", "_", AsimParserKind.Filtering),
        ("ASim", "", AsimParserKind.ParameterLess),
        ("_ASim_", "_", AsimParserKind.ParameterLess),
    ];

    /// <summary>_Im_ProcessCreate keeps process creations only, _Im_ProcessTerminate terminations (Learn, process event schema).</summary>
    private static string? FixedEventType(string name) =>
        name.EndsWith("ProcessCreate", StringComparison.Ordinal) ? "ProcessCreated"
        : name.EndsWith("ProcessTerminate", StringComparison.Ordinal) ? "ProcessTerminated"
        : null;

    private static AsimCatalog Load()
    {
        var assembly = typeof(AsimCatalog).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + ResourceName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var document = JsonDocument.Parse(stream);
        var schemas = new List<AsimSchema>();
        foreach (var s in document.RootElement.GetProperty("schemas").EnumerateArray())
        {
            var name = s.GetProperty("name").GetString()!;
            var columns = s.GetProperty("columns").EnumerateObject()
                .Select(c => new ColumnSchema(c.Name, Type(c.Value.GetString()!, name, c.Name))).ToList();
            var parameters = s.GetProperty("parameters").EnumerateArray().Select(p => new AsimParameter(
                p.GetProperty("name").GetString()!, Type(p.GetProperty("type").GetString()!, name, "parameter"),
                p.GetProperty("default").GetString()!)).ToList();
            var aliases = s.GetProperty("aliases").EnumerateObject().ToDictionary(
                a => a.Name, a => (IReadOnlyList<string>)[.. a.Value.EnumerateArray().Select(t => t.GetString()!)], StringComparer.Ordinal);
            var sources = new[] { s.GetProperty("columnsFrom") }.Concat(s.GetProperty("parametersFrom").EnumerateArray())
                .Select(f => $"{f.GetProperty("repository").GetString()} {f.GetProperty("path").GetString()}"
                    + $"@{f.GetProperty("commit").GetString()}")
                .Distinct().ToList();
            schemas.Add(new AsimSchema(
                name, s.GetProperty("version").GetString()!, s.GetProperty("reference").GetString()!,
                new TableSchema(name, columns, $"ASIM {name} schema (the unifying parsers' output)"), parameters,
                s.GetProperty("parametersOpen").GetBoolean(), aliases,
                [.. s.GetProperty("parsers").EnumerateArray().Select(p => p.GetString()!)], sources,
                [.. s.GetProperty("corrections").EnumerateArray().Select(c => c.GetString()!)]));
        }
        return new AsimCatalog(schemas);
    }

    private static ScalarType Type(string text, string schema, string what) =>
        ScalarTypes.TryParse(text, out var type)
            ? type
            : throw new InvalidOperationException($"The built-in ASIM catalog is invalid: {schema} {what} has type '{text}'");
}
