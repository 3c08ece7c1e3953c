using System.Text.Json.Nodes;
using SentinelContent.Content.Format;
using SentinelContent.Format;
using SentinelContent.Content.Model;
using SentinelContent.Core.Values;

namespace SentinelContent.Deploy.Desired;

/// <summary>
/// An analytics rule from the repository as the ARM body of Microsoft.SecurityInsights/alertRules
/// (kind Scheduled or NRT). Values Sentinel fills in when they are missing (incident settings, event
/// grouping, suppression) are written explicitly, so a workspace that echoes its defaults is not a difference.
/// </summary>
public static class AnalyticsRuleBody
{
    /// <summary>The properties the repository manages; anything else ARM returns (lastModifiedUtc, alertRuleTemplateName...) is ignored.</summary>
    public static readonly IReadOnlyList<string> ManagedProperties =
    [
        "displayName", "description", "severity", "enabled", "query", "queryFrequency", "queryPeriod", "triggerOperator",
        "triggerThreshold", "suppressionDuration", "suppressionEnabled", "tactics", "techniques", "subTechniques",
        "entityMappings", "customDetails", "alertDetailsOverride", "eventGroupingSettings", "incidentConfiguration",
    ];

    public static readonly IReadOnlyDictionary<string, string> OperatorToArm = new Dictionary<string, string>
    {
        ["gt"] = "GreaterThan", ["lt"] = "LessThan", ["eq"] = "Equal", ["ne"] = "NotEqual",
    };

    public static JsonObject Build(AnalyticsRule rule, bool enabled)
    {
        var nrt = rule.IsNrt;
        var p = new JsonObject
        {
            ["displayName"] = rule.Name?.Value,
            ["description"] = rule.Description?.Value,
            ["severity"] = rule.Severity?.Value,
            ["enabled"] = enabled,
            ["query"] = rule.Query?.Value,
        };
        if (!nrt)
        {
            p["queryFrequency"] = Iso(rule.QueryFrequency?.Value);
            p["queryPeriod"] = Iso(rule.QueryPeriod?.Value);
            p["triggerOperator"] = ArmOperator(rule.TriggerOperator?.Value);
            p["triggerThreshold"] = rule.TriggerThreshold?.Value;
        }
        p["suppressionDuration"] = Iso(rule.SuppressionDuration?.Value) ?? "PT5H";
        p["suppressionEnabled"] = rule.SuppressionEnabled?.Value ?? false;
        p["tactics"] = Strings(rule.Tactics.Select(t => t.Value));

        // ARM keeps techniques (T1556) and sub-techniques (T1556.006) apart; order carries no meaning, so both are sorted.
        var techniques = rule.RelevantTechniques.Select(t => t.Value).ToList();
        p["techniques"] = Strings(techniques.Select(t => t.Split('.')[0]).Distinct().Order(StringComparer.Ordinal));
        p["subTechniques"] = Strings(techniques.Where(t => t.Contains('.')).Distinct().Order(StringComparer.Ordinal));

        if (rule.EntityMappings.Count > 0)
        {
            p["entityMappings"] = new JsonArray([.. rule.EntityMappings.Select(m => (JsonNode)new JsonObject
            {
                ["entityType"] = m.EntityType?.Value,
                ["fieldMappings"] = new JsonArray([.. m.FieldMappings.Select(f => (JsonNode)new JsonObject
                {
                    ["identifier"] = f.Identifier?.Value,
                    ["columnName"] = f.ColumnName?.Value,
                })]),
            })]);
        }
        if (rule.CustomDetails.Count > 0)
            p["customDetails"] = new JsonObject(rule.CustomDetails.Select(d => KeyValuePair.Create(d.Key.Value, (JsonNode?)d.Column.Value)));
        if (rule.AlertDetailsOverride is { } o) p["alertDetailsOverride"] = Override(o);
        p["eventGroupingSettings"] = new JsonObject { ["aggregationKind"] = rule.AggregationKind?.Value ?? "SingleAlert" };
        p["incidentConfiguration"] = Incident(rule.IncidentConfiguration);

        return new JsonObject
        {
            ["kind"] = nrt ? AnalyticsRuleFormat.Nrt : AnalyticsRuleFormat.Scheduled,
            ["properties"] = Desired.JsonCanonical.Normalize(p),
        };
    }

