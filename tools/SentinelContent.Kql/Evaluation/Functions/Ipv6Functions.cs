using System.Net;
using System.Net.Sockets;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>
/// IPv6 functions (ipv6_compare, ipv6_is_match, ipv6_is_in_range, ipv6_is_in_any_range, parse_ipv6, parse_ipv6_mask).
/// Every address is a 128-bit number: IPv4 text (also "::a.b.c.d") is the IPv4-mapped address ::ffff:a.b.c.d, and a
/// prefix written on IPv4 text counts IPv4 bits (192.168.1.1/24 is a 120-bit prefix), as the pages' examples compare them.
/// </summary>
internal static class Ipv6Functions
{
    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        f["ipv6_compare"] = Implement.Values(ScalarType.Long, a => Compare(a) is { } order ? (long)order : null);
        f["ipv6_is_match"] = Implement.Values(ScalarType.Bool, a => Compare(a) is { } order ? order == 0 : null);
        f["ipv6_is_in_range"] = Implement.Values(ScalarType.Bool, a => Parse(a.Text(0)) is { } ip && Parse(a.Text(1)) is { } range ? InRange(ip, range) : null);
        f["ipv6_is_in_any_range"] = Implement.Values(ScalarType.Bool, a => Parse(a.Text(0)) is { } ip
            ? a.Skip(1).SelectMany(v => KqlValue.Unwrap(v) is System.Text.Json.Nodes.JsonArray arr ? arr.Select(e => KqlValue.ToText(KqlValue.Unwrap(e))) : [KqlValue.ToText(v)])
                .Any(r => Parse(r) is { } range && InRange(ip, range))
            : null);
        f["parse_ipv6"] = Implement.Values(ScalarType.String, a => Parse(a.Text(0)) is { } ip ? Text(Masked(ip.Address, ip.Bits)) : null);
        f["parse_ipv6_mask"] = Implement.Values(ScalarType.String, a => Parse(a.Text(0)) is { } ip && KqlValue.ToLong(a.Arg(1)) is { } bits and >= 0 and <= 128
            ? Text(Masked(ip.Address, Math.Min(ip.Bits, (int)bits)))
            : string.Empty);
    }

    /// <summary>An address as a 128-bit number with its prefix length in IPv6 bits.</summary>
    internal readonly record struct Prefixed(UInt128 Address, int Bits);

    internal static Prefixed? Parse(string text)
    {
        var parts = text.Trim().Split('/');
        if (parts.Length > 2 || !IPAddress.TryParse(parts[0], out var ip)) return null;
        var v4 = parts[0].Contains('.', StringComparison.Ordinal);
        if (v4 && ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // "::192.168.1.1" is the IPv4 address it spells.
            var bytes = ip.GetAddressBytes();
            ip = new IPAddress(bytes[12..]);
        }

        var mapped = ip.AddressFamily == AddressFamily.InterNetwork ? ip.MapToIPv6() : ip;
        var address = new UInt128(0, 0);
        foreach (var b in mapped.GetAddressBytes()) address = (address << 8) | b;
        var bits = 128;
        if (parts.Length == 2)
        {
            if (!int.TryParse(parts[1].Trim(), out var given) || given < 0 || given > (v4 ? 32 : 128)) return null;
            bits = v4 ? 96 + given : given;
        }

        return new Prefixed(address, bits);
    }

    internal static UInt128 Masked(UInt128 address, int bits) => bits <= 0 ? UInt128.Zero : bits >= 128 ? address : address & (UInt128.MaxValue << (128 - bits));

    /// <summary>Both addresses masked to the shortest prefix: theirs, or the third argument (IPv6 bits).</summary>
    private static int? Compare(object?[] a)
    {
        if (Parse(a.Text(0)) is not { } x || Parse(a.Text(1)) is not { } y) return null;
        var bits = Math.Min(x.Bits, y.Bits);
        if (a.Length > 2)
        {
            if (KqlValue.ToLong(a.Arg(2)) is not { } given || given is < 0 or > 128) return null;
            bits = Math.Min(bits, (int)given);
        }

        return Masked(x.Address, bits).CompareTo(Masked(y.Address, bits)) switch { < 0 => -1, > 0 => 1, _ => 0 };
    }

    private static bool InRange(Prefixed ip, Prefixed range) => Masked(ip.Address, range.Bits) == Masked(range.Address, range.Bits);

    /// <summary>The canonical form: eight groups of four lower-case hex digits.</summary>
    internal static string Text(UInt128 address)
    {
        var groups = new string[8];
        for (var i = 0; i < 8; i++) groups[i] = ((ushort)(address >> (112 - 16 * i))).ToString("x4", System.Globalization.CultureInfo.InvariantCulture);
        return string.Join(':', groups);
    }
}
