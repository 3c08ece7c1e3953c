using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Evaluation;

/// <summary>A query that could not run: invalid, unsupported, over a limit or failing on the data. Spans are in the query's text.</summary>
public sealed class KqlEvaluationException(IReadOnlyList<KqlDiagnostic> diagnostics)
    : Exception(string.Join("; ", diagnostics.Select(d => d.Message)))
{
    public IReadOnlyList<KqlDiagnostic> Diagnostics { get; } = diagnostics;
}
