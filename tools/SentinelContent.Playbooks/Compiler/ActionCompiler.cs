using System.Text.Json.Nodes;
using SentinelContent.Format;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Yaml;
using SentinelContent.Playbooks.Diagnostics;
using SentinelContent.Playbooks.Format;
using SentinelContent.Playbooks.Json;

namespace SentinelContent.Playbooks.Compiler;

/// <summary>
/// Compiles YAML action lists into the WDL map of actions. In a list, an action without runAfter runs after
/// the previous action succeeded (the first one runs first), which is what most playbooks do; runAfter
/// overrides it. Nested lists (if, switch, foreach, until, scope) compile the same way.
/// </summary>
internal sealed class ActionCompiler(SourceMap map, IList<Diagnostic> diagnostics)
{
    private readonly FormatChecker _checker = new(diagnostics, RequiredFor.All);

    // Logic Apps names actions across the whole workflow (conditions and loops included), ignoring case.
    private readonly Dictionary<string, YamlNode> _names = new(StringComparer.OrdinalIgnoreCase);

    public JsonObject CompileList(YamlNode? node, string path, bool checkShape)
    {
        var actions = new JsonObject();
        if (node is null or YamlScalar { IsNull: true }) return actions;
        map.Record(actions, node);
        if (node is not YamlSequence list)
        {
            // At the top level the format checker has already said so.
            if (checkShape) Report(node, $"'{path}' must be a list of actions, but it is {node.KindName}");
            return actions;
        }
        string? previous = null;
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is not YamlMapping item)
            {
                Report(list.Items[i], $"'{path}[{i}]' must be an action (a mapping with name and a kind), but it is {list.Items[i].KindName}");
                continue;
            }
            if (checkShape) _checker.CheckObject(item, PlaybookFormat.Action, $"{path}[{i}]");
            var name = (item["name"] as YamlScalar)?.Value;
            if (string.IsNullOrEmpty(name)) continue;
            if (_names.TryGetValue(name, out var first))
            {
                diagnostics.Add(Diagnostic.Create(PlaybookDiagnostics.DuplicateActionName, item["name"]!.Location, name, first.Location.Start.Line));
                previous = name;
                continue;
            }
            _names[name] = item["name"]!;
            actions[name] = CompileAction(item, name, previous, path);
            previous = name;
        }
        return actions;
    }

    private JsonObject CompileAction(YamlMapping item, string name, string? previous, string path)
    {
        var action = new JsonObject();
        map.Record(action, item);
        var kinds = item.Entries.Where(e => e.Key.Value == "type" || ActionKinds.FromKeyword(e.Key.Value) is not null).ToList();
        if (kinds.Count != 1)
        {
            diagnostics.Add(Diagnostic.Create(PlaybookDiagnostics.ActionKindMissing, item.Location, name,
                "one of " + string.Join(", ", ActionKinds.All.Select(k => k.Keyword)) + " or type",
                kinds.Count == 0 ? "none" : string.Join(", ", kinds.Select(k => k.Key.Value))));
        }
        var kindEntry = kinds.FirstOrDefault();
        if (kindEntry is not null && kindEntry.Key.Value == "type")
        {
            // The raw form is the Logic Apps action as it is: every property but name and runAfter is copied.
            foreach (var entry in item.Entries)
            {
                if (entry.Key.Value is not ("name" or "runAfter")) action[entry.Key.Value] = YamlToJson.Convert(entry.Value, map);
            }
        }
        else if (kindEntry is not null && ActionKinds.FromKeyword(kindEntry.Key.Value) is { } kind)
        {
            action["type"] = kind.WdlType;
            if (kind.Shape == ActionShape.Inputs) action["inputs"] = CompileInputs(kind, kindEntry.Value);
            else CompileControl(kind, kindEntry.Value, action, $"{path}.{name}");
        }

        action["runAfter"] = CompileRunAfter(item.Find("runAfter"), previous);
        foreach (var property in ActionKinds.PassThroughProperties)
        {
            if (item.Find(property) is { } entry && !action.ContainsKey(property)) action[property] = YamlToJson.Convert(entry.Value, map);
        }
        return action;
    }

    /// <summary>Inputs are copied; a connector's <c>connection: KEY</c> becomes the <c>host</c> object Logic Apps expects.</summary>
    private JsonNode? CompileInputs(ActionKind kind, YamlNode value)
    {
        var inputs = YamlToJson.Convert(value, map);
        if (!kind.UsesConnection || inputs is not JsonObject obj || value is not YamlMapping mapping) return inputs;
        if (mapping.Find("connection") is not { } connection) return inputs;
        if (connection.Value is not YamlScalar { IsNull: false } key)
        {
            Report(connection.Value, "connection must be the key of a declared connection (for example azuresentinel)");
            return inputs;
        }
        var rebuilt = new JsonObject();
        map.Record(rebuilt, mapping);
        foreach (var (property, child) in obj)
        {
            if (property == "connection")
            {
                var reference = JsonValue.Create(WorkflowNames.ConnectionReference(key.Value));
                map.Record(reference, key);
                var host = new JsonObject { ["connection"] = new JsonObject { ["name"] = reference } };
                map.Record(host, key);
                rebuilt["host"] = host;
            }
            else
            {
                rebuilt[property] = child?.DeepClone();
                if (child is not null && rebuilt[property] is { } copy) Remap(child, copy);
            }
        }
        return rebuilt;
    }

    /// <summary>DeepClone makes new nodes; carry the source positions over to them.</summary>
    private void Remap(JsonNode original, JsonNode copy)
    {
        if (map.OriginOf(original) is { } origin) map.Record(copy, origin);
        switch (original, copy)
        {
            case (JsonObject a, JsonObject b):
                foreach (var (key, child) in a) if (child is not null && b[key] is { } other) Remap(child, other);
                break;
            case (JsonArray a, JsonArray b):
                for (var i = 0; i < a.Count; i++) if (a[i] is { } child && b[i] is { } other) Remap(child, other);
                break;
        }
    }

    private void CompileControl(ActionKind kind, YamlNode value, JsonObject action, string path)
    {
        if (value is not YamlMapping mapping)
        {
            Report(value, $"'{kind.Keyword}' must be a mapping with {string.Join(", ", kind.Fields.Select(f => f.YamlName))}, but it is {value.KindName}");
            return;
        }
        foreach (var entry in mapping.Entries)
        {
            if (kind.Fields.All(f => f.YamlName != entry.Key.Value))
                Report(entry.Key, $"'{entry.Key.Value}' is not a field of {kind.Keyword}; its fields are {string.Join(", ", kind.Fields.Select(f => f.YamlName))}");
        }
        foreach (var field in kind.Fields)
        {
            var entry = mapping.Find(field.YamlName);
            if (entry is null)
            {
                if (field.Required) Report(mapping, $"{kind.Keyword} needs '{field.YamlName}'");
                else if (field.Kind == ControlFieldKind.Actions) action[field.WdlName] = new JsonObject();
                continue;
            }
            action[field.WdlName] = field.Kind switch
            {
                ControlFieldKind.Value => YamlToJson.Convert(entry.Value, map),
                ControlFieldKind.Actions => CompileList(entry.Value, $"{path}.{field.YamlName}", checkShape: true),
                ControlFieldKind.WrappedActions => Wrap(CompileList(entry.Value, $"{path}.{field.YamlName}", checkShape: true), entry.Value),
                ControlFieldKind.Cases => CompileCases(entry.Value, $"{path}.{field.YamlName}"),
                _ => null,
            };
        }
    }

    private JsonObject Wrap(JsonObject actions, YamlNode origin)
    {
        var wrapper = new JsonObject { ["actions"] = actions };
        map.Record(wrapper, origin);
        return wrapper;
    }

    private JsonObject CompileCases(YamlNode node, string path)
    {
        var cases = new JsonObject();
        map.Record(cases, node);
        if (node is not YamlMapping mapping)
        {
            Report(node, "cases must be a mapping CASE_NAME: {case: VALUE, actions: [...]}");
            return cases;
        }
        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is not YamlMapping body || body.Find("case") is not { } value)
            {
                Report(entry.Value, $"the case '{entry.Key.Value}' must be a mapping with case: VALUE and actions");
                continue;
            }
            foreach (var field in body.Entries.Where(e => e.Key.Value is not ("case" or "actions")))
                Report(field.Key, $"'{field.Key.Value}' is not a field of a switch case (case, actions)");
            var compiled = new JsonObject
            {
                ["case"] = YamlToJson.Convert(value.Value, map),
                ["actions"] = CompileList(body["actions"], $"{path}.{entry.Key.Value}.actions", checkShape: true),
            };
            map.Record(compiled, body);
            cases[entry.Key.Value] = compiled;
        }
        return cases;
    }

    /// <summary>runAfter as written (a mapping of statuses or a list of names), or the previous action succeeded.</summary>
    private JsonObject CompileRunAfter(YamlEntry? entry, string? previous)
    {
        var runAfter = new JsonObject();
        if (entry is null)
        {
            if (previous is not null) runAfter[previous] = new JsonArray("Succeeded");
            return runAfter;
        }
        map.Record(runAfter, entry.Value);
        switch (entry.Value)
        {
            case YamlMapping mapping:
                foreach (var target in mapping.Entries)
                {
                    var statuses = new JsonArray();
                    if (target.Value is YamlSequence list)
                    {
                        foreach (var status in list.Items) statuses.Add(YamlToJson.Convert(status, map));
                    }
                    else
                    {
                        statuses.Add(YamlToJson.Convert(target.Value, map));
                    }
                    map.Record(statuses, target.Key);
                    runAfter[target.Key.Value] = statuses;
                }
                break;
            case YamlSequence names:
                foreach (var name in names.Items)
                {
                    if (name is not YamlScalar scalar) { Report(name, "runAfter lists action names"); continue; }
                    var statuses = new JsonArray("Succeeded");
                    map.Record(statuses, scalar);
                    runAfter[scalar.Value] = statuses;
                }
                break;
            case YamlScalar { IsNull: true }:
                break;
            default:
                Report(entry.Value, "runAfter must be a mapping {Action: [Succeeded, Failed, ...]} or a list of action names");
                break;
        }
        return runAfter;
    }

    private void Report(YamlNode at, string message) =>
        diagnostics.Add(Diagnostic.Create(PlaybookDiagnostics.InvalidActionValue, at.Location, message));
}
