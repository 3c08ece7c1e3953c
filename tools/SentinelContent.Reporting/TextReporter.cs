using SentinelContent.Core.Diagnostics;

namespace SentinelContent.Reporting;

/// <summary>
/// Compiler-style text: <c>path:line:col: error SC0101: message</c>, then the source line and a caret
/// under the place, then a summary. ANSI colour only when asked (a terminal, not a pipe).
/// </summary>
public sealed class TextReporter(bool color) : IDiagnosticReporter
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Cyan = "\u001b[36m";
    private const string Green = "\u001b[32m";

    public void Write(DiagnosticReport report, TextWriter writer)
    {
        WriteDiagnostics(report.Diagnostics, writer);
        WriteSummary(report, writer);
    }

    /// <summary>The diagnostics alone, each with its source line and caret (test reports add their own summary).</summary>
    public void WriteDiagnostics(IEnumerable<Diagnostic> diagnostics, TextWriter writer)
    {
        foreach (var diagnostic in diagnostics) WriteDiagnostic(diagnostic, writer);
    }

    private void WriteDiagnostic(Diagnostic d, TextWriter writer)
    {
        var location = d.Location;
        var severity = d.Severity.ToDisplayName();
        writer.WriteLine($"{Paint(Bold, $"{location.Path}:{location.Start.Line}:{location.Start.Column}:")} {Paint(SeverityColour(d.Severity), severity)} {Paint(Dim, d.Code)}: {d.Message}");

        if (location.Source is not { } source) return;
        var line = source.GetLineText(location.Start.Line);
        if (line.Length == 0 && location.Start.Line > source.LineCount) return;
        var number = location.Start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gutter = new string(' ', number.Length);
        var display = line.Replace('\t', ' ');
        var column = Math.Clamp(location.Start.Column, 1, display.Length + 1);
        var width = location.End.Line == location.Start.Line ? Math.Max(1, location.End.Column - location.Start.Column) : 1;
        width = Math.Min(width, Math.Max(1, display.Length - column + 1));
        writer.WriteLine($" {Paint(Dim, number)} | {display}");
        writer.WriteLine($" {gutter} | {new string(' ', column - 1)}{Paint(SeverityColour(d.Severity), "^" + new string('~', width - 1))}");
    }

    private void WriteSummary(DiagnosticReport report, TextWriter writer)
    {
        var files = report.FileCount == 1 ? "1 file" : $"{report.FileCount} files";
        var errors = report.Errors == 1 ? "1 error" : $"{report.Errors} errors";
        var warnings = report.Warnings == 1 ? "1 warning" : $"{report.Warnings} warnings";
        var colour = report.Errors > 0 ? Red : report.Warnings > 0 ? Yellow : Green;
        writer.WriteLine(Paint(colour, $"{report.Command}: {files} checked, {errors}, {warnings}"));
    }

    private static string SeverityColour(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => Red,
        DiagnosticSeverity.Warning => Yellow,
        _ => Cyan,
    };

    private string Paint(string colour, string text) => color ? colour + text + Reset : text;
}
