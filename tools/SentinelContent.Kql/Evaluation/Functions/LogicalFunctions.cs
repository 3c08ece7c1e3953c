using SentinelContent.Kql.Evaluation.Planning;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>iff, case, coalesce, not, the emptiness tests, and max_of/min_of.</summary>
internal static class LogicalFunctions
{
    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        f["iff"] = Implement.Values(ScalarType.Unknown, a => KqlValue.ToBool(a.Arg(0)) == true ? a[1] : a[2]);
        f["case"] = Implement.Values(ScalarType.Unknown, Case);
        f["coalesce"] = Implement.Values(ScalarType.Unknown, a => a.FirstOrDefault(v => !KqlValue.IsEmpty(v) || (v is string s && s.Length > 0)) ?? a.LastOrDefault());
        f["not"] = Implement.Values(ScalarType.Bool, a => KqlValue.ToBool(a.Arg(0)) is { } b ? !b : null);
        f["isempty"] = Implement.Values(ScalarType.Bool, a => KqlValue.IsEmpty(a[0]));
        f["isnotempty"] = Implement.Values(ScalarType.Bool, a => !KqlValue.IsEmpty(a[0]));
        f["isnull"] = Implement.Values(ScalarType.Bool, a => a[0] is null || a[0] is System.Text.Json.Nodes.JsonValue v && KqlValue.Unwrap(v) is null);
        f["isnotnull"] = Implement.Values(ScalarType.Bool, a => !(a[0] is null || a[0] is System.Text.Json.Nodes.JsonValue v && KqlValue.Unwrap(v) is null));
        f["isnan"] = Implement.Values(ScalarType.Bool, a => KqlValue.ToReal(a.Arg(0)) is { } d && double.IsNaN(d));
        f["isinf"] = Implement.Values(ScalarType.Bool, a => KqlValue.ToReal(a.Arg(0)) is { } d && double.IsInfinity(d));
        f["isfinite"] = Implement.Values(ScalarType.Bool, a => KqlValue.ToReal(a.Arg(0)) is { } d && double.IsFinite(d));
        f["max_of"] = Implement.Values(ScalarType.Unknown, a => a.Select(KqlValue.Unwrap).Where(v => v is not null).DefaultIfEmpty().Max(ValueComparer.Instance));
        f["min_of"] = Implement.Values(ScalarType.Unknown, a => a.Select(KqlValue.Unwrap).Where(v => v is not null).DefaultIfEmpty().Min(ValueComparer.Instance));
        f["column_ifexists"] = ColumnIfExists;
    }

    /// <summary>case(p1, v1, p2, v2, ..., else): the value of the first true predicate.</summary>
    private static object? Case(object?[] a)
    {
        for (var i = 0; i + 1 < a.Length; i += 2)
            if (KqlValue.ToBool(a.Arg(i)) == true) return a[i + 1];
        return a[^1];
    }

    /// <summary>column_ifexists("name", default): the column when the input has it, else the default, decided per batch.</summary>
    private static ScalarEval ColumnIfExists(CallSite site)
    {
        if (site.Arguments[0] is not { IsConstant: true, Value: string name }) throw site.Error("column_ifexists needs a constant column name");
        return (input, context) => input.Find(name) is { } column ? column.ConvertTo(site.ResultType) : site.Arguments[1].Eval(input, context).ConvertTo(site.ResultType);
    }
}
