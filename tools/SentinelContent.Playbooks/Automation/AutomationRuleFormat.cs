using SentinelContent.Format;

namespace SentinelContent.Playbooks.Automation;

/// <summary>
/// The automation-rule YAML format (playbooks/NAME.automation.yaml) as data: which analytics rules' incidents it
/// handles and which playbooks it runs. Compiled to Microsoft.SecurityInsights/automationRules (fact sheet §6).
/// </summary>
public static class AutomationRuleFormat
{
    /// <summary>A stable API version whose enums include Updated and Alerts (fact sheet §6; Learn template reference lists it).</summary>
    public const string ApiVersion = "2024-09-01";

    public static readonly FieldSpec Root = new("automationRule", FieldType.Object, "A Microsoft Sentinel automation rule that runs playbooks on incidents from given analytics rules.")
    {
        Fields =
        [
            new FieldSpec("id", FieldType.Guid, "The automation rule's resource name: a GUID, unique in the workspace.") { Required = RequiredFor.All },
            new FieldSpec("displayName", FieldType.String, "The name shown in Sentinel.") { Required = RequiredFor.All, MinLength = 1, MaxLength = 500 },
            new FieldSpec("order", FieldType.Integer, "The order among automation rules (lower runs first).") { Minimum = 1, Maximum = 1000 },
            new FieldSpec("enabled", FieldType.Boolean, "Whether the rule is active (default true)."),
            new FieldSpec("triggersOn", FieldType.Enum, "Incidents (default). Playbooks with the incident trigger are the ones automation rules can run.") { Values = ["Incidents"] },
            new FieldSpec("triggersWhen", FieldType.Enum, "Created (default) or Updated.") { Values = ["Created", "Updated"] },
            new FieldSpec("analyticsRules", FieldType.StringList, "The ids (GUIDs) of the analytics rules under analytics-rules/ whose incidents the rule handles.") { Required = RequiredFor.All, MinItems = 1, MaxItems = 50, Source = "automationRules conditions: at most 50" },
            new FieldSpec("playbooks", FieldType.StringList, "The names of the playbooks under playbooks/ to run, in order.") { Required = RequiredFor.All, MinItems = 1, MaxItems = 20 },
        ],
    };
}
