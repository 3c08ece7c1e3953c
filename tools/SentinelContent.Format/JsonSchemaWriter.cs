using System.Text.Json;
using System.Text.Json.Nodes;

namespace SentinelContent.Format;

/// <summary>
/// Generates a JSON Schema (draft-07, what yaml-language-server reads) from a <see cref="FieldSpec"/> tree,
/// so editors complete fields and flag mistakes with the same rules as the validator.
/// </summary>
public static class JsonSchemaWriter
{
    // Editor-side patterns only: the validator checks these values with RuleDuration and Guid parsing, not regexes.
    // ISO 8601, or Azure-Sentinel's short form (5m, 1h, 14d).
    private const string DurationPattern = "^(P(\\d+W)?(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?|\\d+[mhd])$";
    private const string GuidPattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    /// <summary>
    /// The schema of a document whose root fields are <paramref name="root"/>'s. Fields required in one variant only
    /// (an analytics rule's Scheduled-only fields) are expressed with <paramref name="requiredUnless"/> as if/else.
    /// </summary>
    public static string Write(FieldSpec root, string id, string title, RequiredUnless? requiredUnless = null)
    {
        var schema = ObjectSchema(root, RequiredFor.All);
        var top = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["$id"] = id,
            ["title"] = title,
        };
        foreach (var (key, value) in schema) top[key] = value?.DeepClone();
        if (requiredUnless is { Fields.Count: > 0 } condition)
        {
            top["if"] = new JsonObject
            {
                ["properties"] = new JsonObject { [condition.Field] = new JsonObject { ["const"] = condition.Value } },
                ["required"] = new JsonArray(condition.Field),
            };
            top["else"] = new JsonObject { ["required"] = new JsonArray([.. condition.Fields.Select(n => (JsonNode)n)]) };
        }
        return top.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

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
            FieldType.TagList => Limits(new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject
                {
                    ["oneOf"] = new JsonArray(
                        new JsonObject { ["type"] = "string" },
                        new JsonObject
                        {
                            ["type"] = "object",
                            ["additionalProperties"] = new JsonObject { ["type"] = new JsonArray("string", "number", "boolean") },
                        }),
                },
            }, field),
            _ => new JsonObject(),
        };
        schema["description"] = field.Source is null ? field.Description : $"{field.Description} (Source: {field.Source}.)";
        return schema;
    }

    private static JsonObject EnumSchema(FieldSpec field) =>
        new() { ["enum"] = new JsonArray([.. field.Values.Concat(field.Aliases.Keys).Select(v => (JsonNode)v)]) };

    private static JsonObject Limits(JsonObject schema, FieldSpec field)
    {
        var array = field.Type is FieldType.StringList or FieldType.EnumList or FieldType.ObjectList or FieldType.TagList;
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

/// <summary><see cref="Fields"/> are required unless the root field <see cref="Field"/> has the value <see cref="Value"/>.</summary>
public sealed record RequiredUnless(string Field, string Value, IReadOnlyList<string> Fields);
