using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>IP address functions: private ranges, CIDR membership, parsing. Geolocation has no database offline (see docs/kql-evaluator.md).</summary>
internal static class NetworkFunctions
{
    private static readonly string[] PrivateV4 = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        f["ipv4_is_private"] = Implement.Values(ScalarType.Bool, a => ParseV4(a.Text(0)) is { } ip ? PrivateV4.Any(r => InRange(ip, r)) : null);
        f["ipv4_is_in_range"] = Implement.Values(ScalarType.Bool, a => ParseV4(a.Text(0)) is { } ip ? InRange(ip, a.Text(1)) : null);
        f["ipv4_is_in_any_range"] = Implement.Values(ScalarType.Bool, a => ParseV4(a.Text(0)) is { } ip ? Ranges(a.Skip(1)).Any(r => InRange(ip, r)) : null);
        f["ipv4_is_match"] = Implement.Values(ScalarType.Bool, a => CompareV4(a) is { } order ? order == 0 : null);
        f["ipv4_compare"] = Implement.Values(ScalarType.Long, a => CompareV4(a) is { } order ? (long)order : null);
        f["parse_ipv4"] = Implement.Values(ScalarType.Long, a => Prefix(a.Text(0)) is { } p ? (long)Masked(p.Address, p.Bits) : null);
        f["parse_ipv4_mask"] = Implement.Values(ScalarType.Long, a => ParseV4(a.Text(0)) is { } ip && KqlValue.ToLong(a.Arg(1)) is { } bits and >= 0 and <= 32 ? (long)Masked(ip, (int)bits) : null);
        f["ipv4_netmask_suffix"] = Implement.Values(ScalarType.Long, a => Prefix(a.Text(0)) is { } p ? (long)p.Bits : null);
        f["format_ipv4"] = Implement.Values(ScalarType.String, a => Address(a.Arg(0)) is { } p && Bits(a, 1, p.Bits) is { } bits ? Text(Masked(p.Address, bits)) : string.Empty);
        f["format_ipv4_mask"] = Implement.Values(ScalarType.String, a => Address(a.Arg(0)) is { } p && Bits(a, 1, p.Bits) is { } bits ? $"{Text(Masked(p.Address, bits))}/{bits}" : string.Empty);
        f["geo_info_from_ip_address"] = GeoInfo;
    }

    /// <summary>
    /// geo_info_from_ip_address: null for text that is not an IP address (computable offline); for an address, SC0810,
    /// since the answer needs Microsoft's geolocation data (the catalog's "offline" reason).
    /// </summary>
    private static Planning.ScalarEval GeoInfo(CallSite site) => (input, context) =>
    {
        var addresses = site.Arguments[0].Eval(input, context);
        for (var row = 0; row < addresses.Count; row++)
            if (IPAddress.TryParse(KqlValue.ToText(KqlValue.Get(addresses, row)), out _)) throw site.NotOffline("geo_info_from_ip_address");
        return ColumnFactory.Nulls(ScalarType.Dynamic, addresses.Count);
    };

    private static IEnumerable<string> Ranges(IEnumerable<object?> values) =>
        values.SelectMany(v => KqlValue.Unwrap(v) is JsonArray arr ? arr.Select(e => KqlValue.ToText(KqlValue.Unwrap(e))) : [KqlValue.ToText(v)]);

    /// <summary>An address with its prefix length: "10.1.2.3/24" is (10.1.2.3, 24), a plain address has 32 bits.</summary>
    private static (uint Address, int Bits)? Prefix(string text)
    {
        var parts = text.Split('/');
        if (parts.Length > 2 || ParseV4(parts[0]) is not { } ip) return null;
        if (parts.Length == 1) return (ip, 32);
        return int.TryParse(parts[1].Trim(), out var bits) && bits is >= 0 and <= 32 ? (ip, bits) : null;
    }

    /// <summary>An address given as text (with an optional prefix) or as its number.</summary>
    private static (uint Address, int Bits)? Address(object? value) => value switch
    {
        long l when l is >= 0 and <= uint.MaxValue => ((uint)l, 32),
        int i when i >= 0 => ((uint)i, 32),
        string s => Prefix(s),
        _ => null,
    };

    /// <summary>The prefix argument at <paramref name="index"/> if given (0..32), narrowed by the address's own prefix.</summary>
    private static int? Bits(object?[] a, int index, int own)
    {
        if (a.Length <= index) return own;
        return KqlValue.ToLong(a.Arg(index)) is { } bits and >= 0 and <= 32 ? Math.Min((int)bits, own) : null;
    }

    private static uint Masked(uint ip, int bits) => bits == 0 ? 0u : ip & (uint.MaxValue << (32 - bits));

    private static string Text(uint ip) => $"{ip >> 24}.{(ip >> 16) & 255}.{(ip >> 8) & 255}.{ip & 255}";

    /// <summary>ipv4_compare/ipv4_is_match: both addresses masked to the shortest prefix given (theirs or the third argument).</summary>
    private static int? CompareV4(object?[] a)
    {
        if (Prefix(a.Text(0)) is not { } x || Prefix(a.Text(1)) is not { } y) return null;
        var bits = Math.Min(x.Bits, y.Bits);
        if (a.Length > 2)
        {
            if (KqlValue.ToLong(a.Arg(2)) is not { } given || given is < 0 or > 32) return null;
            bits = Math.Min(bits, (int)given);
        }
        return Masked(x.Address, bits).CompareTo(Masked(y.Address, bits)) switch { < 0 => -1, > 0 => 1, _ => 0 };
    }

    private static uint? ParseV4(string text)
    {
        var address = text.Split('/')[0].Trim();
        if (!IPAddress.TryParse(address, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork || address.Count(c => c == '.') != 3) return null;
        var bytes = ip.GetAddressBytes();
        return (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
    }

    private static bool InRange(uint ip, string range)
    {
        var parts = range.Split('/');
        if (ParseV4(parts[0]) is not { } network) return false;
        var bits = parts.Length > 1 && int.TryParse(parts[1], out var b) ? Math.Clamp(b, 0, 32) : 32;
        var mask = bits == 0 ? 0u : uint.MaxValue << (32 - bits);
        return (ip & mask) == (network & mask);
    }

}
