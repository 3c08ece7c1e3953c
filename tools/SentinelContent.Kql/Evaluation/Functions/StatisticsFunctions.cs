using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>
/// Special functions and tests through Math.NET Numerics: beta_cdf, beta_inv, beta_pdf, gamma, loggamma, erf, erfc,
/// welch_test, and rand. Out-of-domain arguments give NaN (beta_inv of a probability outside [0, 1] gives null), as
/// the pages' examples show.
/// </summary>
internal static class StatisticsFunctions
{
    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        f["beta_cdf"] = Real3((x, a, b) => x is < 0 or > 1 || a <= 0 || b <= 0 ? double.NaN : Beta.CDF(a, b, x));
        f["beta_pdf"] = Real3((x, a, b) => x is < 0 or > 1 || a <= 0 || b <= 0 ? double.NaN : Beta.PDF(a, b, x));
        f["beta_inv"] = Implement.Strict(ScalarType.Real, a =>
        {
            if (Reals(a, 3) is not { } v) return null;
            var (p, alpha, beta) = (v[0], v[1], v[2]);
            if (p is < 0 or > 1) return null;
            return alpha <= 0 || beta <= 0 ? double.NaN : Beta.InvCDF(alpha, beta, p);
        });
        f["gamma"] = Real1(Gamma);
        f["loggamma"] = Real1(SpecialFunctions.GammaLn);
        f["erf"] = Real1(SpecialFunctions.Erf);
        f["erfc"] = Real1(SpecialFunctions.Erfc);
        f["welch_test"] = Implement.Strict(ScalarType.Real, a => Reals(a, 6) is { } v ? WelchTest(v[0], v[1], v[2], v[3], v[4], v[5]) : null);
        f["rand"] = Implement.Values(ScalarType.Unknown, Rand);
    }

    /// <summary>Γ(x); at the positive integers it is the exact factorial (gamma(5) is 24, as the page shows).</summary>
    private static double Gamma(double x) =>
        x is > 0 and <= 171 && x == Math.Floor(x) ? SpecialFunctions.Factorial((int)x - 1) : SpecialFunctions.Gamma(x);

    /// <summary>
    /// Welch's two-sided t-test p-value from two samples' means, variances and counts: t = (m1 - m2) / sqrt(v1/n1 + v2/n2)
    /// with the Welch–Satterthwaite degrees of freedom (the page's Wikipedia example gives 0.021).
    /// </summary>
    private static double WelchTest(double m1, double v1, double n1, double m2, double v2, double n2)
    {
        var (e1, e2) = (v1 / n1, v2 / n2);
        var t = (m1 - m2) / Math.Sqrt(e1 + e2);
        var df = (e1 + e2) * (e1 + e2) / (e1 * e1 / (n1 - 1) + e2 * e2 / (n2 - 1));
        if (!double.IsFinite(t) || !double.IsFinite(df) || df <= 0) return double.NaN;
        return 2 * StudentT.CDF(0, 1, df, -Math.Abs(t));
    }

    /// <summary>rand(): a real in [0, 1); rand(n): a long in [0, n) (rand-function.md).</summary>
    private static object? Rand(object?[] a)
    {
        if (a.Length == 0) return Random.Shared.NextDouble();
        return KqlValue.ToLong(a.Arg(0)) is { } n and > 0 ? Random.Shared.NextInt64(n) : null;
    }

    private static double[]? Reals(object?[] a, int count)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            if (KqlValue.ToReal(a.Arg(i)) is not { } v) return null;
            values[i] = v;
        }

        return values;
    }

    private static ScalarImplementation Real1(Func<double, double> f) =>
        Implement.Strict(ScalarType.Real, a => KqlValue.ToReal(a.Arg(0)) is { } x ? f(x) : null);

    private static ScalarImplementation Real3(Func<double, double, double, double> f) =>
        Implement.Strict(ScalarType.Real, a => Reals(a, 3) is { } v ? f(v[0], v[1], v[2]) : null);
}
