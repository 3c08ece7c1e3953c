namespace SentinelContent.Kql.Evaluation;

/// <summary>
/// The memory bound of a query run (and of loading its data): `--max-memory`, EvaluationLimits.MaxMemory. It
/// bounds the managed heap of the process while the work runs, which counts everything the run holds (columns,
/// strings, dynamic values, join and group indexes, loaded rows) without each structure keeping accounts, and so
/// also covers code nobody instrumented. Three calls:
/// <list type="bullet">
/// <item><see cref="Check"/> where work loops (the query context calls it with its time check, every few thousand
/// rows): fails when the heap is over the limit. A heap over the limit is first collected once (garbage does not
/// count), at most once every half second.</item>
/// <item><see cref="Reserve"/> before one large allocation (a repeated string, a big array): fails when heap plus
/// the request would pass the limit, so the allocation never happens.</item>
/// <item><see cref="Charge"/> for memory a loader keeps (its chunks): counted in <see cref="Charged"/> and checked; the
/// larger of heap and charged bytes is what is compared, so nothing is counted twice.</item>
/// </list>
/// sentinelctl runs one query at a time, except `test`, whose rule tests run side by side and share the bound.
/// </summary>
public sealed class MemoryBudget
{
    private static readonly long CollectIntervalTicks = TimeSpan.FromMilliseconds(500).Ticks;
    private long _charged;
    private long _lastCollect;

    public MemoryBudget(long limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        Limit = limit;
    }

    /// <summary>
    /// The default bound: half the memory available to the process (GC's view, which honours container limits), at most
    /// 8 GiB. Well under the machine's size, so one runaway query fails with a message instead of swapping the machine.
    /// </summary>
    public static long DefaultLimit { get; } = Math.Min(8L << 30, Math.Max(256L << 20, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2));

    public long Limit { get; }

    /// <summary>Bytes charged with <see cref="Charge"/> (what a loader keeps).</summary>
    public long Charged => Interlocked.Read(ref _charged);

    public static MemoryBudget For(EvaluationLimits limits) => new(limits.MaxMemory);

    /// <summary>Fails with <see cref="MemoryBudgetExceededException"/> when the process's heap is over the limit.</summary>
    public void Check()
    {
        var used = Math.Max(GC.GetTotalMemory(forceFullCollection: false), Charged);
        if (used <= Limit) return;
        used = Math.Max(Collected(), Charged);
        if (used > Limit) throw new MemoryBudgetExceededException(Limit, used, requested: 0);
    }

    /// <summary>Before allocating <paramref name="bytes"/>: fails when heap plus the request would pass the limit.</summary>
    public void Reserve(long bytes)
    {
        if (bytes <= 0) return;
        if (bytes > Limit) throw new MemoryBudgetExceededException(Limit, GC.GetTotalMemory(false), bytes);
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        if (heap + bytes <= Limit) return;
        heap = Collected();
        if (heap + bytes > Limit) throw new MemoryBudgetExceededException(Limit, heap, bytes);
    }

    /// <summary>Counts <paramref name="bytes"/> a loader keeps, then checks the bound.</summary>
    public void Charge(long bytes)
    {
        if (bytes > 0) Interlocked.Add(ref _charged, bytes);
        Check();
    }

    /// <summary>Gives back bytes charged earlier (a loader that drops a chunk).</summary>
    public void Release(long bytes)
    {
        if (bytes > 0) Interlocked.Add(ref _charged, -Math.Min(bytes, Charged));
    }

    /// <summary>The heap after one full collection, so garbage is not counted; collections are rate-limited.</summary>
    private long Collected()
    {
        var now = DateTime.UtcNow.Ticks;
        var last = Interlocked.Read(ref _lastCollect);
        if (now - last < CollectIntervalTicks || Interlocked.CompareExchange(ref _lastCollect, now, last) != last)
            return GC.GetTotalMemory(forceFullCollection: false);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>
    /// Parses a size as `--max-memory` takes it: a number of bytes, or with a unit (KB, MB, GB, TB: powers of 1000;
    /// KiB, MiB, GiB, TiB and K, M, G, T: powers of 1024), decimals allowed ("1.5GiB").
    /// </summary>
    public static bool TryParseSize(string? text, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        var split = s.Length;
        while (split > 0 && char.IsAsciiLetter(s[split - 1])) split--;
        var unit = s[split..].Trim().ToUpperInvariant();
        if (!double.TryParse(s[..split].Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) || number <= 0 || double.IsInfinity(number))
            return false;
        double? scale = unit switch
        {
            "" or "B" => 1,
            "KB" => 1e3, "MB" => 1e6, "GB" => 1e9, "TB" => 1e12,
            "K" or "KIB" => 1L << 10, "M" or "MIB" => 1L << 20, "G" or "GIB" => 1L << 30, "T" or "TIB" => 1L << 40,
            _ => null,
        };
        if (scale is null) return false;
        var value = number * scale.Value;
        if (value < 1 || value > long.MaxValue / 2) return false;
        bytes = (long)value;
        return true;
    }
}

/// <summary>A run went over its memory bound; the evaluator reports it as SC0805.</summary>
public sealed class MemoryBudgetExceededException(long limit, long used, long requested)
    : Exception(requested > 0
        ? $"the query needs {Size(requested)} more while {Size(used)} are in use; the limit is {Size(limit)} (--max-memory)"
        : $"the query holds {Size(used)}; the limit is {Size(limit)} (--max-memory)")
{
    public long Limit { get; } = limit;

    public long Used { get; } = used;

    public long Requested { get; } = requested;

    /// <summary>A byte count for people: 1.5 GiB, 300 MiB, 12 KiB.</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MiB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0.#} KiB",
        _ => $"{bytes} bytes",
    };
}
