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
    public const string RelatedRulesProperty = AutomationRuleWriter.RelatedRulesProperty;

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
        var actions = new JsonArray([.. rule.Playbooks.Select((playbook, i) =>
        {
            var configuration = new JsonObject { ["logicAppResourceId"] = PlaybookArm.WorkflowPath(scope, playbook.Value) };
            if (environment.TenantId is { } tenant) configuration["tenantId"] = tenant;
            return (JsonNode)AutomationRuleWriter.RunPlaybookAction(i + 1, configuration);
        })]);
        var ruleIds = new JsonArray([.. rule.AnalyticsRules.Select(r => (JsonNode)scope.ResourcePath(AnalyticsRuleKind.Instance.Collection, r.Value.ToLowerInvariant()))]);
        var body = new JsonObject { ["properties"] = AutomationRuleWriter.Properties(rule, ruleIds, actions) };
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
