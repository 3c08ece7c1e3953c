using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;

namespace SentinelContent.Kql.Syntax;

/// <summary>A syntax problem in a query, located by offsets relative to the query text.</summary>
public sealed record KqlDiagnostic(DiagnosticDescriptor Descriptor, string Message, TextSpan Span)
{
    public string Code => Descriptor.Code;

    public DiagnosticSeverity Severity => Descriptor.DefaultSeverity;

    internal static KqlDiagnostic Create(DiagnosticDescriptor descriptor, TextSpan span, params object?[] args) =>
        new(descriptor, descriptor.FormatMessage(args), span);

    /// <summary>The diagnostic placed in the file (or inline text) the query was read from.</summary>
    public Diagnostic In(SourceText query) => new(Descriptor, Severity, Message, query.GetLocation(Span));

    public override string ToString() => $"{Code} {Span}: {Message}";
}
