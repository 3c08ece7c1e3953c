using System.Globalization;
using System.Text.Json.Nodes;
using SentinelContent.Core.Yaml;

namespace SentinelContent.Playbooks.Json;

/// <summary>
/// Converts YAML values to JSON the way the YAML 1.2 core schema reads plain scalars (true, 42, 1.5, null),
/// while quoted and block scalars stay text. Every JSON node is recorded in the source map.
/// </summary>
public static class YamlToJson
{
    public static JsonNode? Convert(YamlNode node, SourceMap map)
    {
        switch (node)
        {
            case YamlMapping mapping:
                var obj = new JsonObject();
                foreach (var entry in mapping.Entries) obj[entry.Key.Value] = Convert(entry.Value, map);
                map.Record(obj, mapping);
                return obj;
            case YamlSequence sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Items) array.Add(Convert(item, map));
                map.Record(array, sequence);
                return array;
            case YamlScalar scalar:
                var value = Scalar(scalar);
                if (value is not null) map.Record(value, scalar);
                return value;
            default:
                return null;
        }
    }

    public static JsonValue? Scalar(YamlScalar scalar)
    {
        if (scalar.Style != YamlScalarStyle.Plain) return JsonValue.Create(scalar.Value);
        if (scalar.IsNull) return null;
        return PlainValue(scalar.Value);
    }

    /// <summary>The typed value of a plain scalar under the YAML 1.2 core schema.</summary>
    public static JsonValue PlainValue(string text)
    {
        if (text is "true" or "True" or "TRUE") return JsonValue.Create(true);
        if (text is "false" or "False" or "FALSE") return JsonValue.Create(false);
        if (IsInteger(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return JsonValue.Create(integer);
        if (IsDecimal(text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return JsonValue.Create(number);
        return JsonValue.Create(text);
    }

    /// <summary>True when YAML would read this text, written plain, as something other than the same text.</summary>
    public static bool WouldChangeType(string text) =>
        text.Length == 0 || text is "~" or "null" or "Null" or "NULL" || PlainValue(text).GetValueKind() != System.Text.Json.JsonValueKind.String
        || text.StartsWith("0x", StringComparison.Ordinal) || text.StartsWith("0o", StringComparison.Ordinal)
        || text is ".inf" or "-.inf" or ".nan" or ".NaN" or ".Inf";

    private static bool IsInteger(string text)
    {
        var start = text.Length > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
        if (start >= text.Length) return false;
        for (var i = start; i < text.Length; i++) if (!char.IsAsciiDigit(text[i])) return false;
        return true;
    }

    private static bool IsDecimal(string text)
    {
        var digits = false;
        var i = 0;
        if (i < text.Length && (text[i] == '-' || text[i] == '+')) i++;
        while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; digits = true; }
        if (i < text.Length && text[i] == '.') { i++; while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; digits = true; } }
        if (!digits) return false;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '-' || text[i] == '+')) i++;
            var exponent = false;
            while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; exponent = true; }
            if (!exponent) return false;
        }
        return i == text.Length;
    }
}
