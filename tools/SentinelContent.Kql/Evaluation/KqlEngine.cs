using System.Text.RegularExpressions;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Planning;
using SentinelContent.Kql.Catalog;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Evaluation;

/// <summary>
/// The local KQL engine: parses and binds a query, plans it (finding unsupported features before any row is
/// read) and evaluates it over in-memory columnar tables at a pinned time. Tables the query names but the
/// caller does not supply are empty tables of their catalog schema.
/// </summary>
public sealed class KqlEngine
{
    private readonly BindingContext _catalogContext;
    private readonly Dictionary<string, WorkspaceFunction> _runnableFunctions;

    public KqlEngine(SchemaCatalog? schemas = null, EvaluationLimits? limits = null, IEnumerable<WorkspaceFunction>? functions = null)
    {
        Schemas = schemas ?? BuiltInSchemas.Default;
        Limits = limits ?? EvaluationLimits.Default;
        Functions = [.. SentinelFunctions.All, .. functions ?? []];
        _catalogContext = new BindingContext(Schemas, FunctionCatalog.Default, Functions);
        // What runs may differ from what binds: _GetWatchlist reads the Watchlist table's rows.
        _runnableFunctions = Functions.ToDictionary(f => f.Name, StringComparer.Ordinal);
        _runnableFunctions[SentinelFunctions.GetWatchlistFromTable.Name] = SentinelFunctions.GetWatchlistFromTable;
        _runnableFunctions[SentinelFunctions.GetWatchlistRawFromTable.Name] = SentinelFunctions.GetWatchlistRawFromTable;
    }

    public SchemaCatalog Schemas { get; }

    public EvaluationLimits Limits { get; }

    public IReadOnlyList<WorkspaceFunction> Functions { get; }

    /// <summary>Runs <paramref name="query"/> and returns its result table. Throws <see cref="KqlEvaluationException"/> when it cannot.</summary>
    public DataTable Run(string query, IReadOnlyDictionary<string, DataTable> tables, DateTime now, CancellationToken cancellation = default) =>
        Prepare(query, tables).Run(tables, now, cancellation);

