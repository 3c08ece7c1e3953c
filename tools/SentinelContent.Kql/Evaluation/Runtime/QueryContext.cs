using System.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Evaluation.Runtime;

/// <summary>
/// What one run of a query shares: the pinned clock, the tables, the limits and their budget, the values of
/// let statements once computed, and the input of the subquery being run (mv-apply).
/// </summary>
public sealed class QueryContext
{
    private readonly IReadOnlyDictionary<string, DataTable> _tables;
    private readonly SchemaCatalog _schemas;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationToken _cancellation;
    // Both are safe for the threads of one run (a join computes its two sides side by side): a let value is
    // computed once even when both sides ask for it, and mv-apply's input is seen only by the side that set it.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<object, Lazy<object?>> _cache = new(ReferenceEqualityComparer.Instance);
    private readonly AsyncLocal<DataTable?> _implicitInput = new();

    public QueryContext(DateTime now, IReadOnlyDictionary<string, DataTable> tables, SchemaCatalog schemas, EvaluationLimits limits, CancellationToken cancellation)
    {
        Now = DateTime.SpecifyKind(now, DateTimeKind.Utc);
        _tables = tables;
        _schemas = schemas;
        Limits = limits;
        Memory = MemoryBudget.For(limits);
        _cancellation = cancellation;
    }

    /// <summary>The run's memory bound (--max-memory), checked with the time budget and before large allocations.</summary>
    public MemoryBudget Memory { get; }

    public DateTime Now { get; }

    public EvaluationLimits Limits { get; }

    /// <summary>The input of the subquery being evaluated (mv-apply runs its subquery once per input row).</summary>
    public DataTable? ImplicitInput
    {
        get => _implicitInput.Value;
        set => _implicitInput.Value = value;
    }

    /// <summary>True when this run may use more than one thread.</summary>
    public bool Parallel => Limits.MaxParallelism > 1;

    /// <summary>A table by name: the caller's rows, or an empty table of the catalog's schema.</summary>
    public DataTable Table(string name, TextSpan span)
    {
        if (_tables.TryGetValue(name, out var table)) return table;
        if (_schemas.Find(name) is { } schema) return Tables.Empty(schema);
        throw Failure(EvaluationDiagnostics.RuntimeError, span, $"no table named '{name}'");
    }

    /// <summary>The caller's table of that name, if it gave one (an ASIM schema's sample rows are optional).</summary>
    public DataTable? GivenTable(string name) => _tables.GetValueOrDefault(name);

    /// <summary>Every table the query can name: the caller's and the catalog's (union *, union Security*).</summary>
    public IEnumerable<string> TableNames() => _tables.Keys.Union(_schemas.TableNames, StringComparer.Ordinal);

    /// <summary>A value computed once per run (let statements, materialize) and shared after.</summary>
    public T Once<T>(object key, Func<T> compute) =>
        (T)_cache.GetOrAdd(key, _ => new Lazy<object?>(() => compute(), LazyThreadSafetyMode.ExecutionAndPublication)).Value!;

    /// <summary>
    /// Stops the run when it is cancelled, over its time budget or over its memory bound; operators call it between steps,
    /// and row loops (functions, aggregates) every <see cref="RowsPerCheck"/> rows.
    /// </summary>
    public void CheckBudget(TextSpan span)
    {
        if (_cancellation.IsCancellationRequested || _clock.Elapsed > Limits.Timeout)
            throw Failure(EvaluationDiagnostics.TimeLimit, span, Limits.Timeout);
        try
        {
            Memory.Check();
        }
        catch (MemoryBudgetExceededException e)
        {
            throw Failure(EvaluationDiagnostics.MemoryLimit, span, e.Message);
        }
    }

    private static readonly AsyncLocal<QueryContext?> s_current = new();

    /// <summary>The run this thread (or task) works for, so loops that are not handed the context still check its budget.</summary>
    public static QueryContext? Current
    {
        get => s_current.Value;
        internal set => s_current.Value = value;
    }

    /// <summary>
    /// For a row loop without the context at hand (RowWise.Map, range, conversions): checks the current run's budget every
    /// <see cref="RowsPerCheck"/> rows. The failure has no position of its own; the message says which limit.
    /// </summary>
    public static void Tick(int row)
    {
        if ((row & (RowsPerCheck - 1)) == 0) s_current.Value?.CheckBudget(default);
    }

    /// <summary>How often row loops check the budget: often enough to stop within milliseconds, rarely enough to cost nothing.</summary>
    public const int RowsPerCheck = 4096;

    /// <summary>Before allocating a value of <paramref name="size"/> characters or bytes: the value bound (SC0806), then the memory bound (SC0805).</summary>
    public void Reserve(long size, string what, TextSpan span)
    {
        try
        {
            ValueLimits.Check(size, what);
            Memory.Reserve(size * 2);
        }
        catch (ValueTooLargeException e)
        {
            throw Failure(EvaluationDiagnostics.ValueTooLarge, span, e.Message);
        }
        catch (MemoryBudgetExceededException e)
        {
            throw Failure(EvaluationDiagnostics.MemoryLimit, span, e.Message);
        }
    }

    public void CheckRows(long rows, TextSpan span)
    {
        if (rows > Limits.MaxRows) throw Failure(EvaluationDiagnostics.RowLimit, span, Limits.MaxRows);
    }

    public static KqlEvaluationException Failure(Core.Diagnostics.DiagnosticDescriptor descriptor, TextSpan span, params object?[] args) =>
        new([new KqlDiagnostic(descriptor, descriptor.FormatMessage(args), span)]);
}
