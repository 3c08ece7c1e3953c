using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation;

/// <summary>
/// The local KQL engine: parses and binds a query, plans it (finding unsupported features before any row is
/// read) and evaluates it over in-memory columnar tables at a pinned time. Tables the query names but the
/// caller does not supply are empty tables of their catalog schema.
/// </summary>
public sealed class KqlEngine
{
    public KqlEngine(SchemaCatalog? schemas = null, EvaluationLimits? limits = null, IEnumerable<WorkspaceFunction>? functions = null)
    {
        Schemas = schemas ?? BuiltInSchemas.Default;
        Limits = limits ?? EvaluationLimits.Default;
        Functions = [.. SentinelFunctions.All, .. functions ?? []];
    }

    public SchemaCatalog Schemas { get; }

    public EvaluationLimits Limits { get; }

    public IReadOnlyList<WorkspaceFunction> Functions { get; }

    /// <summary>Runs <paramref name="query"/> and returns its result table. Throws <see cref="KqlEvaluationException"/> when it cannot.</summary>
    public DataTable Run(string query, IReadOnlyDictionary<string, DataTable> tables, DateTime now, CancellationToken cancellation = default) =>
        throw new KqlEvaluationException([]);
}
