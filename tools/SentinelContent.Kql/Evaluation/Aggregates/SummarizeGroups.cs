namespace SentinelContent.Kql.Evaluation.Aggregates;

/// <summary>
/// The groups of a summarize's input: each row's group number and, built on first use, the rows of each group
/// side by side (Grouping.RowsByCode), for aggregators that work group by group.
/// </summary>
public sealed class SummarizeGroups(int[] groupOfRow, int count)
{
    private (int[] Offsets, int[] Rows)? _byGroup;

    public int[] GroupOfRow { get; } = groupOfRow;

    public int Count { get; } = count;

    /// <summary>The rows of group g are Rows[Offsets[g] .. Offsets[g + 1]), in input order.</summary>
    public (int[] Offsets, int[] Rows) ByGroup => _byGroup ??= Operators.Grouping.RowsByCode(GroupOfRow, Count);
}
