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
        f["ipv4_is_match"] = Implement.Values(ScalarType.Bool, a => ParseV4(a.Text(0)) is { } x && ParseV4(a.Text(1)) is { } y ? x == y : null);
        f["parse_ipv4"] = Implement.Values(ScalarType.Long, a => ParseV4(a.Text(0)) is { } ip ? (long)ip : null);
        f["parse_ipv6"] = Implement.Values(ScalarType.String, a => IPAddress.TryParse(a.Text(0).Split('/')[0], out var ip) ? ToV6(ip) : null);
        f["ipv6_is_in_any_range"] = Implement.Values(ScalarType.Bool, a => IPAddress.TryParse(a.Text(0), out var ip) ? Ranges(a.Skip(1)).Any(r => InRangeV6(ip, r)) : null);
        f["ipv6_is_match"] = Implement.Values(ScalarType.Bool, a => IPAddress.TryParse(a.Text(0), out var x) && IPAddress.TryParse(a.Text(1), out var y) ? x.MapToIPv6().Equals(y.MapToIPv6()) : null);
        f["geo_info_from_ip_address"] = Implement.Values(ScalarType.Dynamic, a => IPAddress.TryParse(a.Text(0), out _) ? new JsonObject() : null);
    }

    private static IEnumerable<string> Ranges(IEnumerable<object?> values) =>
        values.SelectMany(v => KqlValue.Unwrap(v) is JsonArray arr ? arr.Select(e => KqlValue.ToText(KqlValue.Unwrap(e))) : [KqlValue.ToText(v)]);

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

    private static bool InRangeV6(IPAddress ip, string range)
    {
        var parts = range.Split('/');
        if (!IPAddress.TryParse(parts[0], out var network)) return false;
        var a = ip.MapToIPv6().GetAddressBytes();
        var n = network.MapToIPv6().GetAddressBytes();
        var bits = parts.Length > 1 && int.TryParse(parts[1], out var b) ? Math.Clamp(b + (network.AddressFamily == AddressFamily.InterNetwork ? 96 : 0), 0, 128) : 128;
        for (var i = 0; i < 16; i++)
        {
            var take = Math.Clamp(bits - i * 8, 0, 8);
            var mask = (byte)(take == 0 ? 0 : 0xFF << (8 - take));
            if ((a[i] & mask) != (n[i] & mask)) return false;
        }

        return true;
    }

    private static string ToV6(IPAddress ip)
    {
        var bytes = ip.MapToIPv6().GetAddressBytes();
        return string.Join(':', Enumerable.Range(0, 8).Select(i => (bytes[2 * i] << 8 | bytes[2 * i + 1]).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
