using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>Numeric functions over reals (and abs/round keeping the argument's type where KQL does).</summary>
internal static class MathFunctions
{
    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        f["abs"] = Implement.Strict(ScalarType.Unknown, a => a.Arg(0) switch
        {
            long l => Math.Abs(l),
            int i => Math.Abs(i),
            decimal m => Math.Abs(m),
            TimeSpan t => t.Duration(),
            var v => KqlValue.ToReal(v) is { } d ? Math.Abs(d) : null,
        });
        f["round"] = Implement.Strict(ScalarType.Real, a => Round(a.Arg(0), a.Length > 1 ? (int)(KqlValue.ToLong(a.Arg(1)) ?? 0) : 0));
        f["ceiling"] = Real(Math.Ceiling);
        f["sqrt"] = Real(Math.Sqrt);
        f["exp"] = Real(Math.Exp);
        f["exp2"] = Real(x => Math.Pow(2, x));
        f["exp10"] = Real(x => Math.Pow(10, x));
        f["log"] = Real(Math.Log);
        f["log2"] = Real(Math.Log2);
        f["log10"] = Real(Math.Log10);
        f["sign"] = Real(x => Math.Sign(x));
        f["pow"] = Implement.Strict(ScalarType.Real, a => Math.Pow(KqlValue.ToReal(a.Arg(0)) ?? double.NaN, KqlValue.ToReal(a.Arg(1)) ?? double.NaN));
    }

    private static ScalarImplementation Real(Func<double, double> f) =>
        Implement.Strict(ScalarType.Real, a => KqlValue.ToReal(a.Arg(0)) is { } x ? f(x) : null);

    /// <summary>Rounds half away from zero, as Kusto does (round(2.5) is 3).</summary>
    private static object? Round(object? value, int digits) => value switch
    {
        long l => l,
        int i => i,
        decimal m => Math.Round(m, digits, MidpointRounding.AwayFromZero),
        _ => KqlValue.ToReal(value) is { } d ? Math.Round(d, Math.Clamp(digits, 0, 15), MidpointRounding.AwayFromZero) : null,
    };
}
