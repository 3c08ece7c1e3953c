using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>
/// Functions over a serialized row order: row_number, prev, next, row_cumsum. A batch is the serialized input
/// (the operators keep order), so they are column shifts and running sums.
/// </summary>
internal static class WindowFunctions
{
    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        f["row_number"] = site => (input, context) =>
        {
            var start = site.Arguments.Count > 0 ? KqlValue.ToLong(site.Arguments[0].Single(context)) ?? 1 : 1;
            var values = new object?[input.RowCount];
            for (var i = 0; i < values.Length; i++) values[i] = start + i;
            return ColumnFactory.FromValues(ScalarType.Long, values);
        };
        f["prev"] = site => Shift(site, -1);
        f["next"] = site => Shift(site, +1);
        f["row_cumsum"] = site => (input, context) =>
        {
            var term = site.Arguments[0].Eval(input, context);
            var values = new object?[term.Count];
            object? sum = null;
            for (var i = 0; i < values.Length; i++)
                values[i] = sum = sum is null ? KqlValue.Get(term, i) : Arithmetic.Apply('+', sum, KqlValue.Get(term, i)) ?? sum;
            return ColumnFactory.FromValues(site.TypeOr(term.Type), values);
        };
    }

    private static Planning.ScalarEval Shift(CallSite site, int direction) => (input, context) =>
    {
        var source = site.Arguments[0].Eval(input, context);
        var offset = site.Arguments.Count > 1 ? (int)(KqlValue.ToLong(site.Arguments[1].Single(context)) ?? 1) : 1;
        var fallback = site.Arguments.Count > 2 ? site.Arguments[2].Eval(input, context) : null;
        var values = new object?[source.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var from = i + direction * offset;
            values[i] = from >= 0 && from < source.Count ? KqlValue.Get(source, from) : fallback is null ? null : KqlValue.Get(fallback, i);
        }

        return ColumnFactory.FromValues(site.TypeOr(source.Type), values);
    };
}
