using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Aggregates;

/// <summary>
/// covariance, covariancep (population), and their _if forms: the sample covariance divides by n - 1 (the page's
/// example gives 20.5), the population one by n; rows where either value is null are skipped. Over no rows the sample
/// form is 0, like variance, and the population form null.
/// </summary>
internal sealed class CovarianceAggregator(AggregateCall call, int? conditionArg, bool population) : PerGroup<CovarianceAggregator.Sums>(call)
{
    internal sealed class Sums
    {
        public long N { get; set; }

        public double X { get; set; }

        public double Y { get; set; }

        public double XY { get; set; }
    }

    public override void Add(int group, int row)
    {
        if (conditionArg is { } c && !Condition(c, row)) return;
        if (KqlValue.ToReal(Arg(0, row)) is not { } x || KqlValue.ToReal(Arg(1, row)) is not { } y) return;
        var state = State(group);
        state.N++;
        state.X += x;
        state.Y += y;
        state.XY += x * y;
    }

    protected override object? Result(Sums state)
    {
        if (state.N == 0) return population ? null : 0.0;
        if (state.N == 1 && !population) return 0.0;
        var co = state.XY - state.X * state.Y / state.N;
        return co / (population ? state.N : state.N - 1);
    }
}

/// <summary>binary_all_and, binary_all_or, binary_all_xor: the bitwise fold of a group's non-null longs; null when it has none.</summary>
internal sealed class BitwiseAggregator(AggregateCall call, char op) : PerGroup<Box<long>>(call)
{
    public override void Add(int group, int row)
    {
        if (KqlValue.ToLong(Arg(0, row)) is not { } value) return;
        var state = State(group);
        state.Value = !state.Has ? value : op switch { '&' => state.Value & value, '|' => state.Value | value, _ => state.Value ^ value };
        state.Has = true;
    }

    protected override object? Result(Box<long> state) => state.Has ? state.Value : null;
}

/// <summary>
/// Weighted nearest-rank percentiles (percentilew, percentilesw, percentilesw_array) and percentiles_array: the smallest
/// value whose cumulative weight reaches P percent of the total (weights are whole numbers; a row of weight w counts
/// w times, as the percentiles page's weighted example shows). One column per percentile, or one array of them.
/// </summary>
internal sealed class WeightedPercentilesAggregator(AggregateCall call, int? weightArg, IReadOnlyList<double> percents, bool asArray) : Aggregator
{
    private readonly List<List<(object Value, long Weight)>?> _values = [];

    public override void Add(int group, int row)
    {
        if (KqlValue.Unwrap(KqlValue.Get(call.Arguments[0], row)) is not { } value) return;
        long weight = 1;
        if (weightArg is { } w && (KqlValue.ToLong(KqlValue.Get(call.Arguments[w], row)) is not { } given || (weight = given) <= 0)) return;
        while (_values.Count <= group) _values.Add(null);
        (_values[group] ??= []).Add((value, weight));
    }

    public override IReadOnlyList<Column> Results(int groups)
    {
        var sorted = Enumerable.Range(0, groups)
            .Select(g => g < _values.Count && _values[g] is { } list ? list.OrderBy(v => v.Value, ValueComparer.Instance).ToList() : null).ToList();
        if (asArray)
        {
            var arrays = sorted.Select(values => values is null ? null : (object)new System.Text.Json.Nodes.JsonArray([.. percents.Select(p => KqlValue.ToDynamic(NearestRank(values, p)))])).ToList();
            return [ColumnFactory.FromValues(ScalarType.Dynamic, arrays)];
        }

        return [.. percents.Select(p => ColumnFactory.FromValues(call.Arguments[0].Type, [.. sorted.Select(values => values is null ? null : NearestRank(values, p))]))];
    }

    internal static object NearestRank(List<(object Value, long Weight)> sorted, double percent)
    {
        var total = sorted.Sum(v => v.Weight);
        var rank = Math.Max(1, (long)Math.Ceiling(percent / 100.0 * total));
        long seen = 0;
        foreach (var (value, weight) in sorted)
        {
            seen += weight;
            if (seen >= rank) return value;
        }

        return sorted[^1].Value;
    }
}
