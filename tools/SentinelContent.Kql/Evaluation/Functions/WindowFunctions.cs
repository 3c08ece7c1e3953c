using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>
/// Functions over a serialized row order: row_number, prev, next, row_cumsum, row_rank_dense, row_rank_min. A
/// batch is the serialized input (the operators keep order), so they are column shifts and running sums. The
/// optional restart argument (a bool per row) starts the numbering, sum or rank again at the row where it is true.
/// </summary>
internal static class WindowFunctions
{
    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        f["row_number"] = site => (input, context) =>
        {
            var start = site.Arguments.Count > 0 ? KqlValue.ToLong(site.Arguments[0].Single(context)) ?? 1 : 1;
            var restart = Restart(site, 1, input, context);
            var values = new object?[input.RowCount];
            var next = start;
            for (var i = 0; i < values.Length; i++)
            {
                if (restart(i)) next = start;
                values[i] = next++;
            }
            return ColumnFactory.FromValues(ScalarType.Long, values);
        };
        f["prev"] = site => Shift(site, -1);
        f["next"] = site => Shift(site, +1);
        f["row_cumsum"] = site => (input, context) =>
        {
            var term = site.Arguments[0].Eval(input, context);
            var restart = Restart(site, 1, input, context);
            var values = new object?[term.Count];
            object? sum = null;
            for (var i = 0; i < values.Length; i++)
            {
                if (restart(i)) sum = null;
                values[i] = sum = sum is null ? KqlValue.Get(term, i) : Arithmetic.Apply('+', sum, KqlValue.Get(term, i)) ?? sum;
            }
            return ColumnFactory.FromValues(site.TypeOr(term.Type), values);
        };
        f["row_rank_dense"] = site => Rank(site, dense: true);
        f["row_rank_min"] = site => Rank(site, dense: false);
        // row_rank (deprecated for row_rank_dense, no reference page of its own): dense when its second argument says
        // so, else the minimal rank, as SQL's RANK().
        f["row_rank"] = site => site.Arguments.Count > 1 && KqlValue.ToBool(site.Arguments[1].Value) == true ? Rank(site with { Arguments = [site.Arguments[0]] }, dense: true) : Rank(site with { Arguments = [site.Arguments[0]] }, dense: false);
    }

    /// <summary>The restart argument at <paramref name="index"/> as a per-row test (never true when absent).</summary>
    private static Func<int, bool> Restart(CallSite site, int index, DataTable input, Runtime.QueryContext context)
    {
        if (site.Arguments.Count <= index) return _ => false;
        var column = site.Arguments[index].Eval(input, context);
        return row => KqlValue.ToBool(KqlValue.Get(column, row)) == true;
    }

    /// <summary>
    /// Ranks of the serialized rows by a value: dense ranks go up by one when the value changes (1, 2, 2, 3);
    /// minimal ranks take the position of the first row of the run of equal values (1, 2, 2, 4).
    /// </summary>
    private static Planning.ScalarEval Rank(CallSite site, bool dense) => (input, context) =>
    {
        var term = site.Arguments[0].Eval(input, context);
        var restart = Restart(site, 1, input, context);
        var values = new object?[term.Count];
        long rank = 0;
        long position = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (i == 0 || restart(i))
            {
                rank = 1;
                position = 1;
            }
            else
            {
                position++;
                if (!ValueComparer.Instance.Equals(KqlValue.Get(term, i), KqlValue.Get(term, i - 1))) rank = dense ? rank + 1 : position;
            }
            values[i] = rank;
        }
        return ColumnFactory.FromValues(ScalarType.Long, values);
    };

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
