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
                var kind = body["kind"]?.GetValue<string>();
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
            default:
                return null;
        }
    }

    private static string? Missing(JsonObject properties, IEnumerable<string> required)
    {
        var missing = required.Where(r => properties[r] is null).ToList();
        return missing.Count == 0 ? null : $"Required properties are missing: {string.Join(", ", missing)}.";
    }
}
