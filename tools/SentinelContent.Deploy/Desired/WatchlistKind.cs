using System.Text.Json.Nodes;
using SentinelContent.Format;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Input;
using SentinelContent.Core.Text;
using SentinelContent.Core.Yaml;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Diagnostics;
using SentinelContent.Deploy.Export;
using SentinelContent.Deploy.Targets;
using static SentinelContent.Format.YamlValues;

namespace SentinelContent.Deploy.Desired;

/// <summary>
/// Watchlists: watchlists/ALIAS.yaml (name, description, search key) beside watchlists/ALIAS.csv (the items)
/// ⇄ Microsoft.SecurityInsights/watchlists/ALIAS, uploaded whole as rawContent (text/csv). An environment
/// may map the alias to another one (watchlistAliases in sentinel.yaml).
/// </summary>
public sealed class WatchlistKind : IContentKind
{
    public const string Folder = "watchlists";
    public const string DefaultProvider = "SentinelContent";

    public static WatchlistKind Instance { get; } = new();

    public static readonly IReadOnlyList<string> ManagedProperties =
        ["watchlistAlias", "displayName", "description", "provider", "itemsSearchKey", "contentType", "numberOfLinesToSkip", "rawContent"];

    public static readonly FieldSpec Format = new("watchlist", FieldType.Object, "A watchlist: its items are in the .csv file of the same name.")
    {
        Fields =
        [
            new("displayName", FieldType.String, "The watchlist's name in the portal.") { Required = RequiredFor.All, MinLength = 1, MaxLength = 256 },
            new("description", FieldType.String, "What the list holds and who maintains it."),
            new("itemsSearchKey", FieldType.String, "The CSV column that identifies an item (queries look items up by it).") { Required = RequiredFor.All, MinLength = 1 },
            new("provider", FieldType.String, "Who provides the list (default SentinelContent)."),
        ],
    };

    public string MetadataKind => "Watchlist";

    public string Collection => "watchlists";

    public string Noun => "watchlist";

    public DesiredContent LoadDesired(string repositoryRoot, TargetEnvironment environment)
    {
        var folder = Path.Combine(repositoryRoot, Folder);
        var diagnostics = new List<Diagnostic>();
        var resources = new List<DesiredResource>();
        if (!Directory.Exists(folder)) return new DesiredContent([], []);
        foreach (var yamlPath in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (Read(yamlPath, environment, diagnostics) is { } resource) resources.Add(resource);
        }
        return new DesiredContent(resources, diagnostics);
    }

