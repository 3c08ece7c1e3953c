using System.Text.Json;
using System.Text.Json.Nodes;

namespace SentinelContent.Content.Format;

/// <summary>
/// Generates a JSON Schema (draft-07, what yaml-language-server reads) from a <see cref="FieldSpec"/> tree,
/// so editors complete fields and flag mistakes with the same rules as the validator.
/// </summary>
public static class JsonSchemaWriter
{
    // Editor-side patterns only: the validator checks these values with IsoDuration and Guid parsing, not regexes.
    private const string DurationPattern = "^P(\\d+W)?(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$";
    private const string GuidPattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    public static string Write(FieldSpec root, string id, string title, IReadOnlyList<string> scheduledOnly)
    {
        var schema = ObjectSchema(root, RequiredFor.All);
        var top = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["$id"] = id,
            ["title"] = title,
        };
        foreach (var (key, value) in schema) top[key] = value?.DeepClone();
        if (scheduledOnly.Count > 0)
        {
            top["if"] = new JsonObject { ["properties"] = new JsonObject { ["kind"] = new JsonObject { ["const"] = AnalyticsRuleFormat.Nrt } }, ["required"] = new JsonArray("kind") };
            top["else"] = new JsonObject { ["required"] = new JsonArray([.. scheduledOnly.Select(n => (JsonNode)n)]) };
        }
        return top.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>The analytics-rule schema, with Scheduled-only required fields expressed as if/else on kind.</summary>
    public static string WriteAnalyticsRuleSchema() => Write(
        AnalyticsRuleFormat.Root,
        "https://sentinelcontent.dev/schemas/analytics-rule.schema.json",
        "Microsoft Sentinel analytics rule (Azure-Sentinel YAML format)",
        [.. AnalyticsRuleFormat.Root.Fields.Where(f => f.Required == RequiredFor.Scheduled).Select(f => f.Name)]);

    private static JsonObject ObjectSchema(FieldSpec spec, RequiredFor requiredScope)
    {
        var properties = new JsonObject();
        foreach (var field in spec.Fields) properties[field.Name] = FieldSchema(field);
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["description"] = spec.Description,
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
        var required = spec.Fields.Where(f => (f.Required & requiredScope) == requiredScope && f.Required != RequiredFor.None).Select(f => (JsonNode)f.Name).ToArray();
        if (required.Length > 0) schema["required"] = new JsonArray(required);
        return schema;
    }

    private static JsonObject FieldSchema(FieldSpec field)
    {
        var schema = field.Type switch
        {
            FieldType.String => Limits(new JsonObject { ["type"] = "string" }, field),
            FieldType.Integer => Limits(new JsonObject { ["type"] = "integer" }, field),
            FieldType.Boolean => new JsonObject { ["type"] = "boolean" },
            FieldType.Duration => new JsonObject { ["type"] = "string", ["pattern"] = DurationPattern },
            FieldType.Guid => new JsonObject { ["type"] = "string", ["pattern"] = GuidPattern },
            FieldType.Enum => EnumSchema(field),
            FieldType.StringList => Limits(new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } }, field),
            FieldType.EnumList => Limits(new JsonObject { ["type"] = "array", ["items"] = EnumSchema(field) }, field),
            FieldType.ObjectList => Limits(new JsonObject { ["type"] = "array", ["items"] = ObjectSchema(field, RequiredFor.All) }, field),
            FieldType.Object => ObjectSchema(field, RequiredFor.All),
            FieldType.StringMap => Limits(new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "string" } }, field),
            _ => new JsonObject(),
        };
        schema["description"] = field.Source is null ? field.Description : $"{field.Description} (Source: {field.Source}.)";
        return schema;
    }

    private static JsonObject EnumSchema(FieldSpec field) =>
        new() { ["enum"] = new JsonArray([.. field.Values.Concat(field.Aliases.Keys).Select(v => (JsonNode)v)]) };

    private static JsonObject Limits(JsonObject schema, FieldSpec field)
    {
        var array = field.Type is FieldType.StringList or FieldType.EnumList or FieldType.ObjectList;
        var map = field.Type == FieldType.StringMap;
        if (field.MinLength is { } minLength) schema["minLength"] = minLength;
        if (field.MaxLength is { } maxLength) schema["maxLength"] = maxLength;
        if (field.Minimum is { } minimum) schema["minimum"] = minimum;
        if (field.Maximum is { } maximum) schema["maximum"] = maximum;
        if (field.MinItems is { } minItems) schema[map ? "minProperties" : "minItems"] = minItems;
        if (field.MaxItems is { } maxItems) schema[map ? "maxProperties" : array ? "maxItems" : "maxItems"] = maxItems;
        return schema;
    }
}
