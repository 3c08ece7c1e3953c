using SentinelContent.Kql.Data;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Testing.Running;

/// <summary>
/// Runs a rule's query over in-memory tables at a pinned time. The KQL evaluator implements it
/// (<see cref="KqlQueryEngine"/>); the runner depends only on this, so rule-test logic is testable on its own.
/// </summary>
public interface IQueryEngine
{
    /// <summary>The query's result. Throws <see cref="QueryFailedException"/> when the query cannot run.</summary>
    DataTable Run(string query, IReadOnlyDictionary<string, DataTable> tables, DateTime now);
}

/// <summary>
/// A query that could not run (bad KQL, an unsupported feature, a limit), with its problems located in the
/// query's own text; the runner maps them into the rule file through the YAML block scalar.
/// </summary>
public sealed class QueryFailedException(IReadOnlyList<KqlDiagnostic> diagnostics)
    : Exception(string.Join("; ", diagnostics.Select(d => d.Message)))
{
    public IReadOnlyList<KqlDiagnostic> Diagnostics { get; } = diagnostics;
}