    private DesiredResource? Read(string yamlPath, TargetEnvironment environment, List<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        var source = SourceFileReader.ReadContent(yamlPath, diagnostics);
        if (source is null || YamlReader.Read(source, diagnostics) is not { } root) return null;
        new FormatChecker(diagnostics, RequiredFor.All).CheckObject(root, Format, string.Empty);
        if (root is not YamlMapping m || diagnostics.Skip(before).Any(d => d.Severity == DiagnosticSeverity.Error)) return null;

        var alias = Path.GetFileNameWithoutExtension(yamlPath);
        // The alias is a URL segment on deploy and a file name on export: letters, digits, '-', '_' and '.', no leading dot.
        if (!SafeFileName.IsSafe(alias))
        {
            diagnostics.Add(Diagnostic.Create(DeployDiagnostics.InvalidName, SourceLocation.FileOnly(yamlPath), TerminalText.Escape(alias), "watchlist alias (the file's name)", "use letters, digits, '-', '_' and '.'"));
            return null;
        }
        var csvPath = Path.ChangeExtension(yamlPath, ".csv");
        var csvSource = SourceFileReader.ReadContent(csvPath, diagnostics, maxBytes: 3 * 1024 * 1024);
        if (csvSource is null) return null;
        var text = csvSource.Content.Replace("\r\n", "\n", StringComparison.Ordinal);
        var table = CsvTable.Parse(text, out var problem, out var line);
        if (table is null)
        {
            diagnostics.Add(Diagnostic.Create(DeployDiagnostics.WatchlistCsvInvalid, At(csvSource, line), problem));
            return null;
        }
        var key = Text(m["itemsSearchKey"])!.Value;
        var keyColumn = table.Header.ToList().IndexOf(key.Value);
        if (keyColumn < 0)
        {
            diagnostics.Add(Diagnostic.Create(DeployDiagnostics.WatchlistKeyMissing, key.Location, key.Value, Path.GetFileName(csvPath), string.Join(", ", table.Header)));
            return null;
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (rowLine, fields) in table.Rows)
        {
            if (!seen.Add(fields[keyColumn])) diagnostics.Add(Diagnostic.Create(DeployDiagnostics.WatchlistDuplicateKey, At(csvSource, rowLine), fields[keyColumn], Path.GetFileName(csvPath)));
        }
        if (diagnostics.Skip(before).Any(d => d.Severity == DiagnosticSeverity.Error)) return null;

        var deployedAlias = environment.WatchlistAliases.TryGetValue(alias, out var mapped) ? mapped : alias;
        if (!SafeFileName.IsSafe(deployedAlias))
        {
            diagnostics.Add(Diagnostic.Create(DeployDiagnostics.InvalidName, environment.Location ?? SourceLocation.FileOnly(TargetsFormat.FileName), TerminalText.Escape(deployedAlias), "watchlist alias (watchlistAliases)", "use letters, digits, '-', '_' and '.'"));
            return null;
        }
        var properties = new JsonObject
        {
            ["watchlistAlias"] = deployedAlias,
            ["displayName"] = Text(m["displayName"])!.Value.Value,
            ["description"] = Text(m["description"])?.Value,
            ["provider"] = Text(m["provider"])?.Value ?? DefaultProvider,
            ["itemsSearchKey"] = key.Value,
            ["contentType"] = "text/csv",
            ["numberOfLinesToSkip"] = 0,
            ["rawContent"] = text,
        };
        var body = new JsonObject { ["properties"] = JsonCanonical.Normalize(properties) };
        return new DesiredResource(this, deployedAlias, Text(m["displayName"])!.Value.Value, body, yamlPath);
    }

    private static SourceLocation At(SourceText source, int line)
    {
        var position = new LinePosition(Math.Min(line, source.LineCount), 1);
        return new SourceLocation(source, position, position);
    }

    public JsonObject? Comparable(ArmResource actual) =>
        new() { ["properties"] = JsonCanonical.Normalize(JsonCanonical.Pick(actual.Properties, ManagedProperties)) };

    /// <summary>
    /// A watchlist whose items the workspace did not return (rawContent) cannot be exported faithfully: none is written.
    /// The alias is the file name (that is how it is read back), so an alias that is not a safe file name is written as
    /// it is and refused by export's check of every name (<see cref="Core.Input.SafeFileName.IsSafe"/>).
    /// </summary>
    public IReadOnlyList<ExportedFile> Export(ArmResource actual, TargetEnvironment environment)
    {
        var p = actual.Properties;
        if (p["rawContent"]?.GetValue<string>() is not { } csv) return [];
        var alias = environment.WatchlistAliases.FirstOrDefault(kv => string.Equals(kv.Value, actual.Name, StringComparison.OrdinalIgnoreCase)).Key ?? actual.Name;
        var document = new JsonObject
        {
            ["displayName"] = p["displayName"]?.DeepClone(),
            ["description"] = p["description"]?.DeepClone(),
            ["itemsSearchKey"] = p["itemsSearchKey"]?.DeepClone(),
            ["provider"] = p["provider"]?.DeepClone(),
        };
        foreach (var absent in document.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList()) document.Remove(absent);
        return
        [
            new ExportedFile(Path.Combine(Folder, alias + ".yaml"), YamlEmitter.Write(document)),
            new ExportedFile(Path.Combine(Folder, alias + ".csv"), csv),
        ];
    }
}
