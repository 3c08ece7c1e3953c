using SentinelContent.Core.Diagnostics;

namespace SentinelContent.Reporting;

/// <summary>Everything a reporter needs: the findings, how many files were read, and which codes exist (for SARIF rules).</summary>
public sealed record DiagnosticReport(
    string Command,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<string> Files,
    IReadOnlyList<DiagnosticDescriptor> KnownDescriptors)
{
    public int FileCount => Files.Count;

    public int Errors => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
}

/// <summary>Writes a report in one output format.</summary>
public interface IDiagnosticReporter
{
    void Write(DiagnosticReport report, TextWriter writer);
}

/// <summary>The output formats every checking command offers.</summary>
public enum ReportFormat
{
    Text,
    Json,
    Junit,
    Sarif,
}

public static class Reporters
{
    public static IDiagnosticReporter For(ReportFormat format, bool color) => format switch
    {
        ReportFormat.Json => new JsonReporter(),
        ReportFormat.Junit => new JUnitReporter(),
        ReportFormat.Sarif => new SarifReporter(),
        _ => new TextReporter(color),
    };
}
