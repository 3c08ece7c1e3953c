using System.Buffers.Binary;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>
/// hash() and hash_xxhash64() are xxHash64 (seed 0) of the value's bytes, as the hash page's examples check out:
/// a string's UTF-8 bytes, a datetime's or timespan's ticks and a long as 8 little-endian bytes. hash_sha1,
/// hash_sha256 and hash_md5 are lower-case hex digests of the same bytes for strings, and of the tostring() text otherwise.
/// </summary>
internal static class HashFunctions
{
    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        f["hash"] = Implement.Values(ScalarType.Long, XxHash);
        f["hash_xxhash64"] = f["hash"];
        f["__hash_xxh64"] = f["hash"];
        f["hash_sha1"] = Implement.Values(ScalarType.String, a => Digest(a, SHA1.HashData));
        f["hash_sha256"] = Implement.Values(ScalarType.String, a => Digest(a, SHA256.HashData));
        f["hash_md5"] = Implement.Values(ScalarType.String, a => Digest(a, MD5.HashData));
        f["__hash_crc32"] = Implement.Values(ScalarType.Long, a => a.Length > 0 && a[0] is not null ? (long)Crc32.HashToUInt32(Bytes(a[0])) : null);
        f["__hash_djb2"] = Implement.Values(ScalarType.Int, a => a.Length > 0 && a[0] is not null ? Djb2(Bytes(a[0])) : null);
    }

    /// <summary>hash(source[, mod]): the unsigned remainder when a modulo is given (the page's hash("World", 100) is 51).</summary>
    private static object? XxHash(object?[] a)
    {
        if (a.Length == 0 || KqlValue.Unwrap(a[0]) is null) return null;
        var hash = XxHash64.HashToUInt64(Bytes(a[0]));
        if (a.Length < 2) return (long)hash;
        if (KqlValue.ToLong(a.Arg(1)) is not { } mod || mod <= 0) return null;
        return (long)(hash % (ulong)mod);
    }

    private static object? Digest(object?[] a, Func<byte[], byte[]> digest) =>
        a.Length == 0 ? null : Convert.ToHexStringLower(digest(a[0] is string s ? Encoding.UTF8.GetBytes(s) : Encoding.UTF8.GetBytes(KqlValue.ToText(a[0]))));

    /// <summary>The bytes a value hashes as: strings UTF-8; numbers, datetimes and timespans their 8-byte little-endian form; a guid its 16 bytes; dynamic its JSON text.</summary>
    internal static byte[] Bytes(object? value)
    {
        var buffer = new byte[8];
        switch (KqlValue.Unwrap(value))
        {
            case string s:
                return Encoding.UTF8.GetBytes(s);
            case long l:
                BinaryPrimitives.WriteInt64LittleEndian(buffer, l);
                return buffer;
            case int i:
                BinaryPrimitives.WriteInt64LittleEndian(buffer, i);
                return buffer;
            case double d:
                BinaryPrimitives.WriteDoubleLittleEndian(buffer, d);
                return buffer;
            case decimal m:
                return Encoding.UTF8.GetBytes(KqlValue.ToText(m));
            case DateTime t:
                BinaryPrimitives.WriteInt64LittleEndian(buffer, t.Ticks);
                return buffer;
            case TimeSpan t:
                BinaryPrimitives.WriteInt64LittleEndian(buffer, t.Ticks);
                return buffer;
            case bool b:
                return [b ? (byte)1 : (byte)0];
            case Guid g:
                return g.ToByteArray();
            case JsonNode node:
                return Encoding.UTF8.GetBytes(DynamicJson.Canonical(node));
            default:
                return [];
        }
    }

    private static int Djb2(byte[] bytes)
    {
        var hash = 5381;
        foreach (var b in bytes) hash = unchecked((hash << 5) + hash + b);
        return hash;
    }
}
