using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Values;

namespace SentinelContent.Kql.Evaluation.Aggregates;

/// <summary>Every aggregate function the engine implements, by catalog name: how to make its aggregator for a call.</summary>
public static class AggregateFunctions
{
    /// <summary>Makes an aggregator; <paramref name="starColumns"/> are the input columns a `*` argument stands for (arg_max(x, *)).</summary>
    public delegate Aggregator Factory(AggregateCall call, IReadOnlyList<Column> starColumns);

    private static readonly Dictionary<string, Factory> All = new(StringComparer.Ordinal)
    {
        ["count"] = (c, _) => new CountAggregator(c, null, countNonNull: c.Arguments.Count > 0),
        ["countif"] = (c, _) => new CountAggregator(c, 0, countNonNull: false),
        ["dcount"] = (c, _) => new DistinctCountAggregator(c, null),
        ["count_distinct"] = (c, _) => new DistinctCountAggregator(c, null),
        ["dcountif"] = (c, _) => new DistinctCountAggregator(c, 1),
        ["count_distinctif"] = (c, _) => new DistinctCountAggregator(c, 1),
        ["sum"] = (c, _) => new SumAggregator(c, null, average: false),
        ["sumif"] = (c, _) => new SumAggregator(c, 1, average: false),
        ["avg"] = (c, _) => new SumAggregator(c, null, average: true),
        ["avgif"] = (c, _) => new SumAggregator(c, 1, average: true),
        ["min"] = (c, _) => new ExtremeAggregator(c, null, max: false),
        ["max"] = (c, _) => new ExtremeAggregator(c, null, max: true),
        ["minif"] = (c, _) => new ExtremeAggregator(c, 1, max: false),
        ["maxif"] = (c, _) => new ExtremeAggregator(c, 1, max: true),
        ["make_set"] = (c, _) => new CollectAggregator(c, null, distinct: true, Limit(c, 1)),
        ["make_set_if"] = (c, _) => new CollectAggregator(c, 1, distinct: true, Limit(c, 2)),
        ["make_list"] = (c, _) => new CollectAggregator(c, null, distinct: false, Limit(c, 1)),
        ["make_list_if"] = (c, _) => new CollectAggregator(c, 1, distinct: false, Limit(c, 2)),
        ["make_list_with_nulls"] = (c, _) => new CollectAggregator(c, null, distinct: false, Limit(c, 1), keepNulls: true),
        ["make_bag"] = (c, _) => new BagAggregator(c, null),
        ["make_bag_if"] = (c, _) => new BagAggregator(c, 1),
        ["stdev"] = (c, _) => new VarianceAggregator(c, null, root: true, population: false),
        ["stdevif"] = (c, _) => new VarianceAggregator(c, 1, root: true, population: false),
        ["stdevp"] = (c, _) => new VarianceAggregator(c, null, root: true, population: true),
        ["variance"] = (c, _) => new VarianceAggregator(c, null, root: false, population: false),
        ["varianceif"] = (c, _) => new VarianceAggregator(c, 1, root: false, population: false),
        ["variancep"] = (c, _) => new VarianceAggregator(c, null, root: false, population: true),
        ["percentile"] = (c, _) => new PercentileAggregator(c, KqlValue.ToReal(c.Constants.ElementAtOrDefault(1)) ?? 50),
        ["percentiles"] = (c, _) => new PercentilesAggregator(c),
        ["arg_max"] = (c, star) => new RowPickAggregator(c, Outputs(c, star), 0, max: true, null),
        ["arg_min"] = (c, star) => new RowPickAggregator(c, Outputs(c, star), 0, max: false, null),
        ["take_any"] = (c, star) => new RowPickAggregator(c, [.. c.Arguments, .. star], null, max: false, null),
        ["any"] = (c, star) => new RowPickAggregator(c, [.. c.Arguments, .. star], null, max: false, null),
        ["take_anyif"] = (c, _) => new RowPickAggregator(c, [c.Arguments[0]], null, max: false, 1),
        ["anyif"] = (c, _) => new RowPickAggregator(c, [c.Arguments[0]], null, max: false, 1),
        ["argmax"] = (c, star) => new RowPickAggregator(c, Outputs(c, star), 0, max: true, null),
        ["argmin"] = (c, star) => new RowPickAggregator(c, Outputs(c, star), 0, max: false, null),
        ["cnt"] = (c, _) => new CountAggregator(c, null, countNonNull: false),
        ["variancepif"] = (c, _) => new VarianceAggregator(c, 1, root: false, population: true),
        ["covariance"] = (c, _) => new CovarianceAggregator(c, null, population: false),
        ["covarianceif"] = (c, _) => new CovarianceAggregator(c, 2, population: false),
        ["covariancep"] = (c, _) => new CovarianceAggregator(c, null, population: true),
        ["covariancepif"] = (c, _) => new CovarianceAggregator(c, 2, population: true),
        ["binary_all_and"] = (c, _) => new BitwiseAggregator(c, '&'),
        ["binary_all_or"] = (c, _) => new BitwiseAggregator(c, '|'),
        ["binary_all_xor"] = (c, _) => new BitwiseAggregator(c, '^'),
        ["percentiles_array"] = (c, _) => new WeightedPercentilesAggregator(c, null, Percents(c, 1), asArray: true),
        ["percentilew"] = (c, _) => new WeightedPercentilesAggregator(c, 1, Percents(c, 2), asArray: false),
        ["percentilesw"] = (c, _) => new WeightedPercentilesAggregator(c, 1, Percents(c, 2), asArray: false),
        ["percentilesw_array"] = (c, _) => new WeightedPercentilesAggregator(c, 1, Percents(c, 2), asArray: true),
        ["tdigest"] = (c, _) => new DigestAggregator(c, merge: false),
        ["merge_tdigest"] = (c, _) => new DigestAggregator(c, merge: true),
        ["hll"] = (c, _) => new HllAggregator(c, null, merge: false),
        ["hll_if"] = (c, _) => new HllAggregator(c, 1, merge: false),
        ["hll_merge"] = (c, _) => new HllAggregator(c, null, merge: true),
        ["buildschema"] = (c, _) => new SchemaAggregator(c),
        ["make_dictionary"] = (c, _) => new BagAggregator(c, null),
    };

    public static Factory? Find(string name) => All.GetValueOrDefault(name);

    public static IEnumerable<string> Names => All.Keys;

    /// <summary>arg_max(key, a, b) returns key, a, b from the picked row; with `*`, every input column after the key.</summary>
    private static List<Column> Outputs(AggregateCall call, IReadOnlyList<Column> star) => [.. call.Arguments, .. star];

    /// <summary>The percentiles of a call from argument <paramref name="first"/> on: constants, or one dynamic array of them.</summary>
    private static List<double> Percents(AggregateCall call, int first) =>
        [.. call.Constants.Skip(first).SelectMany(p => KqlValue.Unwrap(p) is System.Text.Json.Nodes.JsonArray array ? array.Select(e => KqlValue.ToReal(KqlValue.Unwrap(e))) : [KqlValue.ToReal(p)]).Select(p => p ?? 50)];

    private static int Limit(AggregateCall call, int argument) =>
        call.Constants.ElementAtOrDefault(argument) is { } limit && KqlValue.ToLong(limit) is { } n && n > 0 ? (int)Math.Min(n, call.MaxSetSize) : call.MaxSetSize;
}
