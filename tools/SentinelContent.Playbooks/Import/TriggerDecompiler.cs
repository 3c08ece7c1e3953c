using System.Text.Json.Nodes;
using SentinelContent.Playbooks.Compiler;
using SentinelContent.Playbooks.Format;
using SentinelContent.Playbooks.Json;

namespace SentinelContent.Playbooks.Import;

/// <summary>Writes the trigger in its short Sentinel form when it is exactly the designer's Sentinel webhook, raw otherwise.</summary>
internal static class TriggerDecompiler
{
    public static JsonNode Decompile(string name, JsonObject trigger)
    {
        foreach (var kind in SentinelTriggers.All)
        {
            var entityType = kind.TakesEntityType ? EntityTypeOf(trigger) : null;
            if (kind.TakesEntityType && entityType is null) continue;
            var connection = ConnectionOf(trigger);
            if (connection is null) continue;
            var expected = TriggerCompiler.Sentinel(kind, entityType, connection, new Core.Yaml.YamlScalar(Core.Text.SourceLocation.FileOnly(string.Empty), string.Empty, Core.Yaml.YamlScalarStyle.Plain, null), new SourceMap());
            if (JsonEquivalence.FirstDifference(expected, trigger) is not null) continue;

            if (!kind.TakesEntityType && connection == WorkflowNames.SentinelApi && name == kind.DefaultName) return JsonValue.Create(kind.Kind)!;
            var sugar = new JsonObject { ["sentinel"] = kind.Kind };
            if (entityType is not null) sugar["entityType"] = entityType;
            if (connection != WorkflowNames.SentinelApi) sugar["connection"] = connection;
            if (name != kind.DefaultName) sugar["name"] = name;
            return sugar;
        }
        var raw = new JsonObject { ["name"] = name };
        foreach (var (key, value) in trigger) raw[key] = value?.DeepClone();
        return raw;
    }

    private static string? ConnectionOf(JsonObject trigger) =>
        trigger["inputs"].Get("host").Get("connection").Get("name") is JsonValue v && v.TryGetValue<string>(out var text) ? WorkflowNames.ConnectionKeyOf(text) : null;

    private static string? EntityTypeOf(JsonObject trigger)
    {
        const string prefix = "/entity/@{encodeURIComponent('";
        const string suffix = "')}";
        if (trigger["inputs"].Get("path") is not JsonValue v || !v.TryGetValue<string>(out var path)) return null;
        if (!path.StartsWith(prefix, StringComparison.Ordinal) || !path.EndsWith(suffix, StringComparison.Ordinal)) return null;
        var type = path[prefix.Length..^suffix.Length];
        return type.Length > 0 && type.All(char.IsAsciiLetterOrDigit) ? type : null;
    }
}
