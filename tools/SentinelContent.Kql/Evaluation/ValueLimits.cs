namespace SentinelContent.Kql.Evaluation;

/// <summary>
/// The size bound of one value (a string, an array or a bag) a query may build. Kusto bounds a string or dynamic cell by
/// the column's MaxValueSize: 1 MiB by default and at most 32 MiB (the dynamic data type page and the encoding policy
/// page of the KQL reference); we take the largest, so no value Kusto can hold is refused. Without a bound,
/// strrep(strrep(strrep("a", 10000), 10000), 10000) asked for 8 GB (issue 24, D2). Strings are measured in
/// characters, arrays and bags by their JSON text.
/// </summary>
public static class ValueLimits
{
    public const long MaxValueSize = 32L << 20;

    /// <summary>Fails with <see cref="ValueTooLargeException"/> when <paramref name="size"/> is over the bound.</summary>
    public static void Check(long size, string what)
    {
        if (size > MaxValueSize) throw new ValueTooLargeException(what, size);
    }
}

/// <summary>A value over <see cref="ValueLimits.MaxValueSize"/>; the evaluator reports it as SC0806.</summary>
public sealed class ValueTooLargeException(string what, long size)
    : Exception($"{what} would be {MemoryBudgetExceededException.Size(size)}; a string, array or bag is at most "
        + $"{MemoryBudgetExceededException.Size(ValueLimits.MaxValueSize)} (Kusto's largest MaxValueSize)");
