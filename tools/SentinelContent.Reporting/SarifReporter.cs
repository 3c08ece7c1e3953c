using System.Text.Json;
using SentinelContent.Core.Diagnostics;

namespace SentinelContent.Reporting;

/// <summary>
/// SARIF 2.1.0 (OASIS), the format code-scanning tools ingest (GitHub code scanning, Azure DevOps).
/// Written with System.Text.Json: one run, the tool's rules (every code that appears, with its help),
/// and one result per diagnostic with a relative artifact URI and a 1-based region.
/// </summary>
public sealed class SarifReporter : IDiagnosticReporter
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    private const string InformationUri = "https://github.com/sentinelcontent/sentinelcontent";

    public void Write(DiagnosticReport report, TextWriter writer)
    {
        var used = report.Diagnostics.Select(d => d.Descriptor)
            .Concat(report.KnownDescriptors.Where(k => report.Diagnostics.Any(d => d.Code == k.Code)))
            .DistinctBy(d => d.Code)
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        var ruleIndex = used.Select((d, i) => (d.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "sentinelctl");
            json.WriteString("semanticVersion", ToolVersion);
            json.WriteString("informationUri", InformationUri);
            json.WriteStartArray("rules");
            foreach (var descriptor in used) WriteRule(json, descriptor);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartArray("results");
            foreach (var diagnostic in report.Diagnostics) WriteResult(json, diagnostic, ruleIndex[diagnostic.Code]);
            json.WriteEndArray();

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string ToolVersion =>
        typeof(SarifReporter).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    private static void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor descriptor)
    {
        json.WriteStartObject();
        json.WriteString("id", descriptor.Code);
        json.WriteString("name", ToPascalCase(descriptor.Title));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", descriptor.Title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", descriptor.Help);
        json.WriteEndObject();
        json.WriteStartObject("help");
        json.WriteString("text", descriptor.Help);
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(descriptor.DefaultSeverity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", descriptor.Category);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Diagnostic diagnostic, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Code);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(diagnostic.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", diagnostic.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ToUri(diagnostic.Location.Path));
        json.WriteEndObject();
        json.WriteStartObject("region");
        var location = diagnostic.Location;
        json.WriteNumber("startLine", location.Start.Line);
        json.WriteNumber("startColumn", location.Start.Column);
        var end = location.End.CompareTo(location.Start) > 0 ? location.End : location.Start;
        json.WriteNumber("endLine", end.Line);
        json.WriteNumber("endColumn", Math.Max(end.Column, end.Line == location.Start.Line ? location.Start.Column + 1 : 1));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>A relative URI reference with forward slashes; absolute paths become file URIs.</summary>
    public static string ToUri(string path)
    {
        if (Path.IsPathFullyQualified(path)) return new Uri(path).AbsoluteUri;
        var segments = path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString);
        return string.Join('/', segments);
    }

    private static string ToPascalCase(string title) =>
        string.Concat(title.Split([' ', '-', '\'', '(', ')', ',', '.', '&', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
