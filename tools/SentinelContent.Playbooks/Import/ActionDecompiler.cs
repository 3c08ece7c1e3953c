using System.Text.Json.Nodes;
using SentinelContent.Playbooks.Compiler;
using SentinelContent.Playbooks.Format;
using SentinelContent.Playbooks.Json;

namespace SentinelContent.Playbooks.Import;

/// <summary>
/// Turns a WDL map of actions back into the YAML action list: ordered so that runAfter follows the list where it
/// can (then it is left out), using the catalog's keywords where the action has exactly the catalog's shape and
/// the raw <c>type:</c> form otherwise, so that nothing is lost.
/// </summary>
internal static class ActionDecompiler
{
    public static JsonArray DecompileList(JsonObject actions)
    {
        var list = new JsonArray();
        string? previous = null;
        foreach (var name in Order(actions))
        {
            var action = (JsonObject)actions[name]!;
            list.Add(DecompileAction(name, action, previous));
            previous = name;
        }
        return list;
    }

    private static JsonObject DecompileAction(string name, JsonObject action, string? previous)
    {
        var yaml = new JsonObject { ["name"] = name };
        var type = action["type"] is JsonValue t && t.TryGetValue<string>(out var text) ? text : null;
        var kind = type is null ? null : ActionKinds.FromType(type);
        var sugared = kind is not null && kind.WdlType == type && TrySugar(kind, action, yaml);
        if (!sugared)
        {
            yaml.Remove(kind?.Keyword ?? string.Empty);
            foreach (var (key, value) in action)
            {
                if (key is "runAfter") continue;
                yaml[key] = value?.DeepClone();
            }
        }

        var runAfter = action["runAfter"] as JsonObject ?? [];
        var implied = previous is null ? new JsonObject() : new JsonObject { [previous] = new JsonArray("Succeeded") };
        if (JsonEquivalence.FirstDifference(implied, runAfter) is not null) yaml["runAfter"] = runAfter.DeepClone();
        if (action["runAfter"] is not null and not JsonObject) yaml["runAfter"] = action["runAfter"]!.DeepClone();

        if (sugared)
        {
            foreach (var property in ActionKinds.PassThroughProperties)
            {
                if (action.TryGetPropertyValue(property, out var value) && !(kind!.Fields.Any(f => f.WdlName == property))) yaml[property] = value?.DeepClone();
            }
        }
        return yaml;
    }

    /// <summary>Writes the keyword form when every property of the action has a place in it; false otherwise.</summary>
    private static bool TrySugar(ActionKind kind, JsonObject action, JsonObject yaml)
    {
        var controlNames = kind.Fields.Select(f => f.WdlName).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, _) in action)
        {
            var known = key is "type" or "runAfter" || (kind.Shape == ActionShape.Inputs && key == "inputs") || controlNames.Contains(key) || ActionKinds.PassThroughProperties.Contains(key);
            if (!known) return false;
        }
        if (kind.Shape == ActionShape.Inputs)
        {
            if (!action.ContainsKey("inputs")) return false;
            yaml[kind.Keyword] = kind.UsesConnection ? SugarConnection(action["inputs"]) : action["inputs"]?.DeepClone();
            return true;
        }

        var value = new JsonObject();
        foreach (var field in kind.Fields)
        {
            if (!action.TryGetPropertyValue(field.WdlName, out var wdl))
            {
                // The compiler writes an empty list for a missing action list; keep the original exact instead.
                if (field.Kind == ControlFieldKind.Actions) return false;
                continue;
            }
            switch (field.Kind)
            {
                case ControlFieldKind.Value:
                    value[field.YamlName] = wdl?.DeepClone();
                    break;
                case ControlFieldKind.Actions when wdl is JsonObject actions:
                    value[field.YamlName] = DecompileList(actions);
                    break;
                case ControlFieldKind.WrappedActions when wdl is JsonObject { Count: 1 } wrapper && wrapper["actions"] is JsonObject inner:
                    value[field.YamlName] = DecompileList(inner);
                    break;
                case ControlFieldKind.Cases when wdl is JsonObject cases && DecompileCases(cases) is { } yamlCases:
                    value[field.YamlName] = yamlCases;
                    break;
                default:
                    return false;
            }
        }
        yaml[kind.Keyword] = value;
        return true;
    }

    private static JsonObject? DecompileCases(JsonObject cases)
    {
        var result = new JsonObject();
        foreach (var (name, body) in cases)
        {
            if (body is not JsonObject c || !c.ContainsKey("case") || c["actions"] is not JsonObject actions || c.Count != 2) return null;
            result[name] = new JsonObject { ["case"] = c["case"]?.DeepClone(), ["actions"] = DecompileList(actions) };
        }
        return result;
    }

    /// <summary>host: {connection: {name: @parameters('$connections')['KEY']['connectionId']}} becomes connection: KEY.</summary>
    private static JsonNode? SugarConnection(JsonNode? inputs)
    {
        if (inputs is not JsonObject obj || obj.ContainsKey("connection")) return inputs?.DeepClone();
        if (obj["host"] is not JsonObject { Count: 1 } host || host["connection"] is not JsonObject { Count: 1 } connection) return inputs.DeepClone();
        if (connection["name"] is not JsonValue reference || !reference.TryGetValue<string>(out var text) || WorkflowNames.ConnectionKeyOf(text) is not { } key)
            return inputs.DeepClone();
        var result = new JsonObject();
        foreach (var (property, value) in obj)
        {
            if (property == "host") result["connection"] = key;
            else result[property] = value?.DeepClone();
        }
        return result;
    }

    /// <summary>
    /// A topological order of the container's runAfter graph. Among the actions that may come next, the one that
    /// runs right after the last one placed wins (its runAfter is then implied), else the earliest in the source.
    /// Actions in a cycle or waiting on unknown names keep their source order at the end (their runAfter is written out).
    /// </summary>
    internal static List<string> Order(JsonObject actions)
    {
        var names = actions.Select(a => a.Key).ToList();
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        var waitsFor = names.ToDictionary(n => n, n => (actions[n] as JsonObject).Get("runAfter") is JsonObject r ? r.Select(p => p.Key).Where(index.ContainsKey).ToHashSet() : [], StringComparer.Ordinal);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<string>();
        string? last = null;
        while (order.Count < names.Count)
        {
            var ready = names.Where(n => !placed.Contains(n) && waitsFor[n].All(placed.Contains)).ToList();
            if (ready.Count == 0) break;
            var next = ready.FirstOrDefault(n => last is not null && waitsFor[n].Count == 1 && waitsFor[n].Contains(last) && ImpliedBy(actions[n], last)) ?? ready[0];
            order.Add(next);
            placed.Add(next);
            last = next;
        }
        order.AddRange(names.Where(n => !placed.Contains(n)));
        return order;
    }

    private static bool ImpliedBy(JsonNode? action, string previous) =>
        action.Get("runAfter") is JsonObject { Count: 1 } r && r[previous] is JsonArray { Count: 1 } s && s[0] is JsonValue v && v.TryGetValue<string>(out var status) && status == "Succeeded";
}
