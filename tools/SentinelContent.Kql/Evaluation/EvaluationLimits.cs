namespace SentinelContent.Kql.Evaluation;

/// <summary>
/// Bounds on one query run, so a bad query (a cross join, an mv-expand of huge arrays, a slow regex) fails
/// with a clear error instead of hanging or exhausting memory.
/// </summary>
public sealed record EvaluationLimits
{
    /// <summary>The most rows any one operator may produce.</summary>
    public int MaxRows { get; init; } = 5_000_000;

    /// <summary>The wall-clock budget of one run.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The budget of one regular-expression match (the engine is linear-time; this bounds huge inputs).</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The memory bound of a run (`--max-memory`): see <see cref="MemoryBudget"/>. Default: half the available memory, at most 8 GiB.</summary>
    public long MaxMemory { get; init; } = MemoryBudget.DefaultLimit;

    /// <summary>The most elements make_set/make_list keep when the query gives no limit (Kusto's default).</summary>
    public int MaxSetSize { get; init; } = 1_048_576;

    /// <summary>
    /// The most threads one run uses: the two sides of a join are computed side by side, and a filter over a large
    /// table scans it in parts. 1 runs everything on the caller's thread.
    /// </summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    public static EvaluationLimits Default { get; } = new();
}
