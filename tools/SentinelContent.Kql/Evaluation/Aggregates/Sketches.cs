using System.Text.Json.Nodes;
using SentinelContent.Kql.Evaluation.Values;

namespace SentinelContent.Kql.Evaluation.Aggregates;

/// <summary>
/// The intermediate values of hll() and tdigest() as this engine keeps them: exact, so dcount_hll and
/// percentile_tdigest give what dcount and percentile give (the reference allows their estimates; exact is within them).
/// A tdigest is [[7],[values],[weights]], the shape Kusto's own shows for small inputs (tdigest-aggregation-function.md):
/// the distinct values, in order of appearance, with their weights; datetimes and timespans are kept as ticks. An hll is
/// [[0],[values]]: the distinct values' canonical JSON texts. Neither is interchangeable with Kusto's binary sketches.
/// </summary>
internal static class Sketches
{
    public const long DigestVersion = 7;
    public const long HllVersion = 0;

    public sealed class Digest
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public List<object> Values { get; } = [];

        public List<long> Weights { get; } = [];

        public void Add(object value, long weight)
        {
            var key = DynamicJson.Of(value);
            if (_index.TryGetValue(key, out var at))
            {
                Weights[at] += weight;
                return;
            }

            _index[key] = Values.Count;
            Values.Add(value);
            Weights.Add(weight);
        }

        /// <summary>A digest's value (a tdigest() result) added in.</summary>
        public bool Merge(object? digest)
        {
            if (digest is not JsonArray { Count: 3 } parts || parts[1] is not JsonArray values || parts[2] is not JsonArray weights || values.Count != weights.Count) return false;
            for (var i = 0; i < values.Count; i++)
                if (KqlValue.Unwrap(values[i]) is { } value && KqlValue.ToLong(KqlValue.Unwrap(weights[i])) is { } weight) Add(value, weight);
            return true;
        }

        public JsonArray ToJson() => new(
            new JsonArray(JsonValue.Create(DigestVersion)),
            new JsonArray([.. Values.Select(v => KqlValue.ToDynamic(v))]),
            new JsonArray([.. Weights.Select(w => (JsonNode?)JsonValue.Create(w))]));

        /// <summary>The values sorted with their weights, for ranks and percentiles.</summary>
        public List<(object Value, long Weight)> Sorted() =>
            [.. Values.Zip(Weights).OrderBy(p => p.First, ValueComparer.Instance).Select(p => (p.First, p.Second))];

        public static Digest? From(object? value)
        {
            var digest = new Digest();
            return digest.Merge(value) ? digest : null;
        }
    }

    /// <summary>The value a tdigest keeps for an input: datetimes and timespans as their ticks, numbers as they are.</summary>
    public static object? DigestValue(object? value) => KqlValue.Unwrap(value) switch
    {
        DateTime d => d.Ticks,
        TimeSpan t => t.Ticks,
        var other => other,
    };

    public sealed class Hll
    {
        public HashSet<string> Values { get; } = new(StringComparer.Ordinal);

        public bool Merge(object? hll)
        {
            if (hll is not JsonArray { Count: 2 } parts || parts[1] is not JsonArray values) return false;
            foreach (var value in values) Values.Add(KqlValue.ToText(KqlValue.Unwrap(value)));
            return true;
        }

        public JsonArray ToJson() => new(new JsonArray(JsonValue.Create(HllVersion)), new JsonArray([.. Values.Order(StringComparer.Ordinal).Select(v => (JsonNode?)JsonValue.Create(v))]));

        public static Hll? From(object? value)
        {
            var hll = new Hll();
            return hll.Merge(value) ? hll : null;
        }
    }
}

/// <summary>tdigest(expr[, weight]) and merge_tdigest/tdigest_merge(digest): one digest per group; nulls are skipped.</summary>
internal sealed class DigestAggregator(AggregateCall call, bool merge) : PerGroup<Sketches.Digest>(call)
{
    public override void Add(int group, int row)
    {
        if (merge)
        {
            State(group).Merge(RawArg(0, row));
            return;
        }

        if (Sketches.DigestValue(Arg(0, row)) is not { } value) return;
        long weight = 1;
        if (Call.Arguments.Count > 1 && (KqlValue.ToLong(Arg(1, row)) is not { } w || (weight = w) <= 0)) return;
        State(group).Add(value, weight);
    }

    protected override object? Result(Sketches.Digest state) => state.Values.Count == 0 ? null : state.ToJson();
}

/// <summary>hll(expr[, accuracy]), hll_if(expr, predicate[, accuracy]) and hll_merge(hll): the distinct values of a group.</summary>
internal sealed class HllAggregator(AggregateCall call, int? conditionArg, bool merge) : PerGroup<Sketches.Hll>(call)
{
    public override void Add(int group, int row)
    {
        if (conditionArg is { } c && !Condition(c, row)) return;
        if (merge)
        {
            State(group).Merge(RawArg(0, row));
            return;
        }

        var value = RawArg(0, row);
        if (KqlValue.Unwrap(value) is null) return;
        State(group).Values.Add(DynamicJson.Of(value));
    }

    protected override object? Result(Sketches.Hll state) => state.Values.Count == 0 ? null : state.ToJson();
}
