using System.Buffers;
using System.Text;
using System.Text.Json;

namespace SentinelContent.Kql.Data.Loading.Streaming;

/// <summary>
/// A dynamic value from the parser's tokens into <see cref="CompactJson"/> text, as <see cref="ValueConversion.ToDynamic"/>
/// makes it: JSON null is null; text holding a JSON object or array (how exports write dynamic columns) is that
/// value; anything else is kept as written. The file's bytes are copied as they are, except for an object that names
/// a key twice: that one is rebuilt through <see cref="JsonText"/> (the last value wins), so reading a property of
/// the stored text gives what parsing the row would.
/// </summary>
internal sealed class DynamicText
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = JsonText.MaxDepth };

    // Property names of the objects being walked (start and length in the text), and where each object's names begin.
    private readonly List<(int Start, int Length)> _names = [];
    private readonly Stack<int> _objects = new();

    public void Append(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, CompactJson.Builder builder)
    {
        var start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                builder.AppendNull();
                return;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                if (Walk(ref reader, json,
                    checkStrings: false)) builder.Append(Normalized(Encoding.UTF8.GetString(json[start..(int)reader.BytesConsumed])));
                else builder.Append(json[start..(int)reader.BytesConsumed]);
                return;
            case JsonTokenType.String when LooksLikeJson(ref reader):
                var text = reader.GetString()!;
                if (!TryAppendJsonText(text, builder)) builder.Append(json[start..(int)reader.BytesConsumed]);
                return;
            default:
                builder.Append(json[start..(int)reader.BytesConsumed]);
                return;
        }
    }

    /// <summary>CSV text: JSON when it holds an object or array, otherwise a string value.</summary>
    public void AppendText(ReadOnlySpan<char> text, CompactJson.Builder builder)
    {
        var s = text.ToString();
        var trimmed = text.TrimStart();
        if (trimmed.Length > 0 && trimmed[0] is '{' or '[' && TryAppendJsonText(s, builder)) return;
        builder.Append(JsonSerializer.SerializeToUtf8Bytes(s));
    }

    private static bool LooksLikeJson(ref Utf8JsonReader reader)
    {
        // The first character that is not white space (ToDynamic trims with char.IsWhiteSpace, hence the decode for non-ASCII).
        var span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        foreach (var b in span)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') continue;
            if (b == (byte)'\\' || b >= 0x80) return reader.GetString()!.TrimStart() is [ '{' or '[', ..];
            return b is (byte)'{' or (byte)'[';
        }
        return false;
    }

    /// <summary>Appends text that holds a JSON object or array, as that value; false when it is not JSON.</summary>
    private bool TryAppendJsonText(string text, CompactJson.Builder builder)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var utf8 = rented.AsSpan(0, Encoding.UTF8.GetBytes(text, rented));
            var reader = new Utf8JsonReader(utf8, Options);
            bool duplicate;
            try
            {
                if (!reader.Read() || reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return false;
                duplicate = Walk(ref reader, utf8, checkStrings: true);
                if (reader.Read()) return false;
            }
            catch (JsonException)
            {
                return false;
            }
            if (duplicate) builder.Append(Normalized(text));
            else builder.Append(utf8.Trim(" \t\r\n"u8));
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static byte[] Normalized(string text) => Encoding.UTF8.GetBytes(JsonText.Parse(text)!.ToJsonString());

    /// <summary>
    /// Reads the object or array the reader stands on to its end; true when one of its objects names a key twice (or
    /// writes a key with escapes, which is then treated the same way: rebuilt, at no risk). With
    /// <paramref name="checkStrings"/>, a string that cannot be decoded (a lone surrogate escape) fails as JSON does.
    /// </summary>
    private bool Walk(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, bool checkStrings)
    {
        var depth = reader.CurrentDepth;
        var duplicate = false;
        _names.Clear();
        _objects.Clear();
        if (reader.TokenType == JsonTokenType.StartObject) _objects.Push(0);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    _objects.Push(_names.Count);
                    break;
                case JsonTokenType.EndObject:
                    var first = _objects.Pop();
                    _names.RemoveRange(first, _names.Count - first);
                    if (reader.CurrentDepth == depth) return duplicate;
                    break;
                case JsonTokenType.EndArray:
                    if (reader.CurrentDepth == depth) return duplicate;
                    break;
                case JsonTokenType.PropertyName:
                    if (reader.ValueIsEscaped || reader.HasValueSequence)
                    {
                        duplicate = true;
                        break;
                    }
                    var name = reader.ValueSpan;
                    for (var i = _objects.Peek(); i < _names.Count && !duplicate; i++)
                        duplicate = json.Slice(_names[i].Start, _names[i].Length).SequenceEqual(name);
                    _names.Add(((int)reader.TokenStartIndex + 1, name.Length));
                    break;
                case JsonTokenType.String when checkStrings && reader.ValueIsEscaped:
                    try
                    {
                        _ = reader.GetString();
                    }
                    catch (InvalidOperationException e)
                    {
                        throw new JsonException("the JSON text holds an invalid string (a lone surrogate?)", e);
                    }
                    break;
            }
        }
        return duplicate;
    }
}
