using System.Collections;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>
/// row_window_session(expr, maxDistanceFromFirst, maxDistanceBetweenNeighbors[, restart]) over the serialized rows
/// (row-window-session-function.md): each row gets the value that started its session. A new session starts when there
/// is no session yet or its start was null (a null value starts a session of its own, so the next value starts another), when the value is at or past the session's start plus the first distance,
/// when it is at or past the previous value plus the neighbour distance, or when restart is true. A typed loop over
/// datetimes: no value is boxed.
/// </summary>
internal static class SessionWindow
{
    public static void Register(Dictionary<string, ScalarImplementation> f) => f["row_window_session"] = Session;

    private static Planning.ScalarEval Session(CallSite site) => (input, context) =>
    {
        var arguments = site.Evaluate(input, context);
        var times = arguments[0] as ValueColumn<DateTime> ?? (ValueColumn<DateTime>)ColumnFactory.FromValues(ScalarType.DateTime, Enumerable.Range(0, input.RowCount).Select(r => KqlValue.Get(arguments[0], r)).ToList());
        var count = input.RowCount;
        var values = new DateTime[count];
        var nulls = new BitArray(count);
        DateTime? start = null, previous = null;
        for (var row = 0; row < count; row++)
        {
            var first = KqlValue.ToTimeSpan(arguments[1].GetValue(row));
            var neighbours = KqlValue.ToTimeSpan(arguments[2].GetValue(row));
            var restart = arguments.Length > 3 && KqlValue.ToBool(arguments[3].GetValue(row)) == true;
            DateTime? value = times.Nulls[row] ? null : times.Values[row];
            var fresh = start is null || value is null || restart
                || (value is { } v && first is { } a && v >= start.Value + a)
                || (value is { } w && previous is { } p && neighbours is { } b && w >= p + b);
            if (fresh) start = value;
            previous = value;
            if (start is { } s) values[row] = s;
            else nulls[row] = true;
        }

        return new ValueColumn<DateTime>(ScalarType.DateTime, values, nulls);
    };
}
