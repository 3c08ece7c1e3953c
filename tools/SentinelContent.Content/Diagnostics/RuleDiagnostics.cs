using SentinelContent.Core.Diagnostics;

namespace SentinelContent.Content.Diagnostics;

/// <summary>SC01xx: analytics-rule metadata. Each message says what to write instead.</summary>
public static class RuleDiagnostics
{
    private const string Category = "Rule";

    private static DiagnosticDescriptor Error(string code, string title, string format, string help) =>
        new(code, title, format, DiagnosticSeverity.Error, Category, help);

    private static DiagnosticDescriptor Warning(string code, string title, string format, string help) =>
        new(code, title, format, DiagnosticSeverity.Warning, Category, help);

    // The shape of the document (types, required and unknown fields, enum values, lengths, counts, GUIDs,
    // durations) is checked from the format specification: SentinelContent.Format.FormatDiagnostics.
    public static readonly DiagnosticDescriptor DuplicateId = Error("SC0111", "Id used twice",
        "the id '{0}' is also used by {1}; give each rule its own GUID", "Two rules with one id overwrite each other on deployment.");
    public static readonly DiagnosticDescriptor DurationOutOfRange = Error("SC0113", "Duration out of range",
        "{0} is {1}; Sentinel allows {2} to {3}", "queryFrequency and queryPeriod run from 5 minutes to 14 days; suppressionDuration is at most 24 hours; the incident-grouping lookbackDuration runs from 5 minutes to 7 days.");
    public static readonly DiagnosticDescriptor FrequencyExceedsPeriod = Error("SC0114", "Runs leave gaps",
        "queryFrequency ({0}) is longer than queryPeriod ({1}), so events between runs are never examined; make queryPeriod at least {0}", "Each run looks back queryPeriod; if runs are further apart than that, events in between are never seen. Sentinel refuses such a rule.");
    public static readonly DiagnosticDescriptor LongPeriodShortFrequency = Error("SC0115", "Long lookback run too often",
        "a queryPeriod of 2 days or more needs a queryFrequency of at least 1 hour, but it is {0}", "Sentinel's content validation refuses rules that scan two days or more of data more often than hourly (FrequencyLimitationForLongPeriodQuery).");
    public static readonly DiagnosticDescriptor InvalidVersion = Error("SC0116", "Version not a.b.c",
        "version '{0}' must be three numbers a.b.c (for example 1.0.0)", "The rule version becomes the template version; Sentinel requires the form a.b.c with numbers.");
    public static readonly DiagnosticDescriptor SuppressionWithoutDuration = Error("SC0117", "Suppression without duration",
        "suppressionEnabled is true but suppressionDuration is missing; add it (for example PT5H)", "Sentinel's API requires a suppression duration whenever suppression is on.");

    // MITRE ATT&CK.
    public static readonly DiagnosticDescriptor InvalidTechniqueId = Error("SC0121", "Not a technique id",
        "'{0}' is not an ATT&CK technique id; write T followed by four digits, with an optional .NNN sub-technique (T1556, T1556.006)", "relevantTechniques holds ATT&CK technique ids such as T1556 or T1556.006. Tactic names go in tactics.");
    public static readonly DiagnosticDescriptor UnknownTechnique = Warning("SC0122", "Unknown technique",
        "{0} is not a technique in ATT&CK Enterprise {1}{2}", "The id is well-formed but not in the ATT&CK catalog this tool carries; check the id on attack.mitre.org.");
    public static readonly DiagnosticDescriptor TechniqueTacticMismatch = Warning("SC0123", "Technique outside the rule's tactics",
        "{0} ({1}) belongs to {2}, none of which is in the rule's tactics; add the right tactic or fix the technique", "In ATT&CK each technique serves certain tactics. A technique whose tactics are all missing from the rule's tactics usually means a wrong id or a missing tactic; Sentinel's own content validation refuses techniques without a matching tactic.");
    public static readonly DiagnosticDescriptor DeprecatedTechnique = Warning("SC0124", "Deprecated technique",
        "{0} is deprecated in ATT&CK{1}", "The technique was deprecated or revoked in ATT&CK; map the rule to its replacement.");
    public static readonly DiagnosticDescriptor TechniquesWithoutTactics = Warning("SC0125", "Techniques without tactics",
        "the rule lists techniques but no tactics; add the tactics they serve ({0})", "Sentinel shows a rule's ATT&CK coverage by tactic; techniques without tactics are not counted.");

