using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelContent.Playbooks.Compiler;
using SentinelContent.Playbooks.Json;

namespace SentinelContent.Playbooks.Import;

/// <summary>
/// Turns an ARM template holding one Logic App (an exported or hand-written Sentinel playbook) into playbook
/// YAML. Everything Logic Apps reads is kept: what has no short form is written raw, so build gives the same
/// workflow definition back (the round trip the tests measure on the corpus).
/// </summary>
public static class ArmPlaybookImporter
{
    /// <summary>Templates are a few hundred kilobytes at most; this bounds what the JSON parser sees.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    private static readonly HashSet<string> DefinitionKeys = ["$schema", "contentVersion", "parameters", "triggers", "actions", "outputs", "staticResults"];

    public static ImportResult Import(string json, string fileName)
    {
        if (json.Length > MaxBytes) return ImportResult.Fail($"the file is larger than {MaxBytes:N0} characters");
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 256, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return ImportResult.Fail($"not valid JSON: {e.Message}");
        }
        if (root is not JsonObject template || template["resources"] is not JsonArray resources)
            return ImportResult.Fail("not an ARM template (no resources list)");

        var workflows = resources.OfType<JsonObject>().Where(r => Text(r["type"]) is { } t && t.Equals("Microsoft.Logic/workflows", StringComparison.OrdinalIgnoreCase)).ToList();
        if (workflows.Count != 1) return ImportResult.Fail($"the template holds {workflows.Count} Logic Apps; import takes exactly one");
        var workflow = workflows[0];
        if (workflow["properties"].Get("definition") is not JsonObject definition) return ImportResult.Fail("the Logic App has no properties.definition");

        var unknown = definition.Select(p => p.Key).Where(k => !DefinitionKeys.Contains(k)).ToList();
        if (unknown.Count > 0) return ImportResult.Fail($"the definition has properties the format does not carry: {string.Join(", ", unknown)}");
        if (definition["triggers"] is not JsonObject triggers || triggers.Count != 1)
            return ImportResult.Fail($"the definition has {(definition["triggers"] as JsonObject)?.Count ?? 0} triggers; a playbook has exactly one");
        if (definition["actions"] is not JsonObject actions) return ImportResult.Fail("the definition has no actions map");
        if (!AllActionsAreObjects(actions)) return ImportResult.Fail("an action is not a JSON object");

        var templateParameters = template["parameters"] as JsonObject ?? [];
        var (name, nameParameter) = NameOf(workflow, templateParameters, fileName);
        if (!Format.PlaybookFormat.IsValidLogicAppName(name))
            return ImportResult.Fail($"the Logic App's name '{Core.Text.TerminalText.Escape(name)}' is not a valid Logic App name (1 to 80 letters, digits, '-', '_', '.', '(' and ')', not ending in '.')");
        var yaml = new JsonObject { ["name"] = name };
        if (Text(template["metadata"].Get("description")) is { Length: > 0 } description) yaml["description"] = description;
        var (triggerName, trigger) = triggers.First();
        if (trigger is not JsonObject triggerObject) return ImportResult.Fail("the trigger is not a JSON object");
        yaml["trigger"] = TriggerDecompiler.Decompile(triggerName, triggerObject);
        if (workflow["identity"] is null) yaml["identity"] = "none";
        else if (Text(workflow["identity"].Get("type")) is not "SystemAssigned") return ImportResult.Fail("only a system-assigned identity (or none) is carried by the format");

        var workflowParameters = workflow["properties"].Get("parameters") as JsonObject ?? [];
        var parameters = Parameters(definition["parameters"] as JsonObject, workflowParameters);
        if (parameters.Count > 0) yaml["parameters"] = parameters;
        var connections = Connections(workflowParameters["$connections"].Get("value") as JsonObject);
        if (connections.Count > 0) yaml["connections"] = connections;
        if (workflow["tags"] is JsonObject tags && tags.Count > 0 && tags.All(t => t.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String)) yaml["tags"] = tags.DeepClone();

