using SentinelContent.Core.Diagnostics;

namespace SentinelContent.Format;

/// <summary>
/// The shape of a YAML document against its <see cref="FieldSpec"/> tree (SC01xx, shared by every content format:
/// analytics rules, rule tests, playbooks, automation rules, sentinel.yaml). The codes and texts predate this
/// project, when analytics rules were the only format, hence their category.
/// </summary>
public static class FormatDiagnostics
{
    private const string Category = "Rule";

    private static DiagnosticDescriptor Error(string code, string title, string format, string help) =>
        new(code, title, format, DiagnosticSeverity.Error, Category, help);

    private static DiagnosticDescriptor Warning(string code, string title, string format, string help) =>
        new(code, title, format, DiagnosticSeverity.Warning, Category, help);

    public static readonly DiagnosticDescriptor RequiredField = Error("SC0101", "Required field missing",
        "the field '{0}' is required{1}; add it", "Sentinel refuses a rule without this field. Scheduled rules need queryFrequency, queryPeriod, triggerOperator and triggerThreshold; every rule needs id, name, description, severity, query and kind.");
    public static readonly DiagnosticDescriptor WrongType = Error("SC0102", "Wrong value type",
        "'{0}' must be {1}, but it is {2}", "The value has the wrong YAML type: for example a list where text is expected, or text where a number is expected. Quote text that YAML would read as a number or boolean.");
    public static readonly DiagnosticDescriptor UnknownField = Warning("SC0103", "Unknown field",
        "unknown field '{0}'{1}; Sentinel ignores it", "The field is not part of Sentinel's analytics-rule format, so it has no effect. It is often a misspelling: the message suggests the closest known field.");
    public static readonly DiagnosticDescriptor InvalidValue = Error("SC0104", "Value not allowed",
        "'{0}' is not a valid value for {1}{2}; use one of: {3}", "The field takes one of a closed list of values, spelled exactly as Sentinel spells them.");
    public static readonly DiagnosticDescriptor TooLong = Error("SC0105", "Value too long",
        "'{0}' is {1:N0} characters long; Sentinel allows at most {2:N0}", "Sentinel refuses values over this length. Shorten the text; for queries, move reusable logic into a workspace function or a watchlist.");
    public static readonly DiagnosticDescriptor Empty = Error("SC0106", "Value empty",
        "'{0}' must not be empty", "An empty value is refused by Sentinel for this field. Write the value, or remove the field if it is optional.");
    public static readonly DiagnosticDescriptor TooManyItems = Error("SC0107", "Too many items",
        "'{0}' has {1} items; Sentinel allows at most {2}", "Sentinel's service limits bound this list (for example 10 entity mappings, 3 identifiers per entity, 20 custom details).");
    public static readonly DiagnosticDescriptor TooFewItems = Error("SC0108", "Too few items",
        "'{0}' must have at least {1} item(s)", "An empty list is refused by Sentinel's API for this field; remove the field instead of leaving it empty.");
    public static readonly DiagnosticDescriptor OutOfRange = Error("SC0109", "Number out of range",
        "'{0}' is {1}; it must be between {2} and {3}", "The number is outside the range Sentinel accepts for this field.");
    public static readonly DiagnosticDescriptor InvalidGuid = Error("SC0110", "Id is not a GUID",
        "the id '{0}' is not a GUID; generate one (for example with `uuidgen` or `[guid]::NewGuid()`) and never change it", "The id becomes the rule's resource name in the workspace: it must be a GUID and stay stable across versions, or deployments create duplicates.");
    public static readonly DiagnosticDescriptor InvalidDuration = Error("SC0112", "Not a duration",
        "'{0}' is not a duration: {1}", "Durations are written as ISO 8601 (PT5M, PT1H, P1D, P1DT12H), as ARM and exports do, or in the short form of the Azure-Sentinel repository: a whole number and a lower-case m, h or d (5m, 1h, 14d), which its tooling converts to ISO 8601. Deploy writes ISO 8601 either way.");
    public static readonly DiagnosticDescriptor DuplicateValue = Warning("SC0118", "Value listed twice",
        "'{0}' is listed twice in {1}", "A repeated value has no effect; remove the copy.");

    public static readonly DiagnosticDescriptor MisplacedContent = Error("SC0181", "Content in the wrong place",
        "this file looks like {0} ({1}), but {2}; {3}",
        "Discovery reads a file by its folder and name: YAML under playbooks/ is playbook content, elsewhere an analytics rule, "
        + "and NAME.tests.yaml files are tests. A file outside analytics-rules/ and playbooks/ is read as what its content "
        + "plainly is; one whose folder or name contradicts its content is reported once, with where it belongs, and not read "
        + "further. Move or rename it.");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        RequiredField, WrongType, UnknownField, InvalidValue, TooLong, Empty, TooManyItems, TooFewItems, OutOfRange,
        InvalidGuid, InvalidDuration, DuplicateValue, MisplacedContent,
    ];
}
