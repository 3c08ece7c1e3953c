using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelContent.Core.Values;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Desired;
using SentinelContent.Deploy.Targets;

namespace SentinelContent.Deploy.Export;

/// <summary>
/// An alert rule from the workspace as a rule file in this repository's format: the inverse of
/// <see cref="AnalyticsRuleBody"/>, so an exported rule plans as unchanged.
/// </summary>
public static class AnalyticsRuleExport
{
    /// <summary>Written for a workspace rule without a description.</summary>
    public const string MissingDescription = "The workspace had no description for this rule. Describe what it detects and how to respond.";

    public static JsonObject ToRepositoryFormat(ArmResource actual, TargetEnvironment environment)
    {
        var p = AnalyticsRuleBody.WithDefaults(actual.Properties);
        var nrt = actual.Kind == "NRT";
        var doc = new JsonObject
        {
            ["id"] = actual.Name,
            ["name"] = Copy(p, "displayName"),
            // The repository's format requires a description (validate checks it); a workspace rule may have none,
            // so the file gets one to fill in rather than failing validate (the next plan shows it as an update).
            ["description"] = Copy(p, "description") is JsonValue d && d.TryGetValue<string>(out var text) && text.Trim().Length > 0 ? d : MissingDescription,
            ["severity"] = Copy(p, "severity"),
        };
        if (!nrt)
        {
            doc["queryFrequency"] = ShortDuration(Copy(p, "queryFrequency"));
            doc["queryPeriod"] = ShortDuration(Copy(p, "queryPeriod"));
            doc["triggerOperator"] = p["triggerOperator"]?.GetValue<string>() is { } op
                ? AnalyticsRuleBody.OperatorToArm.FirstOrDefault(kv => kv.Value == op).Key ?? op
                : null;
            doc["triggerThreshold"] = Copy(p, "triggerThreshold");
        }
        doc["tactics"] = Copy(p, "tactics");
        doc["relevantTechniques"] = Techniques(p);
        doc["query"] = Copy(p, "query");
        doc["entityMappings"] = Copy(p, "entityMappings") is JsonArray mappings
            ? new JsonArray([.. mappings.Select(m => (JsonNode?)InOrder(m, "entityType", "fieldMappings"))])
            : null;
        doc["customDetails"] = Copy(p, "customDetails");
        doc["alertDetailsOverride"] = InOrder(JsonCanonical.Normalize(Copy(p, "alertDetailsOverride")),
            "alertDisplayNameFormat", "alertDescriptionFormat", "alertTacticsColumnName", "alertSeverityColumnName", "alertDynamicProperties");
        doc["eventGroupingSettings"] = Copy(p, "eventGroupingSettings");
        doc["incidentConfiguration"] = InOrder(Copy(p, "incidentConfiguration"), "createIncident", "groupingConfiguration");
        if (doc["incidentConfiguration"]?["groupingConfiguration"] is JsonObject grouping)
            grouping["lookbackDuration"] = ShortDuration(grouping["lookbackDuration"]?.DeepClone());
        doc["suppressionEnabled"] = Copy(p, "suppressionEnabled");
        doc["suppressionDuration"] = ShortDuration(Copy(p, "suppressionDuration"));
        doc["version"] = "1.0.0";
        doc["kind"] = actual.Kind;
        // A rule the environment forces off is written as enabled: the override keeps applying on deploy,
        // and the file stays right for the other environments.
        var forcedOff = environment.DisableAllRules || environment.DisabledRules.Contains(actual.Name);
        doc["enabled"] = forcedOff || (p["enabled"]?.GetValueKind() != JsonValueKind.False);
        foreach (var empty in doc.Where(kv => kv.Value is JsonArray { Count: 0 } && kv.Key is "tactics" or "relevantTechniques" or "entityMappings").Select(kv => kv.Key).ToList())
            doc.Remove(empty);
        foreach (var absent in doc.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList())
            doc.Remove(absent);
        return doc;
    }

    /// <summary>
    /// Orders an object's keys the way rule files are written (entityType before fieldMappings, identifier
    /// before columnName...); keys not named keep their order after the named ones. Applied recursively to
    /// the nested objects rules have, so exported files read like hand-written ones.
    /// </summary>
    private static JsonNode? InOrder(JsonNode? node, params string[] order)
    {
        if (node is not JsonObject obj) return node;
        var result = new JsonObject();
        foreach (var key in order.Where(obj.ContainsKey).Concat(obj.Select(p => p.Key).Where(k => !order.Contains(k))).ToList())
        {
            var value = obj[key]?.DeepClone();
            result[key] = key switch
            {
                "fieldMappings" when value is JsonArray fields => new JsonArray([.. fields.Select(f => (JsonNode?)InOrder(f, "identifier", "columnName"))]),
                "groupingConfiguration" => InOrder(value, "enabled", "reopenClosedIncident", "lookbackDuration", "matchingMethod", "groupByEntities", "groupByAlertDetails", "groupByCustomDetails"),
                "alertDynamicProperties" when value is JsonArray properties => new JsonArray([.. properties.Select(d => (JsonNode?)InOrder(d, "alertProperty", "value"))]),
                _ => value,
            };
        }
        return result;
    }

    /// <summary>
    /// Durations are written the way Azure-Sentinel's rules write them (1h, 14d, 5m; docs/deploy.md), in the largest
    /// whole unit; a duration no unit divides (seconds) stays ISO 8601. Deploy turns them back into ARM's ISO text.
    /// </summary>
    private static JsonNode? ShortDuration(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && RuleDuration.TryParse(text, out var span)
            ? RuleDuration.ToShort(span) ?? IsoDuration.Format(span)
            : node;

    private static JsonNode? Copy(JsonObject properties, string name) =>
        properties[name] is { } value && value.GetValueKind() != JsonValueKind.Null ? value.DeepClone() : null;

    /// <summary>relevantTechniques: every sub-technique, then techniques no sub-technique already names.</summary>
    private static JsonArray Techniques(JsonObject p)
    {
        var subs = (p["subTechniques"] as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToList();
        var parents = (p["techniques"] as JsonArray ?? []).Select(n => n!.GetValue<string>())
            .Where(t => !subs.Any(s => s.StartsWith(t + ".", StringComparison.Ordinal)));
        return new JsonArray([.. subs.Concat(parents).Select(t => (JsonNode)t)]);
    }
}
