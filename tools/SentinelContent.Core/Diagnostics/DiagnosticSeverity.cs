namespace SentinelContent.Core.Diagnostics;

/// <summary>How serious a finding is. Errors fail a run; warnings fail it only under --warnings-as-errors.</summary>
public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}

public static class DiagnosticSeverityNames
{
    /// <summary>The lower-case name used in every output format (json, sarif level mapping, text).</summary>
    public static string ToDisplayName(this DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
