using SentinelContent.Core.Text;

namespace SentinelContent.Core.Diagnostics;

/// <summary>One finding at one place: what every validator, the KQL engine and the test runner report.</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, DiagnosticSeverity Severity, string Message, SourceLocation Location)
{
    public string Code => Descriptor.Code;

    public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceLocation location, params object?[] args) =>
        new(descriptor, descriptor.DefaultSeverity, descriptor.FormatMessage(args), location);

    public Diagnostic WithSeverity(DiagnosticSeverity severity) => this with { Severity = severity };

    /// <summary>The compiler-style first line: <c>path:line:col: error SC0101: message</c>.</summary>
    public override string ToString() =>
        $"{Location.Path}:{Location.Start.Line}:{Location.Start.Column}: {Severity.ToDisplayName()} {Code}: {Message}";
}
