using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Planning;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>tostring, toint, tolong, todouble, todecimal, tobool, todatetime, totimespan, toguid, todynamic/parse_json, gettype.</summary>
internal static class ConversionFunctions
{
    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        f["tostring"] = ToStringImplementation;
        f["toint"] = Implement.Values(ScalarType.Int, a => KqlValue.ToLong(a[0]) is { } l && l >= int.MinValue && l <= int.MaxValue ? (int)l : null);
        f["tolong"] = Implement.Values(ScalarType.Long, a => KqlValue.ToLong(a[0]));
        f["todouble"] = Implement.Values(ScalarType.Real, a => KqlValue.ToReal(a[0]));
        f["todecimal"] = Implement.Values(ScalarType.Decimal, a => KqlValue.ToDecimal(a[0]));
        f["tobool"] = Implement.Values(ScalarType.Bool, a => KqlValue.ToBool(a[0]));
        f["todatetime"] = Implement.Values(ScalarType.DateTime, a => KqlValue.ToDateTime(a[0]));
        f["totimespan"] = Implement.Values(ScalarType.TimeSpan, a => KqlValue.Unwrap(a[0]) is string s && LiteralValues.TryTimeSpan(s, out var t) ? t : KqlValue.ToTimeSpan(a[0]));
        f["toguid"] = Implement.Values(ScalarType.Guid, a => KqlValue.ToGuid(a[0]));
        f["todynamic"] = Implement.Values(ScalarType.Dynamic, a => DynamicAccess.Parse(a[0]));
        f["parse_json"] = f["todynamic"];
        f["new_guid"] = Implement.Values(ScalarType.Guid, _ => Guid.NewGuid());
        f["tolower"] = Implement.Values(ScalarType.String, a => a.Text(0).ToLowerInvariant());
        f["toupper"] = Implement.Values(ScalarType.String, a => a.Text(0).ToUpperInvariant());
        f["gettype"] = Implement.Values(ScalarType.String, a => TypeName(a[0]));
        // __cast(typeof(T), value): the value converted to the type the binder gives the call, as toT() would.
        f["__cast"] = Implement.Values(ScalarType.Unknown, a => a.Length > 1 ? KqlValue.Unwrap(a[1]) : null);
    }

    private static string TypeName(object? value) => value switch
    {
        null => "null",
        string => "string",
        bool => "bool",
        int => "int",
        long => "long",
        double => "real",
        decimal => "decimal",
        DateTime => "datetime",
        TimeSpan => "timespan",
        Guid => "guid",
        System.Text.Json.Nodes.JsonArray => "array",
        System.Text.Json.Nodes.JsonObject => "dictionary",
        System.Text.Json.Nodes.JsonValue v => TypeName(KqlValue.Unwrap(v)) is var t && t == "long" ? "long" : TypeName(KqlValue.Unwrap(v)),
        _ => "object",
    };

    /// <summary>tostring: a string column is itself, a dynamic column (tostring(x.a.b), the usual case) a typed loop.</summary>
    private static ScalarEval ToStringImplementation(CallSite site)
    {
        var rowWise = Implement.Values(ScalarType.String, a => KqlValue.ToText(a[0]))(site);
        return (input, context) =>
        {
            if (site.Arguments.Count != 1) return rowWise(input, context);
            return site.Arguments[0].Eval(input, context) switch
            {
                StringColumn strings => strings,
                DynamicColumn dynamics when dynamics.TryGetCompact(out var compact) => new StringColumn([.. Enumerable.Range(0, compact.Count).Select(compact.Text)]),
                DynamicColumn dynamics => new StringColumn(Array.ConvertAll(dynamics.Values, ValueText.DynamicText)),
                var other => RowWise.Map(other, ScalarType.String, KqlValue.ToText),
            };
        };
    }
}
