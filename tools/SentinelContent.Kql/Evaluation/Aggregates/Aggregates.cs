using System.Text.Json.Nodes;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Aggregates;

/// <summary>An aggregator keeping one state object per group, growing as groups appear.</summary>
internal abstract class PerGroup<TState>(AggregateCall call) : Aggregator where TState : new()
{
    private readonly List<TState> _states = [];

    protected AggregateCall Call { get; } = call;

    protected object? Arg(int index, int row) => KqlValue.Unwrap(KqlValue.Get(Call.Arguments[index], row));

    protected object? RawArg(int index, int row) => KqlValue.Get(Call.Arguments[index], row);

    protected bool Condition(int index, int row) => Call.Arguments[index].IsTrue(row);

    protected TState State(int group)
    {
        while (_states.Count <= group) _states.Add(new TState());
        return _states[group];
    }

    public override IReadOnlyList<Column> Results(int groups)
    {
        var values = new object?[groups];
        for (var g = 0; g < groups; g++) values[g] = Result(State(g));
        return [ColumnFactory.FromValues(Call.ResultType, values)];
    }

    protected abstract object? Result(TState state);
}

internal sealed class Box<T>
{
    public T? Value { get; set; }

    public bool Has { get; set; }

    public long Count { get; set; }
}

/// <summary>count() and countif(p); count(x) counts rows where x is not null. One counter per group in a flat array.</summary>
internal sealed class CountAggregator(AggregateCall call, int? conditionArg, bool countNonNull) : Aggregator
{
    private long[] _counts = new long[16];

    public override void Add(int group, int row)
    {
        if (conditionArg is { } c && !call.Arguments[c].IsTrue(row)) return;
        if (countNonNull && KqlValue.Unwrap(KqlValue.Get(call.Arguments[0], row)) is null) return;
        if (group >= _counts.Length) Array.Resize(ref _counts, Math.Max(group + 1, _counts.Length * 2));
        _counts[group]++;
    }

    public override IReadOnlyList<Column> Results(int groups)
    {
        if (groups > _counts.Length) Array.Resize(ref _counts, groups);
        return [new ValueColumn<long>(ScalarType.Long, _counts[..groups], new System.Collections.BitArray(groups))];
    }
}

/// <summary>
/// dcount(x) and dcountif(x, p): exact distinct non-null values (the reference allows an estimate; exact is within
/// it). Over a whole input the rows are taken group by group: most groups of a detection are small (a user in an
/// hour), so a value is compared with the few seen before in its group, and no set of every (group, value) pair
/// is built. Row by row, values are encoded to integers once and one set of (group, value) pairs serves all groups.
/// </summary>
internal sealed class DistinctCountAggregator(AggregateCall call, int? conditionArg) : Aggregator
{
    /// <summary>Distinct values a group holds in a list before it switches to a hash set.</summary>
    private const int SmallGroup = 16;
    private int[]? _codes;
    private HashSet<long>? _seen;
    private long[] _counts = new long[16];

    private Column? Condition => conditionArg is { } c ? call.Arguments[c] : null;

    public override void Add(int group, int row)
    {
        if (Condition is { } condition && !condition.IsTrue(row)) return;
        _codes ??= new Operators.KeyEncoder().Encode(call.Arguments[0]);
        if (_codes[row] == Operators.KeyEncoder.Null) return;
        if (group >= _counts.Length) Array.Resize(ref _counts, Math.Max(group + 1, _counts.Length * 2));
        if ((_seen ??= []).Add((long)group << 32 | (uint)_codes[row])) _counts[group]++;
    }

    public override void AddAll(SummarizeGroups groups)
    {
        // Strings are compared as they are (encoding a million of them costs more than the counting); other types
        // are encoded to integer codes first (null has its own code, which is skipped).
        _counts = new long[Math.Max(groups.Count, _counts.Length)];
        if (call.Arguments[0] is StringColumn strings)
            CountByGroup(strings.Values, StringComparer.Ordinal, skip: null, groups);
        else
            CountByGroup(new Operators.KeyEncoder().Encode(call.Arguments[0]), EqualityComparer<int>.Default, skip: Operators.KeyEncoder.Null, groups);
    }

