using SentinelContent.Format;

namespace SentinelContent.Playbooks.Format;

/// <summary>
/// The playbook YAML format as data (the same FieldSpec mechanism as analytics rules): the format checker,
/// the compiler and the editor JSON Schema (docs/schemas/playbook.schema.json) read it.
/// </summary>
public static class PlaybookFormat
{
    /// <summary>Logic Apps limit for workflow, trigger and action names (fact sheet §1.2, [LIM]).</summary>
    public const int MaxNameLength = 80;

    /// <summary>
    /// Azure's naming rule for Logic Apps (Microsoft.Logic/workflows, "Naming rules and restrictions for Azure
    /// resources"): 1 to 80 letters, digits, '-', '_', '.', '(' and ')'. Not ending in '.' (which also rules out "."
    /// and "..") keeps the name usable as a file name and as a URL segment. A playbook's name becomes both: the
    /// files `playbook build` writes and the resource deploy PUTs, so anything else is refused (SC0543).
    /// </summary>
    public static bool IsValidLogicAppName(string name) =>
        name.Length is > 0 and <= MaxNameLength && !name.EndsWith('.') &&
        name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '(' or ')');

    /// <summary>Logic Apps action properties that only the raw form (type:) writes directly.</summary>
    public static readonly IReadOnlyList<string> RawProperties = ["inputs", "expression", "actions", "else", "foreach", "cases", "default"];

    /// <summary>The fields every action may have besides its kind keyword.</summary>
    public static readonly FieldSpec Action = new("action", FieldType.Object, "One action: a name, exactly one kind keyword (or type for a raw Logic Apps action) and optional runAfter.")
    {
        Fields =
        [
            new FieldSpec("name", FieldType.String, "The action's name in the workflow (letters, digits, _ - ( ) and spaces become _); unique in the playbook.") { Required = RequiredFor.All, MinLength = 1, MaxLength = MaxNameLength, Source = "Logic Apps limits: names up to 80 characters" },
            new FieldSpec("runAfter", FieldType.Any, "Which actions of the same list must finish first, and with which statuses: {Action: [Succeeded, Failed, Skipped, TimedOut]} or a list of names (Succeeded). Default: the previous action in the list succeeded; the first action runs first."),
            new FieldSpec("type", FieldType.String, "A raw Logic Apps action type, for types without a keyword; the other fields are copied as they are."),
            .. RawProperties.Select(p => new FieldSpec(p, FieldType.Any, $"With type: the Logic Apps property '{p}', copied as it is.")),
            .. ActionKinds.All.Select(k => new FieldSpec(k.Keyword, FieldType.Any, $"{k.WdlType}: {k.Description}")),
            .. ActionKinds.PassThroughProperties.Select(p => new FieldSpec(p, FieldType.Any, $"The Logic Apps action property '{p}', copied as it is.")),
        ],
    };

    public static readonly FieldSpec Root = new("playbook", FieldType.Object, "A Microsoft Sentinel playbook (Logic Apps Consumption workflow) written as YAML.")
    {
        Fields =
        [
            new FieldSpec("name", FieldType.String, "The Logic App's name (the default of the template's PlaybookName parameter).") { Required = RequiredFor.All, MinLength = 1, MaxLength = MaxNameLength, Source = "Logic Apps limits: names up to 80 characters" },
            new FieldSpec("description", FieldType.String, "What the playbook does, for the template metadata and documentation."),
            new FieldSpec("trigger", FieldType.Any, "incident, alert or entity (Microsoft Sentinel connector triggers), a mapping {sentinel: incident|alert|entity, entityType, connection, name}, or a raw trigger {name, type, ...}.") { Required = RequiredFor.All },
            new FieldSpec("identity", FieldType.Enum, "The Logic App's managed identity: systemAssigned (default) or none.") { Values = ["systemAssigned", "none"] },
            new FieldSpec("parameters", FieldType.Any, "Workflow parameters: NAME: {type: String|SecureString|Int|Bool|Array|Object|SecureObject, defaultValue, value}. Secrets belong in SecureString parameters, never inline."),
            new FieldSpec("connections", FieldType.Any, "Managed API connections: KEY: {api: azuresentinel, auth: managedIdentity|consent}. Actions name the KEY with connection: KEY.") ,
            new FieldSpec("roles", FieldType.ObjectList, "Azure roles the playbook's identity needs; compiled to role assignments and listed in the template outputs.")
            {
                Fields =
                [
                    new FieldSpec("role", FieldType.Enum, "A built-in role.") { Required = RequiredFor.All, Values = [.. RoleCatalog.All.Select(r => r.Name)] },
                    new FieldSpec("scope", FieldType.Enum, "Where the role is granted (default workspace).") { Values = RoleCatalog.Scopes },
                ],
            },
            new FieldSpec("graphPermissions", FieldType.StringList, "Microsoft Graph application permissions the identity needs (granted after deployment by an administrator; listed in the template outputs)."),
            new FieldSpec("tags", FieldType.StringMap, "Azure tags on the Logic App."),
            new FieldSpec("actions", FieldType.ObjectList, "The action graph, in order: each action runs after the previous one unless runAfter says otherwise.") { Required = RequiredFor.All, Fields = Action.Fields },
            new FieldSpec("outputs", FieldType.Any, "Workflow outputs, copied as they are."),
            new FieldSpec("staticResults", FieldType.Any, "Logic Apps static results (built-in mocks), copied as they are."),
            new FieldSpec("template", FieldType.Object, "Extra ARM template parameters and variables, for imported playbooks whose values use [parameters('...')].")
            {
                Fields =
                [
                    new FieldSpec("parameters", FieldType.Any, "ARM template parameters, copied as they are."),
                    new FieldSpec("variables", FieldType.Any, "ARM template variables, copied as they are."),
                ],
            },
        ],
    };
}
