using System.Text.Json;
using System.Text.Json.Nodes;

namespace SentinelContent.Kql.Data;

/// <summary>
/// JSON text as a dynamic value, for parse_json/todynamic and for dynamic columns read from data. System.Text.Json's
/// JsonNode parses lazily and throws on a duplicate key only when the object is first read, far from the parse (an
/// internal error in the middle of a query); strings with a lone surrogate escape (\ud800) fail the same way. Here
/// a duplicate key takes the last value, as Newtonsoft-based readers (and so, as far as the reference shows, Kusto)
/// do, and text that cannot become a value is reported at once as <see cref="JsonException"/>.
/// </summary>
public static class JsonText
{
    /// <summary>The nesting a dynamic value may have; deeper JSON is refused (it is also where recursion is bounded).</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };
    private static readonly JsonDocumentOptions Lenient = new() { MaxDepth = MaxDepth };

    /// <summary>The value of <paramref name="text"/>; a duplicate key keeps its last value.</summary>
    /// <exception cref="JsonException">The text is not JSON, is nested too deeply, or holds invalid Unicode.</exception>
    public static JsonNode? Parse(string text)
    {
        try
        {
            var node = JsonNode.Parse(text, documentOptions: Strict);
            Touch(node);
            return node;
        }
        catch (JsonException)
        {
            // Duplicate keys (or invalid JSON): build the value from the document, last key wins; invalid JSON throws again here.
            using var document = JsonDocument.Parse(text, Lenient);
            return FromElement(document.RootElement);
        }
        catch (InvalidOperationException e)
        {
            throw new JsonException("the JSON text holds an invalid string (a lone surrogate?)", e);
        }
    }

    /// <summary>Reads every string once, so invalid escapes fail here rather than later.</summary>
    private static void Touch(JsonNode? node)
    {
        var pending = new Stack<JsonNode?>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject o:
                    foreach (var (_, value) in o) pending.Push(value);
                    break;
                case JsonArray a:
                    foreach (var item in a) pending.Push(item);
                    break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                    _ = v.GetValue<string>();
                    break;
            }
        }
    }

    private static JsonNode? FromElement(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var obj = new JsonObject();
                    foreach (var property in element.EnumerateObject()) obj[property.Name] = FromElement(property.Value);
                    return obj;
                case JsonValueKind.Array:
                    var array = new JsonArray();
                    foreach (var item in element.EnumerateArray()) array.Add(FromElement(item));
                    return array;
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    return null;
                case JsonValueKind.String:
                    return JsonValue.Create(element.GetString());
                default:
                    return JsonNode.Parse(element.GetRawText());
            }
        }
        catch (InvalidOperationException e)
        {
            throw new JsonException("the JSON text holds an invalid string (a lone surrogate?)", e);
        }
    }
}
