using System.Text.Json.Nodes;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Desired.Playbooks;
using SentinelContent.Deploy.Export;
using SentinelContent.Deploy.Targets;
using SentinelContent.Playbooks.Automation;

namespace SentinelContent.Deploy.Desired;

/// <summary>
/// Automation rules: playbooks/**/NAME.automation.yaml ⇄ Microsoft.SecurityInsights/automationRules. The rule's
/// condition names the deployed analytics rules by resource id, its actions run the deployed playbooks by
/// resource id (the Logic Apps in the workspace's resource group). Stage 2: written after the playbooks and
/// rules it names, deleted before them.
/// </summary>
public sealed class AutomationRuleKind : IContentKind
{
    public const string RelatedRulesProperty = "IncidentRelatedAnalyticRuleIds";

    public static AutomationRuleKind Instance { get; } = new();

    public static readonly IReadOnlyList<string> ManagedProperties = ["displayName", "order", "triggeringLogic", "actions"];

    public string MetadataKind => "AutomationRule";

    public string Collection => "automationRules";

    public string Noun => "automation-rule";

    public int Stage => 2;

    /// <summary>Diagnostics are the playbook kind's to report (one loader reads both); while there are errors nothing is planned.</summary>
    public DesiredContent LoadDesired(string repositoryRoot, TargetEnvironment environment)
    {
        var content = RepositoryPlaybooks.Load(repositoryRoot);
        if (content.HasErrors) return new DesiredContent([], []);
        var resources = content.AutomationRules
            .Select(rule => new DesiredResource(this, rule.Id.Value.ToLowerInvariant(), rule.DisplayName, Build(rule, environment), rule.Path))
            .ToList();
        return new DesiredContent(resources, []);
    }

    private static JsonObject Build(AutomationRule rule, TargetEnvironment environment)
    {
        var scope = environment.Scope;
        var actions = new JsonArray();
        for (var i = 0; i < rule.Playbooks.Count; i++)
        {
            var configuration = new JsonObject { ["logicAppResourceId"] = PlaybookArm.WorkflowPath(scope, rule.Playbooks[i].Value) };
            if (environment.TenantId is { } tenant) configuration["tenantId"] = tenant;
            actions.Add(new JsonObject { ["order"] = i + 1, ["actionType"] = "RunPlaybook", ["actionConfiguration"] = configuration });
        }
        var body = new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["displayName"] = rule.DisplayName,
                ["order"] = rule.Order,
                ["triggeringLogic"] = new JsonObject
                {
                    ["isEnabled"] = rule.Enabled,
                    ["triggersOn"] = rule.TriggersOn,
                    ["triggersWhen"] = rule.TriggersWhen,
                    ["conditions"] = new JsonArray(new JsonObject
                    {
                        ["conditionType"] = "Property",
                        ["conditionProperties"] = new JsonObject
                        {
                            ["propertyName"] = RelatedRulesProperty,
                            ["operator"] = "Contains",
                            ["propertyValues"] = new JsonArray([.. rule.AnalyticsRules.Select(r => (JsonNode)scope.ResourcePath(AnalyticsRuleKind.Instance.Collection, r.Value.ToLowerInvariant()))]),
                        },
                    }),
                },
                ["actions"] = actions,
            },
        };
        return (JsonObject)JsonCanonical.Normalize(body)!;
    }

    /// <summary>
    /// The managed part of an automation rule, or null for rules the repository's format cannot express (other
    /// conditions, actions other than running a playbook of this resource group): those are never touched.
    /// </summary>
    public JsonObject? Comparable(ArmResource actual) =>
        AutomationRuleExport.Describe(actual, null) is null
            ? null
            : new JsonObject { ["properties"] = JsonCanonical.Normalize(JsonCanonical.Pick(actual.Properties, ManagedProperties)) };

    public IReadOnlyList<ExportedFile> Export(ArmResource actual, TargetEnvironment environment) => AutomationRuleExport.ToRepositoryFormat(actual, environment);
}
