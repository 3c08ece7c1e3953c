using System.Text.Json.Nodes;

namespace SentinelContent.Emulator;

/// <summary>
/// The checks ARM makes on a PUT body before storing it: the required properties of each resource type
/// (from the Microsoft.SecurityInsights 2024-09-01 specification), so a deployer bug shows up as ARM's 400.
/// </summary>
public static class ResourceValidation
{
    private static readonly string[] ScheduledRequired =
        ["displayName", "enabled", "severity", "query", "queryFrequency", "queryPeriod", "triggerOperator", "triggerThreshold", "suppressionEnabled", "suppressionDuration"];

    private static readonly string[] NrtRequired = ["displayName", "enabled", "severity", "query", "suppressionEnabled", "suppressionDuration"];

    public static string? Problem(string collection, JsonObject body)
    {
        if (body["properties"] is not JsonObject properties) return "The request content must have a 'properties' object.";
        switch (collection)
        {
            case "alertRules":
                if (body["kind"] is { } kindNode && RequestJson.Text(kindNode) is null) return "The alert rule 'kind' must be a string.";
                var kind = RequestJson.Text(body["kind"]);
                var required = kind switch
                {
                    "Scheduled" => ScheduledRequired,
                    "NRT" => NrtRequired,
                    "Fusion" or "MicrosoftSecurityIncidentCreation" => [],
                    _ => null,
                };
                if (required is null) return $"The alert rule kind '{kind}' is not valid; use Scheduled, NRT, Fusion or MicrosoftSecurityIncidentCreation.";
                return Missing(properties, required);
            case "metadata":
                return Missing(properties, ["parentId", "kind"]);
            case "watchlists":
                return Missing(properties, ["displayName", "provider", "itemsSearchKey"]);
            case "automationRules":
                return Missing(properties, ["displayName", "order", "triggeringLogic", "actions"]);
            case "workflows":
                if (body["location"] is null) return "The 'location' of the workflow is required.";
                return properties["definition"] is JsonObject ? null : "The workflow must have a 'definition' object.";
            case "connections":
                if (body["location"] is null) return "The 'location' of the connection is required.";
                return RequestJson.Text(RequestJson.Member(properties["api"], "id")) is not null ? null : "The connection must name its managed API ('properties.api.id').";
            default:
                return null;
        }
    }

    /// <summary>
    /// Sentinel's check of an automation rule's RunPlaybook actions: each must name a Logic App that exists and
    /// starts with the Microsoft Sentinel incident trigger (the only kind an automation rule can run).
    /// </summary>
    public static string? PlaybookReferenceProblem(JsonObject body, ResourceStore store)
    {
        if (RequestJson.Member(body["properties"], "actions") is not JsonArray actions) return null;
        foreach (var action in actions.OfType<JsonObject>())
        {
            if (RequestJson.Text(action["actionType"]) != "RunPlaybook") continue;
            var id = RequestJson.Text(RequestJson.Member(action["actionConfiguration"], "logicAppResourceId"));
            if (id is null) return "A RunPlaybook action must have 'actionConfiguration.logicAppResourceId'.";
            var target = ArmPath.Parse(id);
            if (target is not { Collection: "workflows", Name: not null })
                return $"The logicAppResourceId '{id}' is not the resource id of a Logic App (Microsoft.Logic/workflows).";
            var stored = store.Get(target.Scope, target.Collection, target.Name);
            if (stored is null) return $"The playbook '{id}' was not found; create the Logic App before the automation rule that runs it.";
            var triggers = (JsonNode.Parse(stored.Body)?["properties"]?["definition"] as JsonObject)?["triggers"] as JsonObject;
            var incident = triggers?.Any(t => RequestJson.Text(RequestJson.Member(RequestJson.Member(t.Value, "inputs"), "path")) == "/incident-creation") ?? false;
            if (!incident) return $"The playbook '{target.Name}' has no Microsoft Sentinel incident trigger; automation rules can only run incident-triggered playbooks.";
        }
        return null;
    }

    private static string? Missing(JsonObject properties, IEnumerable<string> required)
    {
        var missing = required.Where(r => properties[r] is null).ToList();
        return missing.Count == 0 ? null : $"Required properties are missing: {string.Join(", ", missing)}.";
    }
}
