using System.Text.Json;
using SentinelContent.Core.Diagnostics;

namespace SentinelContent.Reporting;

/// <summary>
/// The stable machine contract:
/// {"diagnostics":[{"file","line","column","severity","code","message"}],"summary":{"files","errors","warnings"}}.
/// Lines and columns are 1-based. Fields are only ever added, never renamed.
/// </summary>
public sealed class JsonReporter : IDiagnosticReporter
{
    public void Write(DiagnosticReport report, TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("diagnostics");
            foreach (var d in report.Diagnostics) WriteDiagnostic(json, d);
            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("files", report.FileCount);
            json.WriteNumber("errors", report.Errors);
            json.WriteNumber("warnings", report.Warnings);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>One diagnostic in the contract's shape; the test report uses the same.</summary>
    internal static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic d)
    {
        json.WriteStartObject();
        json.WriteString("file", d.Location.Path);
        json.WriteNumber("line", d.Location.Start.Line);
        json.WriteNumber("column", d.Location.Start.Column);
        json.WriteNumber("endLine", d.Location.End.Line);
        json.WriteNumber("endColumn", d.Location.End.Column);
        json.WriteString("severity", d.Severity.ToDisplayName());
        json.WriteString("code", d.Code);
        json.WriteString("message", d.Message);
        json.WriteEndObject();
    }

    internal static JsonWriterOptions Options => new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
