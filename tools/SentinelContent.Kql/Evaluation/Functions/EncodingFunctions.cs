using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>
/// Bytes and text: base64 to and from byte arrays and guids, zlib and gzip compression to base64, tohex, and
/// punycode (IDNA) host names. Invalid input gives null (or the empty string for the string results), as each page says.
/// </summary>
internal static class EncodingFunctions
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        f["base64_decode_toarray"] = Implement.Values(ScalarType.Dynamic, a => FromBase64(a.Text(0)) is { } bytes ? new JsonArray([.. bytes.Select(b => (JsonNode?)JsonValue.Create((long)b))]) : null);
        f["base64_encode_fromarray"] = Implement.Values(ScalarType.String, a => ToBytes(a.Arg(0)) is { } bytes ? Convert.ToBase64String(bytes) : null);
        f["base64_decode_toguid"] = Implement.Values(ScalarType.Guid, a => FromBase64(a.Text(0)) is { Length: 16 } bytes ? new Guid(bytes) : null);
        f["base64_encode_fromguid"] = Implement.Values(ScalarType.String, a => KqlValue.ToGuid(a.Arg(0)) is { } guid ? Convert.ToBase64String(guid.ToByteArray()) : null);
        f["zlib_compress_to_base64_string"] = Implement.Values(ScalarType.String, a => Compress(a.Text(0), gzip: false));
        f["gzip_compress_to_base64_string"] = Implement.Values(ScalarType.String, a => Compress(a.Text(0), gzip: true));
        f["zlib_decompress_from_base64_string"] = Implement.Values(ScalarType.String, a => Decompress(a.Text(0), gzip: false));
        f["gzip_decompress_from_base64_string"] = Implement.Values(ScalarType.String, a => Decompress(a.Text(0), gzip: true));
        f["tohex"] = Implement.Values(ScalarType.String, ToHex);
        f["punycode_from_string"] = Implement.Values(ScalarType.String, a => Punycode.Encode(a.Text(0)));
        f["punycode_to_string"] = Implement.Values(ScalarType.String, a => Punycode.Decode(a.Text(0)));
        f["punycode_domain_from_string"] = Implement.Values(ScalarType.String, a => Punycode.DomainToAscii(a.Text(0)));
        f["punycode_domain_to_string"] = Implement.Values(ScalarType.String, a => Punycode.DomainToUnicode(a.Text(0)));
    }

    private static byte[]? FromBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>An array of byte values (0..255); anything else in it makes the whole input invalid.</summary>
    private static byte[]? ToBytes(object? value)
    {
        if (value is not JsonArray array) return null;
        var bytes = new byte[array.Count];
        for (var i = 0; i < bytes.Length; i++)
        {
            if (KqlValue.Unwrap(array[i]) is not long b || b is < 0 or > 255) return null;
            bytes[i] = (byte)b;
        }

        return bytes;
    }

    /// <summary>
    /// The text in stored (uncompressed) deflate blocks, which is what both pages' outputs are: Kusto writes a zlib
    /// header for level 0 (78 01) and a gzip header with no extra flags and "unknown OS" (255). Decompression reads
    /// any deflate stream, so data compressed elsewhere (the pages' Python example) decompresses too.
    /// </summary>
    private static string Compress(string text, bool gzip)
    {
        var result = Deflate(Encoding.UTF8.GetBytes(text), gzip, CompressionLevel.NoCompression);
        if (gzip)
        {
            result[8] = 0;
            result[9] = 255;
        }

        return Convert.ToBase64String(result);
    }

    private static byte[] Deflate(byte[] input, bool gzip, CompressionLevel level)
    {
        var output = new MemoryStream();
        using (Stream stream = gzip ? new GZipStream(output, level) : new ZLibStream(output, level)) stream.Write(input);
        return output.ToArray();
    }

    /// <summary>The decompressed UTF-8 text; invalid base64, data or UTF-8 gives the empty string.</summary>
    private static string Decompress(string text, bool gzip)
    {
        if (FromBase64(text) is not { } bytes) return string.Empty;
        try
        {
            using Stream stream = gzip ? new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress) : new ZLibStream(new MemoryStream(bytes), CompressionMode.Decompress);
            var output = new MemoryStream();
            stream.CopyTo(output);
            return StrictUtf8.GetString(output.ToArray());
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException)
        {
            return string.Empty;
        }
    }

    /// <summary>
    /// tohex(value[, minLength]): lower-case hex of the 64-bit two's complement of a long (32-bit for an int), zero-padded
    /// to the minimum length; a longer result ignores it (tohex-function.md).
    /// </summary>
    private static object? ToHex(object?[] a)
    {
        var value = a.Arg(0);
        string? hex = value switch
        {
            int i => ((uint)i).ToString("x", CultureInfo.InvariantCulture),
            long l => ((ulong)l).ToString("x", CultureInfo.InvariantCulture),
            _ => null,
        };
        if (hex is null) return null;
        var minimum = a.Length > 1 ? KqlValue.ToLong(a.Arg(1)) ?? 0 : 0;
        return hex.PadLeft((int)Math.Clamp(minimum, 0, 64), '0');
    }
}
