using System.Net;
using System.Text.Json.Nodes;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>
/// IPv4 text matching (has_ipv4, has_ipv4_prefix, has_any_ipv4, has_any_ipv4_prefix) and ipv4_range_to_cidr_list.
/// An address counts only as a whole token of the text: a run of digits and dots that is a valid IPv4 address and is
/// not preceded or followed by a letter, a digit or a dot ("05:04:54127.0.0.1" holds no 127.0.0.1; pages' examples).
/// A prefix must be one to three whole octets and a dot ("127.0.").
/// </summary>
internal static class Ipv4TextFunctions
{
    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        f["has_ipv4"] = Implement.Values(ScalarType.Bool, a => IsAddress(a.Text(1)) && Addresses(a.Text(0)).Contains(Normal(a.Text(1))));
        f["has_ipv4_prefix"] = Implement.Values(ScalarType.Bool, a => IsPrefix(a.Text(1)) && Addresses(a.Text(0)).Any(ip => ip.StartsWith(a.Text(1), StringComparison.Ordinal)));
        f["has_any_ipv4"] = Implement.Values(ScalarType.Bool, a =>
        {
            var wanted = Candidates(a).Where(IsAddress).Select(Normal).ToHashSet(StringComparer.Ordinal);
            return wanted.Count > 0 && Addresses(a.Text(0)).Any(wanted.Contains);
        });
        f["has_any_ipv4_prefix"] = Implement.Values(ScalarType.Bool, a =>
        {
            var prefixes = Candidates(a).Where(IsPrefix).ToList();
            return prefixes.Count > 0 && Addresses(a.Text(0)).Any(ip => prefixes.Any(p => ip.StartsWith(p, StringComparison.Ordinal)));
        });
        f["ipv4_range_to_cidr_list"] = Implement.Values(ScalarType.Dynamic, a => CidrList(a.Text(0), a.Text(1)));
    }

    /// <summary>has_any_ipv4_prefix(text, prefixes) for callers outside a query (the ASIM parsers' *_has_any_prefix filters).</summary>
    internal static bool HasAnyPrefix(string text, IReadOnlyList<string> prefixes)
    {
        var valid = prefixes.Where(IsPrefix).ToList();
        return valid.Count > 0 && Addresses(text).Any(ip => valid.Any(p => ip.StartsWith(p, StringComparison.Ordinal)));
    }

    /// <summary>has_ipv4(text, address) for callers outside a query.</summary>
    internal static bool HasAddress(string text, string address) => IsAddress(address) && Addresses(text).Contains(Normal(address));

    /// <summary>The second and later arguments as strings; a dynamic array contributes its elements.</summary>
    private static IEnumerable<string> Candidates(object?[] a) =>
        a.Skip(1).SelectMany(v => KqlValue.Unwrap(v) is JsonArray arr ? arr.Select(e => KqlValue.ToText(KqlValue.Unwrap(e))) : [KqlValue.ToText(v)]);

    /// <summary>The valid IPv4 addresses standing as whole tokens in the text, in canonical form.</summary>
    private static IEnumerable<string> Addresses(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]) || (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '.'))) continue;
            var end = i;
            while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.')) end++;
            var token = text[i..end];
            var followed = end < text.Length && char.IsLetter(text[end]);
            if (!followed && IsAddress(token)) yield return Normal(token);
            i = end;
        }
    }

    private static bool IsAddress(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) <= 255);
    }

    private static string Normal(string address) => string.Join('.', address.Split('.').Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)));

    private static bool IsPrefix(string text)
    {
        if (!text.EndsWith('.')) return IsAddress(text);
        var parts = text[..^1].Split('.');
        return parts.Length is >= 1 and <= 3 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) <= 255);
    }

    /// <summary>The fewest CIDR blocks covering start..end (both included); null when either is not an IPv4 address or start > end.</summary>
    private static object? CidrList(string start, string end)
    {
        if (Number(start) is not { } from || Number(end) is not { } to || from > to) return null;
        var result = new JsonArray();
        while (from <= to)
        {
            // The largest block that starts at `from` (aligned) and does not pass `to`.
            var size = from == 0 ? 32 : System.Numerics.BitOperations.TrailingZeroCount(from);
            while (size > 0 && from + (1UL << size) - 1 > to) size--;
            result.Add(JsonValue.Create($"{new IPAddress(BitConverter.GetBytes((uint)from).Reverse().ToArray())}/{32 - size}"));
            from += 1UL << size;
        }

        return result;
    }

    private static ulong? Number(string text)
    {
        if (!IsAddress(text.Trim())) return null;
        return text.Trim().Split('.').Aggregate(0UL, (n, p) => n << 8 | ulong.Parse(p, System.Globalization.CultureInfo.InvariantCulture));
    }
}
