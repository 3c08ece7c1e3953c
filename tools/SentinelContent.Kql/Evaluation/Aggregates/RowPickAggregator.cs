using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Values;

namespace SentinelContent.Kql.Evaluation.Aggregates;

/// <summary>
/// Aggregates that pick one row per group and return several of its columns: arg_max/arg_min (the row with the
/// greatest/least first argument; a row whose key is null is kept only while the group has no row with a key,
/// so a group whose key is null everywhere still returns its first row, as Kusto does) and take_any/take_anyif (any row: the first seen, deterministic).
/// </summary>
internal sealed class RowPickAggregator : Aggregator
{
    private readonly Func<int, int, bool> _better;
    private readonly IReadOnlyList<Column> _outputs;
    private readonly int? _conditionArg;
    private readonly AggregateCall _call;
    private readonly List<int> _picked = [];
    private readonly bool _skipNullKey;

    /// <param name="outputs">The columns returned from the picked row, in order.</param>
    /// <param name="compareArg">For arg_max/arg_min: the argument compared; null for take_any.</param>
    public RowPickAggregator(AggregateCall call, IReadOnlyList<Column> outputs, int? compareArg, bool max, int? conditionArg)
    {
        _call = call;
        _outputs = outputs;
        _conditionArg = conditionArg;
        _skipNullKey = compareArg is not null;
        if (compareArg is { } k)
        {
            var key = call.Arguments[k];
            _better = (candidate, current) =>
            {
                var r = ValueComparer.Instance.Compare(KqlValue.Unwrap(KqlValue.Get(key, candidate)), KqlValue.Unwrap(KqlValue.Get(key, current)));
                return max ? r > 0 : r < 0;
            };
            _keyColumn = key;
        }
        else _better = (_, _) => false;
    }

    private readonly Column? _keyColumn;

    public override void Add(int group, int row)
    {
        if (_conditionArg is { } c && !_call.Arguments[c].IsTrue(row)) return;
        while (_picked.Count <= group) _picked.Add(-1);
        var current = _picked[group];
        if (current < 0)
        {
            _picked[group] = row;
            return;
        }
        if (_skipNullKey && _keyColumn is not null)
        {
            if (IsNullKey(row)) return;
            if (IsNullKey(current))
            {
                _picked[group] = row;
                return;
            }
        }
        if (_better(row, current)) _picked[group] = row;
    }

    private bool IsNullKey(int row) => KqlValue.Unwrap(KqlValue.Get(_keyColumn!, row)) is null;

    public override IReadOnlyList<Column> Results(int groups)
    {
        while (_picked.Count < groups) _picked.Add(-1);
        var results = new List<Column>();
        foreach (var output in _outputs)
        {
            var values = new object?[groups];
            for (var g = 0; g < groups; g++) values[g] = _picked[g] < 0 ? null : KqlValue.Get(output, _picked[g]);
            results.Add(ColumnFactory.FromValues(output.Type, values));
        }

        return results;
    }
}
