using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;

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

    /// <summary>The most characters of a source line quoted under a diagnostic.</summary>
    public const int MaxExcerpt = 160;

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
        // Messages and source lines quote content and workspace text: printed through TerminalText, never raw.
        writer.WriteLine($"{Paint(Bold, $"{TerminalText.Escape(location.Path)}:{location.Start.Line}:{location.Start.Column}:")} {Paint(SeverityColour(d.Severity), severity)} {Paint(Dim, d.Code)}: {TerminalText.Escape(d.Message)}");

        if (location.Source is not { } source) return;
        var line = source.GetLineText(location.Start.Line);
        if (line.Length == 0 && location.Start.Line > source.LineCount) return;
        var number = location.Start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gutter = new string(' ', number.Length);
        var display = line.Replace('\t', ' ');
        var column = Math.Clamp(location.Start.Column, 1, display.Length + 1);
        var width = location.End.Line == location.Start.Line ? Math.Max(1, location.End.Column - location.Start.Column) : 1;
        // A long line (a minified query, a 100 KB line of '-') is shown as a window around the place, so each
        // diagnostic costs a screen line, not the whole line again.
        if (display.Length > MaxExcerpt)
        {
            var start = Math.Clamp(column - 1 - (MaxExcerpt / 3), 0, display.Length - MaxExcerpt);
            var cut = display.Substring(start, MaxExcerpt);
            var prefix = start > 0 ? "…" : string.Empty;
            column = column - start + prefix.Length;
            display = prefix + cut + (start + MaxExcerpt < display.Length ? "…" : string.Empty);
        }
        width = Math.Min(width, Math.Max(1, display.Length - column + 1));
        var shown = TerminalText.Escape(display);
        var indent = TerminalText.Escape(display[..(column - 1)]).Length;
        width = Math.Max(1, TerminalText.Escape(display.Substring(column - 1, Math.Min(width, display.Length - column + 1))).Length);
        writer.WriteLine($" {Paint(Dim, number)} | {shown}");
        writer.WriteLine($" {gutter} | {new string(' ', indent)}{Paint(SeverityColour(d.Severity), "^" + new string('~', width - 1))}");
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
