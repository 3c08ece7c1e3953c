using System.Text;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>
/// Punycode (RFC 3492) of one label, case preserved (punycode_from_string('académie-française') is
/// "acadmie-franaise-npb1a"), and IDNA-style domains: each label with a non-ASCII character becomes "xn--" and its
/// punycode; the full stops U+3002, U+FF0E and U+FF61 separate labels like '.'. .NET's IdnMapping is not used
/// because it lower-cases and validates host names, which these functions do not (the pages keep "xn--Ge-mia").
/// </summary>
internal static class Punycode
{
    private const int Base = 36, TMin = 1, TMax = 26, Skew = 38, Damp = 700, InitialBias = 72, InitialN = 128;

    public static string? Encode(string input)
    {
        var codePoints = new List<int>();
        for (var i = 0; i < input.Length; i++)
        {
            if (char.IsSurrogatePair(input, i)) { codePoints.Add(char.ConvertToUtf32(input, i)); i++; }
            else if (char.IsSurrogate(input[i])) return null;
            else codePoints.Add(input[i]);
        }

        var output = new StringBuilder();
        foreach (var c in codePoints.Where(c => c < 0x80)) output.Append((char)c);
        var basic = output.Length;
        var handled = basic;
        if (basic > 0 && basic < codePoints.Count) output.Append('-');
        long n = InitialN, delta = 0;
        var bias = InitialBias;
        while (handled < codePoints.Count)
        {
            var m = codePoints.Where(c => c >= n).Min();
            delta += (m - n) * (handled + 1);
            n = m;
            foreach (var c in codePoints)
            {
                if (c < n) delta++;
                if (c != n) continue;
                var q = delta;
                for (var k = Base; ; k += Base)
                {
                    var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                    if (q < t) break;
                    output.Append(Digit((int)(t + (q - t) % (Base - t))));
                    q = (q - t) / (Base - t);
                }

                output.Append(Digit((int)q));
                bias = Adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled++;
            }

            delta++;
            n++;
        }

        return output.ToString();
    }

    public static string? Decode(string input)
    {
        var codePoints = new List<int>();
        var dash = input.LastIndexOf('-');
        if (dash > 0)
        {
            foreach (var c in input[..dash])
            {
                if (c >= 0x80) return null;
                codePoints.Add(c);
            }
        }

        long n = InitialN, i = 0;
        var bias = InitialBias;
        for (var at = dash > 0 ? dash + 1 : 0; at < input.Length;)
        {
            var oldI = i;
            long w = 1;
            for (var k = Base; ; k += Base)
            {
                if (at >= input.Length || Value(input[at++]) is not { } digit) return null;
                i += digit * w;
                var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                if (digit < t) break;
                w *= Base - t;
                if (i > int.MaxValue || w > int.MaxValue) return null;
            }

            bias = Adapt(i - oldI, codePoints.Count + 1, oldI == 0);
            n += i / (codePoints.Count + 1);
            i %= codePoints.Count + 1;
            if (n > 0x10FFFF || n is >= 0xD800 and <= 0xDFFF) return null;
            codePoints.Insert((int)i, (int)n);
            i++;
        }

        var builder = new StringBuilder();
        foreach (var c in codePoints) builder.Append(char.ConvertFromUtf32(c));
        return builder.ToString();
    }

    /// <summary>A domain to ASCII: labels with non-ASCII characters as xn--punycode.</summary>
    public static string? DomainToAscii(string domain)
    {
        var labels = SplitLabels(domain);
        var result = new List<string>();
        foreach (var label in labels)
        {
            if (label.All(c => c < 0x80)) { result.Add(label); continue; }
            if (Encode(label) is not { } encoded) return null;
            result.Add("xn--" + encoded);
        }

        return string.Join('.', result);
    }

    /// <summary>A domain from ASCII: xn-- labels decoded.</summary>
    public static string? DomainToUnicode(string domain)
    {
        var result = new List<string>();
        foreach (var label in SplitLabels(domain))
        {
            if (!label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase)) { result.Add(label); continue; }
            if (Decode(label[4..]) is not { } decoded) return null;
            result.Add(decoded);
        }

        return string.Join('.', result);
    }

    private static string[] SplitLabels(string domain) => domain.Split(['.', '\u3002', '\uFF0E', '\uFF61']);

    private static int Adapt(long delta, int points, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / points;
        var k = 0;
        while (delta > ((Base - TMin) * TMax) / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }

        return (int)(k + (Base - TMin + 1) * delta / (delta + Skew));
    }

    private static char Digit(int d) => (char)(d < 26 ? 'a' + d : '0' + d - 26);

    private static int? Value(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= 'A' and <= 'Z' => c - 'A',
        >= '0' and <= '9' => c - '0' + 26,
        _ => null,
    };
}
