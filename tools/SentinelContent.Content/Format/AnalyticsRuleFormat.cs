using SentinelContent.Content.Catalogs;
using SentinelContent.Format;

namespace SentinelContent.Content.Format;

/// <summary>
/// The analytics-rule YAML format of the public Azure-Sentinel content repository, as data. Limits cite
/// their source (see docs/rule-format.md); the loader, validators and JSON Schema all read this one place.
/// </summary>
public static class AnalyticsRuleFormat
{
    public const string Scheduled = "Scheduled";
    public const string Nrt = "NRT";

    public static readonly IReadOnlyList<string> Severities = ["Informational", "Low", "Medium", "High"];

    public static readonly FieldSpec Root = new("rule", FieldType.Object, "A Microsoft Sentinel analytics rule.")
    {
        Fields =
        [
            new("id", FieldType.Guid, "The rule's stable identity: a GUID, unique across the repository. Deployments use it as the rule's resource name.") { Required = RequiredFor.All },
            new("name", FieldType.String, "The rule's display name, shown as the alert name unless alertDetailsOverride changes it.") { Required = RequiredFor.All, MinLength = 1, MaxLength = 256, Source = "Azure-Sentinel template validator (name, 256)" },
            new("description", FieldType.String, "What the rule detects and what the analyst should do about it.") { Required = RequiredFor.All, MinLength = 1, MaxLength = 5000, Source = "Azure-Sentinel template validator (description, 5000)" },
            new("severity", FieldType.Enum, "The alert severity.") { Required = RequiredFor.All, Values = Severities },
            new("status", FieldType.String, "Template status in the content gallery (for example Available)."),
            new("requiredDataConnectors", FieldType.ObjectList, "The data connectors and tables the rule needs.")
            {
                Fields =
                [
                    new("connectorId", FieldType.String, "The data connector's identifier (for example AzureActiveDirectory)."),
                    new("dataTypes", FieldType.StringList, "The tables the rule reads from this connector."),
                ],
            },
            new("queryFrequency", FieldType.Duration, "How often the query runs, 5 minutes to 14 days (PT1H or Azure-Sentinel's 1h).") { Required = RequiredFor.Scheduled, Source = "Learn: Scheduled analytics rules, query scheduling" },
            new("queryPeriod", FieldType.Duration, "How far back each run looks, 5 minutes to 14 days and at least queryFrequency (P14D or 14d).") { Required = RequiredFor.Scheduled, Source = "Learn: Scheduled analytics rules, query scheduling" },
            new("triggerOperator", FieldType.Enum, "How the number of result rows is compared with triggerThreshold.")
            {
                Required = RequiredFor.Scheduled,
                Values = ["gt", "lt", "eq", "ne"],
                Aliases = new Dictionary<string, string> { ["GreaterThan"] = "gt", ["LessThan"] = "lt", ["Equal"] = "eq", ["NotEqual"] = "ne" },
                Source = "Azure-Sentinel template converter (gt, lt, eq, ne and the ARM names)",
            },
            new("triggerThreshold", FieldType.Integer, "The number of result rows compared with triggerOperator.") { Required = RequiredFor.Scheduled, Minimum = 0, Maximum = 10000, Source = "Azure-Sentinel template validator, Range(0, 10000)" },
            new("tactics", FieldType.EnumList, "MITRE ATT&CK tactics, in Sentinel's spelling (InitialAccess, CredentialAccess...).") { Values = AttackCatalog.Default.TacticNames },
            new("relevantTechniques", FieldType.StringList, "MITRE ATT&CK technique ids (T1556, T1556.006), consistent with the tactics."),
            new("query", FieldType.String, "The KQL query.") { Required = RequiredFor.All, MinLength = 1, MaxLength = 10000, Source = "Learn: Scheduled analytics rules (query 1 to 10,000 characters)" },
            new("entityMappings", FieldType.ObjectList, "Map result columns to entities (Account, IP, Host...).")
            {
                MinItems = 1,
                MaxItems = 10,
                Source = "Learn: Service limits (10 mappings per rule); an empty list is refused by the API",
                Fields =
                [
                    new("entityType", FieldType.Enum, "The entity type.") { Required = RequiredFor.All, Values = EntityCatalog.Default.TypeNames },
                    new("fieldMappings", FieldType.ObjectList, "Identifiers of the entity and the columns that hold them.")
                    {
                        Required = RequiredFor.All,
                        MinItems = 1,
                        MaxItems = 3,
                        Source = "Learn: Map data fields to entities (up to three identifiers)",
                        Fields =
                        [
                            new("identifier", FieldType.String, "The entity identifier (for Account: FullName, Name, AadUserId...).") { Required = RequiredFor.All },
                            new("columnName", FieldType.String, "The result column that holds the identifier's value.") { Required = RequiredFor.All, MinLength = 1 },
                        ],
                    },
                ],
            },
            new("sentinelEntitiesMappings", FieldType.ObjectList, "Legacy: columns holding Sentinel entities (SentinelEntities) to attach to the alert.")
            {
                Fields = [new("columnNames", FieldType.StringList, "The columns.")],
            },
            new("customDetails", FieldType.StringMap, "Alert custom details: key → result column.") { MaxItems = 20, Source = "Learn: Service limits (20 details per rule)" },
            new("alertDetailsOverride", FieldType.Object, "Alert name, description, severity and tactics taken from result columns.")
            {
                Fields =
                [
                    new("alertDisplayNameFormat", FieldType.String, "Alert name with up to three {{Column}} placeholders.") { MinLength = 1, MaxLength = 256, Source = "Azure-Sentinel AlertDetailsOverride model" },
                    new("alertDescriptionFormat", FieldType.String, "Alert description with up to three {{Column}} placeholders.") { MinLength = 1, MaxLength = 5000, Source = "Azure-Sentinel AlertDetailsOverride model" },
                    new("alertTacticsColumnName", FieldType.String, "Column whose value sets the alert's tactics."),
                    new("alertSeverityColumnName", FieldType.String, "Column whose value sets the alert's severity."),
                    new("alertDynamicProperties", FieldType.ObjectList, "Other alert properties taken from columns.")
                    {
                        Fields =
                        [
                            new("alertProperty", FieldType.Enum, "The alert property.")
                            {
                                Required = RequiredFor.All,
                                Values = ["AlertLink", "ConfidenceLevel", "ConfidenceScore", "ExtendedLinks", "ProductName", "ProviderName", "ProductComponentName", "RemediationSteps", "Techniques"],
                                Source = "ARM 2024-09-01 AlertProperty enum",
                            },
                            new("value", FieldType.String, "The column that holds the value.") { Required = RequiredFor.All },
                        ],
                    },
                ],
            },
            new("eventGroupingSettings", FieldType.Object, "How result rows become alerts.")
            {
                Fields = [new("aggregationKind", FieldType.Enum, "SingleAlert (default) or AlertPerResult.") { Values = ["SingleAlert", "AlertPerResult"] }],
            },
            new("incidentConfiguration", FieldType.Object, "Incident creation and alert grouping.")
            {
                Fields =
                [
                    new("createIncident", FieldType.Boolean, "Whether alerts of this rule create incidents.") { Required = RequiredFor.All },
                    new("groupingConfiguration", FieldType.Object, "How alerts are grouped into incidents.")
                    {
                        Fields =
                        [
                            new("enabled", FieldType.Boolean, "Whether alerts are grouped.") { Required = RequiredFor.All },
                            new("reopenClosedIncident", FieldType.Boolean, "Whether a new matching alert reopens a closed incident."),
                            new("lookbackDuration", FieldType.Duration, "Group alerts created within this time of the incident's first alert (5 minutes to 7 days).") { Source = "Learn: Scheduled analytics rules, alert grouping" },
                            new("matchingMethod", FieldType.Enum, "AllEntities, AnyAlert or Selected.") { Values = ["AllEntities", "AnyAlert", "Selected"] },
                            new("groupByEntities", FieldType.EnumList, "With Selected: entity types that must match.") { Values = EntityCatalog.Default.TypeNames },
                            new("groupByAlertDetails", FieldType.EnumList, "With Selected: alert details that must match.") { Values = ["DisplayName", "Severity"] },
                            new("groupByCustomDetails", FieldType.StringList, "With Selected: custom-detail keys that must match."),
                        ],
                    },
                ],
            },
            new("suppressionEnabled", FieldType.Boolean, "Stop running the query for suppressionDuration after an alert."),
            new("suppressionDuration", FieldType.Duration, "How long to stop running the query after an alert (at most 24 hours).") { Source = "Learn: Scheduled analytics rules (up to 24 hours)" },
            new("kind", FieldType.Enum, "Scheduled, or NRT for a near-real-time rule that runs every minute.") { Required = RequiredFor.All, Values = [Scheduled, Nrt] },
            new("version", FieldType.String, "The rule's version, a.b.c with numbers.") { MaxLength = 20, Source = "Azure-Sentinel template validator (version, 20)" },
            new("tags", FieldType.TagList,
                "Free tags: text, or mappings such as Azure-Sentinel's `- Schema: ASimDns` / `SchemaVersion: 0.1.3` (the ASIM schema a " +
                "rule reads) and `- ParentAlert: URL` / `version: 1.0.0`. Not deployed: alert rules have no tags in ARM.")
            {
                Source = "Azure-Sentinel Solutions rules (tags as text and as mappings)",
            },
            new("enabled", FieldType.Boolean, "Whether the rule runs once deployed."),
            new("metadata", FieldType.Object, "Content-hub metadata (source, author, support, categories).")
            {
                Fields =
                [
                    new("source", FieldType.Object, "Where the content comes from.") { Fields = [new("kind", FieldType.String, "Source kind (Community, Solution...).")] },
                    new("author", FieldType.Object, "The author.") { Fields = [new("name", FieldType.String, "Name."), new("email", FieldType.String, "E-mail.")] },
                    new("support", FieldType.Object, "Who supports the content.") { Fields = [new("tier", FieldType.String, "Support tier (Community, Microsoft, Partner).")] },
                    new("categories", FieldType.Object, "Content categories.") { Fields = [new("domains", FieldType.StringList, "Domains."), new("verticals", FieldType.StringList, "Verticals.")] },
                ],
            },
        ],
    };
}