    private void CountByGroup<T>(T[] values, IEqualityComparer<T> comparer, int? skip, SummarizeGroups groups)
    {
        var (offsets, rows) = groups.ByGroup;
        var condition = Condition;
        var small = new T[SmallGroup];
        for (var g = 0; g < groups.Count; g++)
        {
            var distinct = 0;
            HashSet<T>? large = null;
            for (var i = offsets[g]; i < offsets[g + 1]; i++)
            {
                var row = rows[i];
                if (condition is not null && !condition.IsTrue(row)) continue;
                var value = values[row];
                if (skip is { } nullCode && value is int code && code == nullCode) continue;
                if (large is not null)
                {
                    large.Add(value);
                    continue;
                }

                var seen = false;
                for (var j = 0; j < distinct && !seen; j++) seen = comparer.Equals(small[j], value);
                if (seen) continue;
                if (distinct < SmallGroup)
                {
                    small[distinct++] = value;
                    continue;
                }

                large = new HashSet<T>(small, comparer) { value };
            }

            _counts[g] = large?.Count ?? distinct;
        }
    }

    public override IReadOnlyList<Column> Results(int groups)
    {
        if (groups > _counts.Length) Array.Resize(ref _counts, groups);
        return [new ValueColumn<long>(ScalarType.Long, _counts[..groups], new System.Collections.BitArray(groups))];
    }
}

/// <summary>sum, sumif, avg, avgif over numbers and timespans; nulls are skipped.</summary>
internal sealed class SumAggregator(AggregateCall call, int? conditionArg, bool average) : PerGroup<Box<object?>>(call)
{
    public override void Add(int group, int row)
    {
        if (conditionArg is { } c && !Condition(c, row)) return;
        var value = Arg(0, row);
        if (value is null) return;
        var state = State(group);
        state.Value = state.Has ? Arithmetic.Apply('+', state.Value, average ? KqlValue.ToReal(value) : value) : average ? KqlValue.ToReal(value) : value;
        state.Has = true;
        state.Count++;
    }

    protected override object? Result(Box<object?> state)
    {
        // Over no values, sum is 0 and avg divides by 0: NaN (the summarize page's "default values" example).
        if (!state.Has) return average ? double.NaN : Call.ResultType is ScalarType.TimeSpan ? TimeSpan.Zero : 0L;
        return average ? KqlValue.ToReal(state.Value) / state.Count : state.Value;
    }
}

/// <summary>min, max, minif, maxif: nulls (and empty strings) are skipped.</summary>
internal sealed class ExtremeAggregator(AggregateCall call, int? conditionArg, bool max) : PerGroup<Box<object?>>(call)
{
    public override void Add(int group, int row)
    {
        if (conditionArg is { } c && !Condition(c, row)) return;
        var value = Arg(0, row);
        if (value is null || value is string { Length: 0 }) return;
        var state = State(group);
        if (!state.Has || (ValueComparer.Instance.Compare(value, state.Value) is var r && (max ? r > 0 : r < 0)))
        {
            state.Value = value;
            state.Has = true;
        }
    }

    protected override object? Result(Box<object?> state) => state.Value;
}

/// <summary>
/// make_set, make_set_if, make_list, make_list_if: values in order of appearance, capped at the size limit; nulls are
/// skipped, except by make_list_with_nulls, which keeps them as JSON nulls.
/// </summary>
internal sealed class CollectAggregator(AggregateCall call, int? conditionArg, bool distinct, int limit, bool keepNulls = false) : PerGroup<CollectAggregator.Items>(call)
{
    internal sealed class Items
    {
        public JsonArray Values { get; } = [];

        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        /// <summary>The size of the array's JSON text so far, held to <see cref="ValueLimits.MaxValueSize"/>.</summary>
        public long Size { get; set; }
    }

    private static void Grow(Items state, System.Text.Json.Nodes.JsonNode? element, string? text = null)
    {
        text ??= element is JsonValue v && v.TryGetValue<string>(out var s) ? s : element?.ToJsonString() ?? "null";
        state.Size += text.Length + 3;
        ValueLimits.Check(state.Size, "the array make_set/make_list builds");
    }