    /// <summary>
    /// A workspace rule's properties with Sentinel's defaults filled in where it has none (event grouping,
    /// incident settings, suppression), the same defaults <see cref="Build"/> writes; so a rule made without
    /// them compares equal to its exported file. Durations are normalised as <see cref="Build"/> writes them,
    /// so PT60M in the workspace and 1h in the repository are the same value.
    /// </summary>
    public static JsonObject WithDefaults(JsonObject properties)
    {
        var result = (JsonObject)properties.DeepClone();
        NormaliseDuration(result, "queryFrequency");
        NormaliseDuration(result, "queryPeriod");
        NormaliseDuration(result, "suppressionDuration");
        if (result["incidentConfiguration"]?["groupingConfiguration"] is JsonObject groupingConfiguration)
            NormaliseDuration(groupingConfiguration, "lookbackDuration");
        result["eventGroupingSettings"] ??= new JsonObject { ["aggregationKind"] = "SingleAlert" };
        result["incidentConfiguration"] ??= Incident(null);
        result["suppressionDuration"] ??= "PT5H";
        result["suppressionEnabled"] ??= false;
        result["tactics"] ??= new JsonArray();
        result["techniques"] ??= new JsonArray();
        result["subTechniques"] ??= new JsonArray();
        return result;
    }

    /// <summary>
    /// A duration as ARM stores it: ISO 8601 in its shortest form (1h → PT1H, 14d → P14D, PT24H → P1D), which is also
    /// what Azure-Sentinel's converter writes for its short forms. Text that does not parse is passed through
    /// (validate has refused it before deploy gets here).
    /// </summary>
    public static string? Iso(string? text) => text is null ? null : RuleDuration.ToIso(text) ?? text;

    private static void NormaliseDuration(JsonObject properties, string name)
    {
        if (properties[name] is JsonValue value && value.TryGetValue<string>(out var text)) properties[name] = Iso(text);
    }

    private static string? ArmOperator(string? text) =>
        text is null ? null : OperatorToArm.TryGetValue(text, out var arm) ? arm : text; // already an ARM name (GreaterThan)

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    private static JsonObject Override(AlertDetailsOverride o)
    {
        var result = new JsonObject
        {
            ["alertDisplayNameFormat"] = o.DisplayNameFormat?.Value,
            ["alertDescriptionFormat"] = o.DescriptionFormat?.Value,
            ["alertTacticsColumnName"] = o.TacticsColumnName?.Value,
            ["alertSeverityColumnName"] = o.SeverityColumnName?.Value,
        };
        if (o.DynamicProperties.Count > 0)
        {
            result["alertDynamicProperties"] = new JsonArray([.. o.DynamicProperties.Select(d => (JsonNode)new JsonObject
            {
                ["alertProperty"] = d.AlertProperty?.Value,
                ["value"] = d.Value?.Value,
            })]);
        }
        return result;
    }

    /// <summary>Sentinel's defaults when the rule says nothing: create incidents, no alert grouping.</summary>
    private static JsonObject Incident(IncidentConfiguration? incident)
    {
        var grouping = incident?.Grouping;
        return new JsonObject
        {
            ["createIncident"] = incident?.CreateIncident?.Value ?? true,
            ["groupingConfiguration"] = new JsonObject
            {
                ["enabled"] = grouping?.Enabled?.Value ?? false,
                ["reopenClosedIncident"] = grouping?.ReopenClosedIncident?.Value ?? false,
                ["lookbackDuration"] = Iso(grouping?.LookbackDuration?.Value) ?? "PT5H",
                ["matchingMethod"] = grouping?.MatchingMethod?.Value ?? "AllEntities",
                ["groupByEntities"] = Strings(grouping?.GroupByEntities.Select(e => e.Value) ?? []),
                ["groupByAlertDetails"] = Strings(grouping?.GroupByAlertDetails.Select(e => e.Value) ?? []),
                ["groupByCustomDetails"] = Strings(grouping?.GroupByCustomDetails.Select(e => e.Value) ?? []),
            },
        };
    }
}
