namespace SentinelContent.Kql.Evaluation.Runtime;

/// <summary>
/// The engine's only use of threads: two independent computations (a join's sides) at once, and a scan of a large
/// column in parts. Results never depend on timing: parts are put back in order, and when both computations fail,
/// the first one's error is the one reported, as a run on one thread would report it.
/// </summary>
public static class SideBySide
{
    /// <summary>Below this many rows a scan stays on one thread (starting work elsewhere costs more than it saves).</summary>
    public const int MinRowsToSplit = 65_536;

    public static (T First, T Second) Both<T>(Func<T> first, Func<T> second, bool parallel)
    {
        if (!parallel) return (first(), second());

        // Whoever claims the second computation runs it: a pool thread if one is free, otherwise this thread once
        // the first is done. So a caller already on a busy pool (tests run in parallel) never waits for a thread.
        var claimed = 0;
        var other = Task.Run(() => Interlocked.Exchange(ref claimed, 1) == 0 ? second() : default!);
        T firstResult;
        try
        {
            firstResult = first();
        }
        catch
        {
            // If the pool took the second computation, let it finish (it reads the same tables) before the error leaves.
            if (Interlocked.Exchange(ref claimed, 1) != 0) WaitIgnoringErrors(other);
            throw;
        }

        if (Interlocked.Exchange(ref claimed, 1) == 0) return (firstResult, second());
        // GetResult rethrows the second computation's own exception, not an AggregateException.
        return (firstResult, other.GetAwaiter().GetResult());
    }

    private static void WaitIgnoringErrors(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException)
        {
            // The first computation's error is the one reported.
        }
    }

    /// <summary>
    /// The rows in [0, <paramref name="count"/>) that <paramref name="scan"/> keeps, in order: scan(from, to, rows)
    /// adds the kept rows of [from, to) to rows. Large inputs are scanned in one part per thread.
    /// </summary>
    public static List<int> Rows(int count, int parallelism, Action<int, int, List<int>> scan)
    {
        var parts = Math.Min(parallelism, count / MinRowsToSplit);
        if (parts <= 1)
        {
            var rows = new List<int>();
            scan(0, count, rows);
            return rows;
        }

        var found = new List<int>[parts];
        System.Threading.Tasks.Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
        {
            found[part] = [];
            scan((int)((long)count * part / parts), (int)((long)count * (part + 1) / parts), found[part]);
        });
        var all = new List<int>(found.Sum(f => f.Count));
        foreach (var part in found) all.AddRange(part);
        return all;
    }
}