    // Entity mappings.
    public static readonly DiagnosticDescriptor UnknownIdentifier = Error("SC0131", "Unknown entity identifier",
        "'{0}' is not an identifier of the {1} entity{2}; valid identifiers: {3}", "Each entity type has a fixed set of identifiers (Account: FullName, Name, AadUserId, ...); Sentinel refuses others.");
    public static readonly DiagnosticDescriptor MissingRequiredIdentifier = Error("SC0132", "Entity cannot be identified",
        "the {0} mapping has none of the identifiers Sentinel needs to recognise the entity; map one of: {1}", "Sentinel needs at least one strong identifier (or set of identifiers) per entity; without it the mapping is refused.");
    public static readonly DiagnosticDescriptor DuplicateIdentifier = Error("SC0133", "Identifier mapped twice",
        "the identifier '{0}' is mapped twice in this {1} mapping", "One entity mapping takes each identifier once; use a second mapping of the same type for a second entity.");

    // Custom details and alert details override.
    public static readonly DiagnosticDescriptor InvalidCustomDetailKey = Error("SC0141", "Bad custom detail key",
        "custom detail key '{0}' must start with a letter, hold only letters, digits and '_', and be at most 20 characters", "Sentinel's rule validation refuses other keys (pattern ^[a-zA-Z]+\\w*$, at most 20 characters).");
    public static readonly DiagnosticDescriptor InvalidColumnName = Error("SC0142", "Not a column name",
        "'{0}' is not a column name: it must start with a letter or '_' and hold only letters, digits and '_' (at most 500 characters)", "Custom details and alert-detail columns name a column of the query result, not an expression.");
    public static readonly DiagnosticDescriptor TooManyPlaceholders = Error("SC0151", "Too many placeholders",
        "{0} has {1} {{{{column}}}} placeholders; Sentinel allows at most 3", "Each of alertDisplayNameFormat and alertDescriptionFormat may use at most three {{Column}} placeholders.");
    public static readonly DiagnosticDescriptor MalformedPlaceholder = Error("SC0152", "Malformed placeholder",
        "{0} has a placeholder that is not closed or is empty; write {{{{ColumnName}}}}", "Placeholders are a column name between double braces: {{AccountName}}.");

    // Incident grouping.
    public static readonly DiagnosticDescriptor SelectedWithoutCriteria = Error("SC0161", "Selected grouping without criteria",
        "matchingMethod Selected needs at least one of groupByEntities, groupByAlertDetails or groupByCustomDetails", "With Selected, alerts are grouped when the listed entities or details match; with none listed Sentinel refuses the rule.");
    public static readonly DiagnosticDescriptor GroupByEntityNotMapped = Error("SC0162", "Grouping by an unmapped entity",
        "groupByEntities names {0}, which the rule does not map; map it in entityMappings or remove it", "Only entity types mapped by the rule can group its alerts.");
    public static readonly DiagnosticDescriptor GroupByCustomDetailUnknown = Error("SC0163", "Grouping by an undefined custom detail",
        "groupByCustomDetails names '{0}', which is not a key of customDetails{1}", "Only the rule's own custom-detail keys can group its alerts.");
    public static readonly DiagnosticDescriptor GroupingCriteriaIgnored = Warning("SC0164", "Grouping criteria ignored",
        "{0} is ignored unless matchingMethod is Selected (it is {1})", "The groupBy lists apply only to the Selected matching method.");

    // NRT rules.
    public static readonly DiagnosticDescriptor NrtFieldIgnored = Warning("SC0171", "Field has no effect on NRT rules",
        "{0} has no effect on an NRT rule, which runs every minute over the data ingested since its last run; remove it", "NRT rules have a fixed schedule and always alert when the query returns rows, so schedule and trigger fields are ignored.");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        DuplicateId, DurationOutOfRange, FrequencyExceedsPeriod, LongPeriodShortFrequency,
        InvalidVersion, SuppressionWithoutDuration,
        InvalidTechniqueId, UnknownTechnique, TechniqueTacticMismatch, DeprecatedTechnique, TechniquesWithoutTactics,
        UnknownIdentifier, MissingRequiredIdentifier, DuplicateIdentifier,
        InvalidCustomDetailKey, InvalidColumnName, TooManyPlaceholders, MalformedPlaceholder,
        SelectedWithoutCriteria, GroupByEntityNotMapped, GroupByCustomDetailUnknown, GroupingCriteriaIgnored,
        NrtFieldIgnored,
    ];
}
