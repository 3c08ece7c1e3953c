namespace SentinelContent.Kql.Evaluation.Aggregates;

/// <summary>
/// The groups of a summarize's input: each row's group number and, built on first use, the rows of each group
/// side by side (a counting sort, linear in the rows), for aggregators that work group by group.
/// </summary>
public sealed class SummarizeGroups(int[] groupOfRow, int count)
{
    private (int[] Offsets, int[] Rows)? _byGroup;

    public int[] GroupOfRow { get; } = groupOfRow;

    public int Count { get; } = count;

    /// <summary>The rows of group g are Rows[Offsets[g] .. Offsets[g + 1]), in input order.</summary>
    public (int[] Offsets, int[] Rows) ByGroup => _byGroup ??= Sort();

    private (int[] Offsets, int[] Rows) Sort()
    {
        var offsets = new int[Count + 1];
        foreach (var group in GroupOfRow) offsets[group + 1]++;
        for (var g = 0; g < Count; g++) offsets[g + 1] += offsets[g];
        var next = offsets[..Count];
        var rows = new int[GroupOfRow.Length];
        for (var row = 0; row < GroupOfRow.Length; row++) rows[next[GroupOfRow[row]]++] = row;
        return (offsets, rows);
    }
}
