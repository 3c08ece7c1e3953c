using System.Text.Json.Nodes;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Yaml;
using SentinelContent.Playbooks.Diagnostics;
using SentinelContent.Playbooks.Format;
using SentinelContent.Playbooks.Json;

namespace SentinelContent.Playbooks.Compiler;

/// <summary>Compiles the trigger: a Sentinel connector trigger from its short form, or a raw Logic Apps trigger.</summary>
internal static class TriggerCompiler
{
    public static JsonObject Compile(YamlNode node, SourceMap map, IList<Diagnostic> diagnostics)
    {
        var triggers = new JsonObject();
        map.Record(triggers, node);
        switch (node)
        {
            case YamlScalar { IsNull: false } scalar:
                if (SentinelTriggers.Find(scalar.Value) is { } kind && !kind.TakesEntityType)
                    Add(triggers, kind.DefaultName, Sentinel(kind, null, WorkflowNames.SentinelApi, node, map), node, map);
                else
                    Report(diagnostics, node, scalar.Value == "entity"
                        ? "the entity trigger needs its entity type: trigger: {sentinel: entity, entityType: Account}"
                        : $"unknown trigger '{scalar.Value}'; use incident, alert, a mapping {{sentinel: entity, entityType: ...}} or a raw trigger {{name, type, ...}}");
                break;
            case YamlMapping mapping when mapping.Find("sentinel") is { } sentinel:
                CompileSentinel(mapping, sentinel, triggers, map, diagnostics);
                break;
            case YamlMapping mapping when mapping.Find("type") is not null:
                CompileRaw(mapping, triggers, map, diagnostics);
                break;
            default:
                Report(diagnostics, node, "the trigger must be incident, alert, {sentinel: incident|alert|entity, ...} or a raw trigger with name and type");
                break;
        }
        return triggers;
    }

    private static void CompileSentinel(YamlMapping mapping, YamlEntry sentinel, JsonObject triggers, SourceMap map, IList<Diagnostic> diagnostics)
    {
        var kindText = (sentinel.Value as YamlScalar)?.Value ?? string.Empty;
        if (SentinelTriggers.Find(kindText) is not { } kind)
        {
            Report(diagnostics, sentinel.Value, $"unknown Sentinel trigger '{kindText}'; use incident, alert or entity");
            return;
        }
        string? entityType = null;
        var connection = WorkflowNames.SentinelApi;
        var name = kind.DefaultName;
        foreach (var entry in mapping.Entries)
        {
            var text = (entry.Value as YamlScalar)?.Value;
            switch (entry.Key.Value)
            {
                case "sentinel": break;
                case "entityType" when kind.TakesEntityType && !string.IsNullOrEmpty(text): entityType = text; break;
                case "connection" when !string.IsNullOrEmpty(text): connection = text; break;
                case "name" when !string.IsNullOrEmpty(text): name = text; break;
                default:
                    Report(diagnostics, entry.Key, $"'{entry.Key.Value}' is not a field of the {kind.Kind} trigger here (fields: sentinel, {(kind.TakesEntityType ? "entityType, " : string.Empty)}connection, name)");
                    break;
            }
        }
        if (kind.TakesEntityType && entityType is null)
        {
            Report(diagnostics, mapping, "the entity trigger needs entityType (Account, Host, IP, URL, FileHash, DNS...)");
            return;
        }
        Add(triggers, name, Sentinel(kind, entityType, connection, mapping, map), mapping, map);
    }

    private static void CompileRaw(YamlMapping mapping, JsonObject triggers, SourceMap map, IList<Diagnostic> diagnostics)
    {
        var name = (mapping["name"] as YamlScalar)?.Value;
        if (string.IsNullOrEmpty(name))
        {
            Report(diagnostics, mapping, "a raw trigger needs a name");
            return;
        }
        var trigger = new JsonObject();
        foreach (var entry in mapping.Entries)
        {
            if (entry.Key.Value == "name") continue;
            trigger[entry.Key.Value] = YamlToJson.Convert(entry.Value, map);
        }
        Add(triggers, name, trigger, mapping, map);
    }

    /// <summary>The webhook trigger exactly as the designer writes it (fact sheet §3.1).</summary>
    public static JsonObject Sentinel(SentinelTrigger kind, string? entityType, string connection, YamlNode origin, SourceMap map)
    {
        var trigger = new JsonObject
        {
            ["type"] = "ApiConnectionWebhook",
            ["inputs"] = new JsonObject
            {
                ["body"] = new JsonObject { ["callback_url"] = WorkflowNames.CallbackUrl },
                ["host"] = new JsonObject { ["connection"] = new JsonObject { ["name"] = WorkflowNames.ConnectionReference(connection) } },
                ["path"] = kind.PathFor(entityType),
            },
        };
        RecordAll(trigger, origin, map);
        return trigger;
    }

    /// <summary>Generated values point at the YAML that asked for them.</summary>
    internal static void RecordAll(JsonNode node, YamlNode origin, SourceMap map)
    {
        map.Record(node, origin);
        switch (node)
        {
            case JsonObject obj: foreach (var (_, child) in obj) if (child is not null) RecordAll(child, origin, map); break;
            case JsonArray array: foreach (var child in array) if (child is not null) RecordAll(child, origin, map); break;
        }
    }

    private static void Add(JsonObject triggers, string name, JsonObject trigger, YamlNode origin, SourceMap map)
    {
        triggers[name] = trigger;
        map.Record(trigger, origin);
    }

    private static void Report(IList<Diagnostic> diagnostics, YamlNode at, string message) =>
        diagnostics.Add(Diagnostic.Create(PlaybookDiagnostics.InvalidTrigger, at.Location, message));
}
