using System.Text.Json.Nodes;
using SentinelContent.Core.Input;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Desired;
using SentinelContent.Deploy.Desired.Playbooks;
using SentinelContent.Deploy.Targets;

namespace SentinelContent.Deploy.Export;

/// <summary>An automation rule in the repository's terms: the analytics rules whose incidents it handles and the playbooks it runs.</summary>
public sealed record AutomationRuleShape(
    string Id, string DisplayName, int Order, bool Enabled, string TriggersOn, string TriggersWhen,
    IReadOnlyList<string> AnalyticsRules, IReadOnlyList<string> Playbooks);

/// <summary>
/// An automation rule from the workspace as playbooks/exported/NAME.automation.yaml: the inverse of
/// <see cref="AutomationRuleKind"/>'s body, so an exported rule plans as unchanged. Only rules of the shape the
/// format carries are exported (one "related analytics rule ids contain" condition, actions that run playbooks).
/// </summary>
public static class AutomationRuleExport
{
    public const string Folder = "playbooks/exported";

    /// <summary>The rule in the repository's terms, or null when the format cannot express it. With a scope, playbooks must be in its resource group.</summary>
    public static AutomationRuleShape? Describe(ArmResource actual, WorkspaceScope? scope)
    {
        var p = actual.Properties;
        if (p["triggeringLogic"] is not JsonObject logic || logic["expirationTimeUtc"] is JsonValue) return null;
        if (logic["conditions"] is not JsonArray { Count: 1 } conditions || conditions[0] is not JsonObject condition) return null;
        if (Text(condition["conditionType"]) != "Property" || condition["conditionProperties"] is not JsonObject properties) return null;
        if (Text(properties["propertyName"]) != AutomationRuleKind.RelatedRulesProperty || Text(properties["operator"]) != "Contains") return null;
        if (properties["propertyValues"] is not JsonArray values || values.Count == 0) return null;
        var rules = new List<string>();
        foreach (var value in values)
        {
            var id = Text(value);
            var parts = id?.TrimEnd('/').Split('/');
            if (parts is null || parts.Length < 2 || !string.Equals(parts[^2], "alertRules", StringComparison.OrdinalIgnoreCase)) return null;
            rules.Add(parts[^1]);
        }

        if (p["actions"] is not JsonArray { Count: > 0 } actions) return null;
        var playbooks = new List<(int Order, string Name)>();
        foreach (var node in actions)
        {
            if (node is not JsonObject action || Text(action["actionType"]) != "RunPlaybook" || action["actionConfiguration"] is not JsonObject configuration) return null;
            var resourceId = Text(configuration["logicAppResourceId"]);
            var name = scope is not null ? PlaybookArm.WorkflowNameIn(scope, resourceId) : WorkflowName(resourceId);
            if (name is null || action["order"] is not JsonValue order || !order.TryGetValue<int>(out var position)) return null;
            playbooks.Add((position, name));
        }
        if (Text(logic["triggersOn"]) is not "Incidents" || Text(logic["triggersWhen"]) is not ("Created" or "Updated")) return null;
        return new AutomationRuleShape(
            actual.Name,
            Text(p["displayName"]) ?? actual.Name,
            p["order"] is JsonValue o && o.TryGetValue<int>(out var ruleOrder) ? ruleOrder : 1,
            logic["isEnabled"] is JsonValue e && e.TryGetValue<bool>(out var enabled) && enabled,
            "Incidents",
            Text(logic["triggersWhen"])!,
            rules,
            [.. playbooks.OrderBy(x => x.Order).Select(x => x.Name)]);
    }

    public static IReadOnlyList<ExportedFile> ToRepositoryFormat(ArmResource actual, TargetEnvironment environment)
    {
        if (Describe(actual, environment.Scope) is not { } rule) return [];
        var document = new JsonObject
        {
            ["id"] = rule.Id,
            ["displayName"] = rule.DisplayName,
            ["order"] = rule.Order,
            ["enabled"] = rule.Enabled,
            ["triggersOn"] = rule.TriggersOn,
            ["triggersWhen"] = rule.TriggersWhen,
            ["analyticsRules"] = new JsonArray([.. rule.AnalyticsRules.Select(r => (JsonNode)r)]),
            ["playbooks"] = new JsonArray([.. rule.Playbooks.Select(p => (JsonNode)p)]),
        };
        var header = "# yaml-language-server: $schema=../../docs/schemas/automation-rule.schema.json\n# Exported from workspace " + environment.Scope.Workspace + " by sentinelctl export.\n";
        var path = Path.Combine(Folder, SafeFileName.FromDisplayName(rule.DisplayName, rule.Id) + ".automation.yaml");
        return [new ExportedFile(path, header + YamlEmitter.Write(document))];
    }

    private static string? WorkflowName(string? resourceId)
    {
        var parts = resourceId?.TrimEnd('/').Split('/');
        return parts is { Length: >= 4 } && string.Equals(parts[^3], "Microsoft.Logic", StringComparison.OrdinalIgnoreCase) && string.Equals(parts[^2], "workflows", StringComparison.OrdinalIgnoreCase)
            ? Uri.UnescapeDataString(parts[^1])
            : null;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