    /// <summary>
    /// Parses, binds and plans <paramref name="query"/> once, for running it many times (a rule test's replay runs it on
    /// every scheduled run). <paramref name="tables"/> give the schemas of tables outside the catalog; later runs must
    /// supply tables of the same schemas. Throws <see cref="KqlEvaluationException"/> when the query cannot run.
    /// </summary>
    public PreparedQuery Prepare(string query, IReadOnlyDictionary<string, DataTable>? tables = null)
    {
        var (plan, schemas) = Plan(query, tables?.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) ?? []);
        return new PreparedQuery(this, plan, schemas);
    }

    /// <summary>A planned query; each run gets its own context (clock, tables, let-value cache), so runs do not share state.</summary>
    public sealed class PreparedQuery
    {
        private readonly KqlEngine _engine;
        private readonly TabularEval _plan;
        private readonly SchemaCatalog _schemas;

        internal PreparedQuery(KqlEngine engine, TabularEval plan, SchemaCatalog schemas)
        {
            _engine = engine;
            _plan = plan;
            _schemas = schemas;
        }

        public DataTable Run(IReadOnlyDictionary<string, DataTable> tables, DateTime now, CancellationToken cancellation = default) =>
            _engine.Execute(_plan, _schemas, tables, now, cancellation);
    }

    private DataTable Execute(
        TabularEval plan, SchemaCatalog schemas, IReadOnlyDictionary<string, DataTable> tables, DateTime now, CancellationToken stop) =>
        Guard(() => ExecuteCore(plan, schemas, tables, now, stop));

    private DataTable ExecuteCore(
        TabularEval plan, SchemaCatalog schemas, IReadOnlyDictionary<string, DataTable> tables, DateTime now, CancellationToken stop)
    {
        var named = tables.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var context = new Runtime.QueryContext(now, named, schemas, Limits, stop);
        var outer = Runtime.QueryContext.Current;
        Runtime.QueryContext.Current = context;
        try
        {
            return plan(context);
        }
        finally
        {
            Runtime.QueryContext.Current = outer;
        }
    }

    /// <summary>A run's failures as diagnostics: every way a query can fail is the query's failure, not the tool's.</summary>
    private DataTable Guard(Func<DataTable> run)
    {
        try
        {
            return run();
        }
        catch (RegexMatchTimeoutException)
        {
            throw Runtime.QueryContext.Failure(EvaluationDiagnostics.TimeLimit, new TextSpan(0, 0), Limits.RegexTimeout);
        }
        catch (InsufficientExecutionStackException)
        {
            throw TooDeep();
        }
        catch (Exception e) when (IsValueFailure(e))
        {
            throw ValueFailure(e);
        }
        catch (MemoryBudgetExceededException e)
        {
            throw Runtime.QueryContext.Failure(EvaluationDiagnostics.MemoryLimit, new TextSpan(0, 0), e.Message);
        }
        catch (ValueTooLargeException e)
        {
            throw Runtime.QueryContext.Failure(EvaluationDiagnostics.ValueTooLarge, new TextSpan(0, 0), e.Message);
        }
        catch (OutOfMemoryException)
        {
            // An allocation nothing reserved (a huge array from one call): still the query's failure, not the tool's.
            GC.Collect();
            throw Runtime.QueryContext.Failure(
                EvaluationDiagnostics.MemoryLimit, new TextSpan(0, 0), "the query needs more memory than the process can allocate");
        }
    }

    /// <summary>Parses, binds and plans the query without running it: the errors it would fail with before reading any row.</summary>
    public IReadOnlyList<KqlDiagnostic> Check(string query, IReadOnlyDictionary<string, DataTable>? tables = null)
    {
        try
        {
            Prepare(query, tables);
            return [];
        }
        catch (KqlEvaluationException e)
        {
            return e.Diagnostics;
        }
    }

    /// <summary>
    /// The logical plan of <paramref name="query"/> (what `sentinelctl query --explain` prints): parsed and bound as a run
    /// would be, its scans narrowed to the columns used. Throws <see cref="KqlEvaluationException"/> on syntax or binding errors.
    /// </summary>
    public LogicalPlan.QueryPlan Explain(string query, IReadOnlyDictionary<string, DataTable>? tables = null)
    {
        var (model, _, _) = Bind(query, tables?.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) ?? []);
        return LogicalPlan.PlanBuilder.Build(model);
    }

    private (SemanticModel Model, SchemaCatalog Schemas, BindingContext Context) Bind(string query, Dictionary<string, DataTable> tables)
    {
        // Tables outside the catalog take their schema from the rows supplied, and so do catalog tables whose data
        // brings more columns (the Log Analytics standard columns of an export: TenantId, _ResourceId).
        var extra = tables.Where(p => Schemas.Find(p.Key) is not { } known || p.Value.Schema.Columns.Count > known.Columns.Count)
            .Select(p => new TableSchema(p.Key, p.Value.Schema.Columns)).ToList();
        var schemas = extra.Count == 0 ? Schemas : Schemas.With(new SchemaCatalog(extra));
        var context = extra.Count == 0 ? _catalogContext : new BindingContext(schemas, FunctionCatalog.Default, Functions);

        var tree = KqlSyntaxTree.Parse(query);
        var syntaxErrors = tree.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (syntaxErrors.Count > 0) throw new KqlEvaluationException(syntaxErrors);
        var model = KqlBinder.Bind(tree, context);
        var semanticErrors = model.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (semanticErrors.Count > 0) throw new KqlEvaluationException(semanticErrors);
        return (model, schemas, context);
    }

    private (TabularEval Plan, SchemaCatalog Schemas) Plan(string query, Dictionary<string, DataTable> tables)
    {
        var (model, schemas, context) = Bind(query, tables);
        try
        {
            // Planning folds constants, so a value failure can already happen here.
            return (new QueryPlanner(model, FunctionCatalog.Default, _runnableFunctions, context).PlanQuery(), schemas);
        }
        catch (Exception e) when (IsValueFailure(e))
        {
            throw ValueFailure(e);
        }
        catch (InsufficientExecutionStackException)
        {
            throw TooDeep();
        }
    }

    /// <summary>The stack ran low planning or running a deep query: SC0207, as the parser reports a tree too deep.</summary>
    private static KqlEvaluationException TooDeep() =>
        Runtime.QueryContext.Failure(KqlSyntaxDiagnostics.NestingTooDeep, new TextSpan(0, 0), SyntaxDepth.MaxTreeDepth);

    /// <summary>
    /// A value the query makes impossible (a datetime past year 9999, an unknown time zone): it fails the query with
    /// the reason (SC0804), not the tool with a stack trace.
    /// </summary>
    private static bool IsValueFailure(Exception e) =>
        e is ArgumentException or OverflowException or FormatException or TimeZoneNotFoundException or InvalidTimeZoneException;

    private static KqlEvaluationException ValueFailure(Exception e) =>
        Runtime.QueryContext.Failure(EvaluationDiagnostics.RuntimeError, new TextSpan(0, 0), e.Message);
}
