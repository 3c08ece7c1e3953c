using System.Text.Json.Nodes;
using SentinelContent.Kql.Evaluation.Aggregates;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>
/// Reading the intermediate results of hll() and tdigest() (see Aggregates/Sketches.cs for their form): dcount_hll,
/// hll_merge, hll_isvalid, merge_tdigest, percentile_tdigest, percentiles_array_tdigest, rank_tdigest,
/// percentrank_tdigest, tdigest_isvalid. Percentiles are nearest-rank over the weights, as percentile() computes them.
/// </summary>
internal static class SketchFunctions
{
    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        f["dcount_hll"] = Implement.Values(ScalarType.Long, a => Sketches.Hll.From(a.Arg(0)) is { } hll ? (long)hll.Values.Count : null);
        f["hll_merge"] = Implement.Values(ScalarType.Dynamic, a =>
        {
            var merged = new Sketches.Hll();
            foreach (var value in a) if (KqlValue.Unwrap(value) is not null) merged.Merge(value);
            return merged.ToJson();
        });
        f["hll_isvalid"] = Implement.Values(ScalarType.Bool, a => Sketches.Hll.From(a.Arg(0)) is not null);
        f["__hll_normalize"] = Implement.Values(ScalarType.Dynamic, a => Sketches.Hll.From(a.Arg(0))?.ToJson());
        f["merge_tdigest"] = Implement.Values(ScalarType.Dynamic, a =>
        {
            var merged = new Sketches.Digest();
            foreach (var value in a) if (KqlValue.Unwrap(value) is not null) merged.Merge(value);
            return merged.Values.Count == 0 ? null : merged.ToJson();
        });
        f["tdigest_isvalid"] = Implement.Values(ScalarType.Bool, a => Sketches.Digest.From(a.Arg(0)) is not null);
        f["percentile_tdigest"] = Implement.Values(ScalarType.Unknown, a => Sketches.Digest.From(a.Arg(0)) is { Values.Count: > 0 } d && KqlValue.ToReal(a.Arg(1)) is { } p
            ? WeightedPercentilesAggregator.NearestRank(d.Sorted(), p)
            : null);
        f["percentiles_array_tdigest"] = Implement.Values(ScalarType.Dynamic, PercentilesArray);
        f["rank_tdigest"] = Implement.Values(ScalarType.Long, a => Rank(a) is { } r ? r.Rank : null);
        f["percentrank_tdigest"] = Implement.Values(ScalarType.Real, a => Rank(a) is { } r ? 100.0 * r.Rank / r.Total : null);
    }

    /// <summary>percentiles_array_tdigest(digest, p1, p2, ... or dynamic([...])): the percentiles as one array.</summary>
    private static object? PercentilesArray(object?[] a)
    {
        if (Sketches.Digest.From(a.Arg(0)) is not { Values.Count: > 0 } digest) return null;
        var percents = a.Skip(1).SelectMany(v => KqlValue.Unwrap(v) is JsonArray arr ? arr.Select(e => KqlValue.ToReal(KqlValue.Unwrap(e))) : [KqlValue.ToReal(v)]).ToList();
        if (percents.Any(p => p is null)) return null;
        var sorted = digest.Sorted();
        return new JsonArray([.. percents.Select(p => KqlValue.ToDynamic(WeightedPercentilesAggregator.NearestRank(sorted, p!.Value)))]);
    }

    /// <summary>The weight of the values at or below the given one (rank_tdigest(tdigest(1..1000), 685) is 685), and the total.</summary>
    private static (long Rank, long Total)? Rank(object?[] a)
    {
        if (Sketches.Digest.From(a.Arg(0)) is not { Values.Count: > 0 } digest || Sketches.DigestValue(a.Arg(1)) is not { } value) return null;
        var rank = digest.Values.Zip(digest.Weights).Where(p => ValueComparer.Instance.Compare(p.First, value) <= 0).Sum(p => p.Second);
        return (rank, digest.Weights.Sum());
    }
}