    public override void Add(int group, int row)
    {
        if (conditionArg is { } c && !Condition(c, row)) return;
        var value = RawArg(0, row);
        if (KqlValue.Unwrap(value) is null && !keepNulls) return;
        var state = State(group);
        if (state.Values.Count >= limit) return;
        var node = KqlValue.ToDynamic(value);
        if (!distinct)
        {
            Grow(state, node);
            state.Values.Add(node);
            return;
        }
        // make_set of an array adds the array's elements (the reference's make_set over a dynamic array column).
        foreach (var element in node is JsonArray array ? [.. array] : new[] { node })
        {
            if (state.Values.Count >= limit) return;
            var key = element?.ToJsonString() ?? "null";
            if (!state.Seen.Add(key)) continue;
            Grow(state, element, key);
            state.Values.Add(element?.DeepClone());
        }
    }

    protected override object? Result(Items state) => state.Values;
}

/// <summary>make_bag(bag), make_bag_if: the union of the bags' properties (the first value of a key wins).</summary>
internal sealed class BagAggregator(AggregateCall call, int? conditionArg) : PerGroup<BagAggregator.Bag>(call)
{
    internal sealed class Bag
    {
        public JsonObject Properties { get; } = [];
    }

    public override void Add(int group, int row)
    {
        if (conditionArg is { } c && !Condition(c, row)) return;
        if (RawArg(0, row) is not JsonObject bag) return;
        var state = State(group).Properties;
        foreach (var (key, value) in bag)
            if (!state.ContainsKey(key)) state[key] = value?.DeepClone();
    }

    protected override object? Result(Bag state) => state.Properties;
}

/// <summary>stdev, variance (sample, n-1) and their population forms.</summary>
internal sealed class VarianceAggregator(AggregateCall call, int? conditionArg, bool root, bool population) : PerGroup<List<double>>(call)
{
    public override void Add(int group, int row)
    {
        if (conditionArg is { } c && !Condition(c, row)) return;
        if (KqlValue.ToReal(Arg(0, row)) is { } value) State(group).Add(value);
    }

    protected override object? Result(List<double> state)
    {
        var n = state.Count;
        // Over no values, variance and stdev are 0 and the population forms null (the summarize page's "Default values of aggregations").
        if (n == 0) return population ? null : 0.0;
        if (n == 1 && !population) return 0.0;
        var mean = state.Average();
        var sum = state.Sum(v => (v - mean) * (v - mean));
        var variance = sum / (population ? n : n - 1);
        return root ? Math.Sqrt(variance) : variance;
    }
}

/// <summary>percentile(x, p): the nearest-rank value (Kusto estimates; on small samples the nearest rank is what it returns).</summary>
internal sealed class PercentileAggregator(AggregateCall call, double percent) : PerGroup<List<object>>(call)
{
    public override void Add(int group, int row)
    {
        if (Arg(0, row) is { } value) State(group).Add(value);
    }

    protected override object? Result(List<object> state)
    {
        if (state.Count == 0) return null;
        state.Sort(ValueComparer.Instance);
        var rank = (int)Math.Ceiling(percent / 100.0 * state.Count);
        return state[Math.Clamp(rank - 1, 0, state.Count - 1)];
    }
}

/// <summary>
/// percentiles(x, p1, p2, ...): one column per percentile (percentile_x_p1, ...), each the nearest-rank value as
/// <see cref="PercentileAggregator"/> computes it, typed as the input column.
/// </summary>
internal sealed class PercentilesAggregator(AggregateCall call) : Aggregator
{
    private readonly List<List<object>?> _values = [];

    public override void Add(int group, int row)
    {
        if (KqlValue.Unwrap(KqlValue.Get(call.Arguments[0], row)) is not { } value) return;
        while (_values.Count <= group) _values.Add(null);
        (_values[group] ??= []).Add(value);
    }

    public override IReadOnlyList<Column> Results(int groups)
    {
        var percents = call.Constants.Skip(1).Select(p => KqlValue.ToReal(p) ?? 50).ToList();
        var sorted = Enumerable.Range(0, groups).Select(g => g < _values.Count && _values[g] is { } list ? list.Order(ValueComparer.Instance).ToList() : null).ToList();
        return [.. percents.Select(percent => ColumnFactory.FromValues(call.Arguments[0].Type, [.. sorted.Select(values => values is null ? null : NearestRank(values, percent))]))];
    }

    private static object NearestRank(List<object> sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
