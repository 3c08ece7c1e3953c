using System.Text.Json.Nodes;
using SentinelContent.Playbooks.Compiler;

namespace SentinelContent.Playbooks.Automation;

/// <summary>
/// Writes the ARM template of an automation rule: an extension resource on the workspace whose condition is
/// "the incident's related analytics rule ids contain one of these rules" and whose actions run the playbooks
/// (deployed in the same resource group) in order.
/// </summary>
public static class AutomationRuleWriter
{
    /// <summary>The incident property an automation rule matches analytics rules by.</summary>
    public const string RelatedRulesProperty = "IncidentRelatedAnalyticRuleIds";

    public static JsonObject Write(AutomationRule rule)
    {
        var ruleIds = new JsonArray([.. rule.AnalyticsRules.Select(r => (JsonNode)
            $"[resourceId('Microsoft.OperationalInsights/workspaces/providers/alertRules', parameters('WorkspaceName'), 'Microsoft.SecurityInsights', '{r.Value}')]")]);
        var actions = new JsonArray([.. rule.Playbooks.Select((playbook, i) => (JsonNode)RunPlaybookAction(i + 1, new JsonObject
        {
            ["logicAppResourceId"] = $"[resourceId('Microsoft.Logic/workflows', '{playbook.Value.Replace("'", "''", StringComparison.Ordinal)}')]",
            ["tenantId"] = "[subscription().tenantId]",
        }))]);
        return new JsonObject
        {
            ["$schema"] = ArmTemplateWriter.TemplateSchema,
            ["contentVersion"] = "1.0.0.0",
            ["metadata"] = new JsonObject
            {
                ["title"] = rule.DisplayName,
                ["generator"] = "sentinelctl playbook build",
                ["postDeployment"] = new JsonArray(
                    "Sentinel runs playbooks as the 'Azure Security Insights' service principal: assign it Microsoft Sentinel Automation Contributor (f4c81013-99ee-4d62-a7ee-b3f1f648599a) on the playbooks' resource group."),
            },
            ["parameters"] = new JsonObject
            {
                [ArmTemplateWriter.WorkspaceNameParameter] = new JsonObject { ["type"] = "string", ["metadata"] = new JsonObject { ["description"] = "The Microsoft Sentinel workspace in this resource group." } },
            },
            ["resources"] = new JsonArray(new JsonObject
            {
                ["type"] = "Microsoft.SecurityInsights/automationRules",
                ["apiVersion"] = AutomationRuleFormat.ApiVersion,
                ["scope"] = "[concat('Microsoft.OperationalInsights/workspaces/', parameters('WorkspaceName'))]",
                ["name"] = rule.Id.Value,
                ["properties"] = Properties(rule, ruleIds, actions),
            }),
        };
    }

    /// <summary>
    /// An automation rule's properties: "the incident's related analytics rule ids contain one of
    /// <paramref name="analyticsRuleIds"/>" runs <paramref name="actions"/>. Shared by the ARM template (ids as
    /// template expressions) and the deployer (resolved resource ids).
    /// </summary>
    public static JsonObject Properties(AutomationRule rule, JsonArray analyticsRuleIds, JsonArray actions) => new()
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
                    ["propertyValues"] = analyticsRuleIds,
                },
            }),
        },
        ["actions"] = actions,
    };

    /// <summary>The action that runs one playbook, <paramref name="order"/> counting from 1.</summary>
    public static JsonObject RunPlaybookAction(int order, JsonObject configuration) => new()
    {
        ["order"] = order,
        ["actionType"] = "RunPlaybook",
        ["actionConfiguration"] = configuration,
    };
}
