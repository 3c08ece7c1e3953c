using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Testing.Running;

/// <summary>
/// The rule-test engine over the local KQL evaluator: the same schema catalog types the samples and binds the
/// query, so a column the samples have is a column the query sees. Evaluation failures become
/// <see cref="QueryFailedException"/> with their spans in the query text.
/// </summary>
public sealed class KqlQueryEngine(KqlEngine engine) : IQueryEngine
{
    public KqlQueryEngine(SchemaCatalog catalog) : this(new KqlEngine(catalog))
    {
    }

    public DataTable Run(string query, IReadOnlyDictionary<string, DataTable> tables, DateTime now)
    {
        try
        {
            return engine.Run(query, tables, now);
        }
        catch (KqlEvaluationException e)
        {
            throw new QueryFailedException(e.Diagnostics);
        }
    }
}
