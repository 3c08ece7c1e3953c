using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SentinelContent.Emulator;

/// <summary>
/// Request bodies as ARM reads them, so hostile input is a 400 with ARM's error body and never a 500 with none:
/// the body is read up to <see cref="MaxBodyBytes"/> whatever Content-Length says (a chunked body has none),
/// duplicate keys are refused (parsers disagree on which value wins), and every string is checked to be valid
/// Unicode (a lone surrogate escape, \ud800, fails only when read later). Members are read with
/// <see cref="Text"/> and <see cref="Member"/>, which answer null for a value of another type instead of throwing.
/// </summary>
public static class RequestJson
{
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    /// <summary>The body as a JSON object, or (null, status, message) for ARM's error.</summary>
    public static async Task<(JsonObject? Body, int Status, string? Problem)> ReadObjectAsync(HttpContext context)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var n = await context.Request.Body.ReadAsync(chunk, context.RequestAborted);
            if (n == 0) break;
            if (buffer.Length + n > MaxBodyBytes) return (null, 413, $"The request content is larger than {MaxBodyBytes:N0} bytes.");
            buffer.Write(chunk, 0, n);
        }
        try
        {
            if (JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), documentOptions: Options) is not JsonObject body)
                return (null, 400, "The request content was invalid and could not be deserialized: a JSON object is expected.");
            CheckStrings(body);
            return (body, 200, null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            return (null, 400, "The request content was invalid and could not be deserialized: " + Reason(e));
        }
    }

    /// <summary>A string member's value; null when absent or of another type.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A member of an object; null when <paramref name="node"/> is not an object (an array, a string...).</summary>
    public static JsonNode? Member(JsonNode? node, string name) => node is JsonObject o ? o[name] : null;

    private static string Reason(Exception e) => e switch
    {
        JsonException j when j.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase) => "a property name appears twice in one object.",
        JsonException => "it is not valid JSON.",
        _ => "a string is not valid Unicode (a lone surrogate?).",
    };

    /// <summary>Reads every property name and string once, so invalid escapes fail here, not in the middle of a write.</summary>
    private static void CheckStrings(JsonNode? node)
    {
        var pending = new Stack<JsonNode?>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        if (!IsValidUnicode(key)) throw new FormatException("invalid property name");
                        pending.Push(value);
                    }
                    break;
                case JsonArray a:
                    foreach (var item in a) pending.Push(item);
                    break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                    if (!IsValidUnicode(v.GetValue<string>())) throw new FormatException("invalid string");
                    break;
            }
        }
    }

    private static bool IsValidUnicode(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(text[i])) return false;
        }
        return true;
    }
}
