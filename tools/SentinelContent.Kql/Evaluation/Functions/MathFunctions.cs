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
        f["pi"] = Implement.Values(ScalarType.Real, _ => Math.PI);
        f["cos"] = Real(Math.Cos);
        f["sin"] = Real(Math.Sin);
        f["tan"] = Real(Math.Tan);
        f["acos"] = Real(Math.Acos);
        f["asin"] = Real(Math.Asin);
        f["atan"] = Real(Math.Atan);
        f["cot"] = Real(x => 1 / Math.Tan(x));
        f["atan2"] = Implement.Strict(ScalarType.Real, a => Math.Atan2(KqlValue.ToReal(a.Arg(0)) ?? double.NaN, KqlValue.ToReal(a.Arg(1)) ?? double.NaN));
        f["degrees"] = Real(x => x * 180 / Math.PI);
        f["radians"] = Real(x => x * Math.PI / 180);
        f["binary_and"] = Bits((x, y) => x & y);
        f["binary_or"] = Bits((x, y) => x | y);
        f["binary_xor"] = Bits((x, y) => x ^ y);
        f["binary_shift_left"] = Bits((x, y) => y is >= 0 and < 64 ? x << (int)y : 0);
        f["binary_shift_right"] = Bits((x, y) => y is >= 0 and < 64 ? x >> (int)y : 0);
        f["binary_not"] = Implement.Strict(ScalarType.Long, a => KqlValue.ToLong(a.Arg(0)) is { } x ? ~x : null);
        f["bitset_count_ones"] = Implement.Strict(ScalarType.Long, a => KqlValue.ToLong(a.Arg(0)) is { } x ? (long)System.Numerics.BitOperations.PopCount((ulong)x) : null);
    }

    /// <summary>Bitwise functions work on the 64-bit two's complement of long values.</summary>
    private static ScalarImplementation Bits(Func<long, long, long> f) =>
        Implement.Strict(ScalarType.Long, a => KqlValue.ToLong(a.Arg(0)) is { } x && KqlValue.ToLong(a.Arg(1)) is { } y ? f(x, y) : null);

    private static ScalarImplementation Real(Func<double, double> f) =>
        Implement.Strict(ScalarType.Real, a => KqlValue.ToReal(a.Arg(0)) is { } x ? f(x) : null);

    /// <summary>Rounds half away from zero, as Kusto does (round(2.5) is 3).</summary>
    private static object? Round(object? value, int digits) => value switch
    {
        long l => l,
        int i => i,
        decimal m => Math.Round(m, digits, MidpointRounding.AwayFromZero),
        _ => KqlValue.ToReal(value) is { } d ? RoundReal(d, digits) : null,
    };

    /// <summary>A negative precision rounds to tens, hundreds...: round(-50.55, -2) is -100.</summary>
    private static double RoundReal(double value, int digits)
    {
        if (digits >= 0) return Math.Round(value, Math.Min(digits, 15), MidpointRounding.AwayFromZero);
        var scale = Math.Pow(10, Math.Min(-digits, 308));
        return Math.Round(value / scale, MidpointRounding.AwayFromZero) * scale;
    }
}
