using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>around (a value within center ± delta), assert (stops the query with its message) and iscolumnexists.</summary>
internal static class CheckFunctions
{
    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        f["around"] = Implement.Strict(ScalarType.Bool, Around);
        f["assert"] = Assert;
        f["iscolumnexists"] = site =>
        {
            if (site.Arguments[0] is not { IsConstant: true, Value: string name }) throw site.Error("iscolumnexists needs a constant column name");
            return (input, _) => ColumnFactory.Constant(ScalarType.Bool, input.Find(name) is not null, input.RowCount);
        };
    }

    /// <summary>around(value, center, delta): center - delta &lt;= value &lt;= center + delta, for numbers, datetimes and timespans; null when any is null.</summary>
    private static object? Around(object?[] a)
    {
        var (value, center, delta) = (a.Arg(0), a.Arg(1), a.Arg(2));
        var low = Arithmetic.Apply('-', center, delta);
        var high = Arithmetic.Apply('+', center, delta);
        if (low is null || high is null) return null;
        return ValueComparer.Instance.Compare(value, low) >= 0 && ValueComparer.Instance.Compare(value, high) <= 0;
    }

    /// <summary>
    /// assert(condition, message): true, or the query fails with "assert() has failed with message: '...'" (SC0804). The
    /// reference requires a condition constant at analysis time, so it is checked once per evaluation, even on no rows.
    /// </summary>
    private static Planning.ScalarEval Assert(CallSite site) => (input, context) =>
    {
        var message = KqlValue.ToText(site.Arguments[1].Single(context));
        var holds = site.Arguments[0].IsConstant
            ? KqlValue.ToBool(site.Arguments[0].Value) == true
            : Enumerable.Range(0, input.RowCount).All(row => KqlValue.ToBool(KqlValue.Get(site.Arguments[0].Eval(input, context), row)) == true);
        if (!holds) throw site.Error($"assert() has failed with message: '{message}'");
        return ColumnFactory.Constant(ScalarType.Bool, true, input.RowCount);
    };
}