        var extraParameters = new JsonObject();
        foreach (var (key, value) in templateParameters) if (key != nameParameter) extraParameters[key] = value?.DeepClone();
        var extra = new JsonObject();
        if (extraParameters.Count > 0) extra["parameters"] = extraParameters;
        if (template["variables"] is JsonObject { Count: > 0 } variables) extra["variables"] = variables.DeepClone();
        if (extra.Count > 0) yaml["template"] = extra;

        yaml["actions"] = ActionDecompiler.DecompileList(actions);
        if (definition["outputs"] is JsonObject { Count: > 0 } outputs) yaml["outputs"] = outputs.DeepClone();
        if (definition["staticResults"] is { } staticResults) yaml["staticResults"] = staticResults.DeepClone();

        var text = JsonToYaml.Write(yaml, $"Imported from {fileName} by sentinelctl playbook import.\nyaml-language-server: $schema=../docs/schemas/playbook.schema.json");
        return new ImportResult(text, definition, workflowParameters["$connections"].Get("value") as JsonObject, null);
    }

    private static bool AllActionsAreObjects(JsonObject actions)
    {
        foreach (var (_, action) in actions)
        {
            if (action is not JsonObject obj) return false;
            foreach (var nested in NestedActionMaps(obj)) if (!AllActionsAreObjects(nested)) return false;
        }
        return true;
    }

    private static IEnumerable<JsonObject> NestedActionMaps(JsonObject action)
    {
        if (action["actions"] is JsonObject actions) yield return actions;
        if (action["else"].Get("actions") is JsonObject otherwise) yield return otherwise;
        if (action["default"].Get("actions") is JsonObject fallback) yield return fallback;
        if (action["cases"] is JsonObject cases)
            foreach (var (_, c) in cases) if (c.Get("actions") is JsonObject caseActions) yield return caseActions;
    }

    /// <summary>The Logic App name: the default of the parameter its name uses ([parameters('PlaybookName')]), or the literal name.</summary>
    private static (string Name, string? Parameter) NameOf(JsonObject workflow, JsonObject templateParameters, string fileName)
    {
        var raw = Text(workflow["name"]) ?? Path.GetFileNameWithoutExtension(fileName);
        const string prefix = "[parameters('";
        if (raw.StartsWith(prefix, StringComparison.Ordinal) && raw.EndsWith("')]", StringComparison.Ordinal))
        {
            var parameter = raw[prefix.Length..^3];
            return (Text(templateParameters[parameter].Get("defaultValue")) ?? Path.GetFileNameWithoutExtension(fileName), parameter);
        }
        return (raw.StartsWith('[') ? Path.GetFileNameWithoutExtension(fileName) : raw, null);
    }

    private static JsonObject Parameters(JsonObject? definitionParameters, JsonObject workflowParameters)
    {
        var result = new JsonObject();
        if (definitionParameters is null) return result;
        foreach (var (name, parameter) in definitionParameters)
        {
            if (name == WorkflowNames.ConnectionsParameter) continue;
            var copy = parameter?.DeepClone() as JsonObject ?? [];
            if (workflowParameters[name].Get("value") is { } value) copy["value"] = value.DeepClone();
            result[name] = copy;
        }
        return result;
    }

    private static JsonObject Connections(JsonObject? values)
    {
        var result = new JsonObject();
        if (values is null) return result;
        foreach (var (key, value) in values)
        {
            var api = ManagedApiOf(Text(value.Get("id"))) ?? key;
            var connection = new JsonObject();
            if (!string.Equals(api, key, StringComparison.Ordinal)) connection["api"] = api;
            var msi = Text(value.Get("connectionProperties").Get("authentication").Get("type")) == "ManagedServiceIdentity";
            connection["auth"] = msi ? "managedIdentity" : "consent";
            result[key] = connection;
        }
        return result;
    }

    /// <summary>The managed API name at the end of ".../managedApis/NAME" (inside an ARM expression or not).</summary>
    internal static string? ManagedApiOf(string? id)
    {
        if (id is null) return null;
        var at = id.LastIndexOf("managedApis/", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var rest = id[(at + "managedApis/".Length)..];
        var end = rest.IndexOfAny(['\'', ')', ']', '/', '"']);
        var api = end < 0 ? rest : rest[..end];
        return api.Length > 0 ? api : null;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
}
