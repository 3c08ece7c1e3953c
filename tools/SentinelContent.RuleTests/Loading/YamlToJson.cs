using System.Globalization;
using System.Text.Json.Nodes;
using SentinelContent.Core.Yaml;

namespace SentinelContent.RuleTests.Loading;

/// <summary>
/// Inline sample rows are written in YAML; the sample loader takes JSON values. Plain scalars become numbers,
/// booleans or null as YAML reads them; quoted scalars stay text; mappings and lists become objects and arrays.
/// </summary>
public static class YamlToJson
{
    public static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMapping map => new JsonObject(map.Entries.Select(e => new KeyValuePair<string, JsonNode?>(e.Key.Value, Convert(e.Value)))),
        YamlSequence seq => new JsonArray([.. seq.Items.Select(Convert)]),
        YamlScalar { IsNull: true } => null,
        YamlScalar { Style: YamlScalarStyle.Plain } s => Plain(s.Value),
        YamlScalar s => JsonValue.Create(s.Value),
        _ => null,
    };

    private static JsonNode Plain(string text)
    {
        if (text is "true" or "True" or "TRUE") return JsonValue.Create(true);
        if (text is "false" or "False" or "FALSE") return JsonValue.Create(false);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)) return JsonValue.Create(whole);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && !text.Contains(':')) return JsonValue.Create(real);
        return JsonValue.Create(text);
    }
}
