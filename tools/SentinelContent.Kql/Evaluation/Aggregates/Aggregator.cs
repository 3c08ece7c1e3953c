using SentinelContent.Kql.Data;

namespace SentinelContent.Kql.Evaluation.Aggregates;

/// <summary>
/// One aggregate of a summarize, accumulating per group. Arguments are evaluated over the whole input once;
/// the aggregator sees rows by index. Most give one column; arg_max/arg_min and take_any(a, b) give several.
/// </summary>
public abstract class Aggregator
{
    public abstract void Add(int group, int row);

    /// <summary>The run's time and memory check, called every few thousand rows (summarize sets it).</summary>
    public Action? CheckBudget { get; set; }

    /// <summary>Every row of the input at once; aggregators that do better group by group override it.</summary>
    public virtual void AddAll(SummarizeGroups groups)
    {
        var groupOfRow = groups.GroupOfRow;
        for (var row = 0; row < groupOfRow.Length; row++)
        {
            if ((row & (Runtime.QueryContext.RowsPerCheck - 1)) == 0) CheckBudget?.Invoke();
            Add(groupOfRow[row], row);
        }
    }

    public abstract IReadOnlyList<Column> Results(int groups);
}

/// <summary>What an aggregate call gets: its evaluated argument columns, constant arguments, the input table (for `*`), and its result type.</summary>
public sealed record AggregateCall(IReadOnlyList<Column> Arguments, IReadOnlyList<object?> Constants, DataTable Input, Schema.ScalarType ResultType, int MaxSetSize);
