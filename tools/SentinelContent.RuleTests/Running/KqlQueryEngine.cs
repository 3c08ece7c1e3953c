using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation;
using SentinelContent.Kql.Schema;

namespace SentinelContent.RuleTests.Running;

/// <summary>
/// The rule-test engine over the local KQL evaluator: the same schema catalog types the samples and binds the
/// query, so a column the samples have is a column the query sees. A test parses, binds and plans its rule's query
/// once and runs the plan for each of its runs. Evaluation failures become <see cref="QueryFailedException"/>
/// with their spans in the query text.
/// </summary>
public sealed class KqlQueryEngine(KqlEngine engine) : IQueryEngine
{
    public KqlQueryEngine(SchemaCatalog catalog, EvaluationLimits? limits = null) : this(new KqlEngine(catalog, limits))
    {
    }

    public DataTable Run(string query, IReadOnlyDictionary<string, DataTable> tables, DateTime now) =>
        Prepare(query, tables)(tables, now);

    public Func<IReadOnlyDictionary<string, DataTable>, DateTime, DataTable> Prepare(string query, IReadOnlyDictionary<string, DataTable> tables)
    {
        var prepared = Translate(() => engine.Prepare(query, tables));
        return (runTables, now) => Translate(() => prepared.Run(runTables, now));
    }

    private static T Translate<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (KqlEvaluationException e)
        {
            throw new QueryFailedException(e.Diagnostics);
        }
    }
}
