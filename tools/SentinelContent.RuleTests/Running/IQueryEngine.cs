using SentinelContent.Kql.Data;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.RuleTests.Running;

/// <summary>
/// Runs a rule's query over in-memory tables at a pinned time. The KQL evaluator implements it
/// (<see cref="KqlQueryEngine"/>); the runner depends only on this, so rule-test logic is testable on its own.
/// </summary>
public interface IQueryEngine
{
    /// <summary>The query's result. Throws <see cref="QueryFailedException"/> when the query cannot run.</summary>
    DataTable Run(string query, IReadOnlyDictionary<string, DataTable> tables, DateTime now);

    /// <summary>
    /// The query ready to run many times over tables of the same schemas as <paramref name="tables"/> (a replay runs
    /// it once per scheduled run). Engines that can plan ahead do the work once here; the default runs each time.
    /// Throws <see cref="QueryFailedException"/> when the query cannot run.
    /// </summary>
    Func<IReadOnlyDictionary<string, DataTable>, DateTime, DataTable> Prepare(string query, IReadOnlyDictionary<string, DataTable> tables) =>
        (runTables, now) => Run(query, runTables, now);
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
