using SentinelContent.Core.Diagnostics;

namespace SentinelContent.Playbooks.Diagnostics;

/// <summary>SC05xx: playbooks (structure, expressions, references, limits, secrets), automation rules and playbook tests.</summary>
public static class PlaybookDiagnostics
{
    private const string Category = "Playbook";

    private static DiagnosticDescriptor Error(string code, string title, string format, string help) =>
        new(code, title, format, DiagnosticSeverity.Error, Category, help);

    private static DiagnosticDescriptor Warning(string code, string title, string format, string help) =>
        new(code, title, format, DiagnosticSeverity.Warning, Category, help);

    // Structure
    public static readonly DiagnosticDescriptor ActionKindMissing = Error("SC0501", "Action kind missing or ambiguous",
        "the action '{0}' must have exactly one kind ({1}); found {2}", "Each action names what it does with one keyword (http, connector, if, foreach, scope, ...) or with type: for a raw Logic Apps action type.");
    public static readonly DiagnosticDescriptor DuplicateActionName = Error("SC0502", "Duplicate action name",
        "the action name '{0}' is used more than once (first at line {1})", "Logic Apps identifies actions by name across the whole workflow, including inside conditions and loops. Rename one.");
    public static readonly DiagnosticDescriptor InvalidActionValue = Error("SC0503", "Invalid action value",
        "{0}", "The value of an action keyword has the wrong shape: for example a list where the action's inputs mapping is expected.");
    public static readonly DiagnosticDescriptor UnknownRunAfterTarget = Error("SC0504", "runAfter names an unknown action",
        "runAfter names '{0}', which is not an action in the same list{1}", "An action can only run after actions in the same container (the same list of actions); actions inside a condition or loop cannot wait for actions outside it.");
    public static readonly DiagnosticDescriptor InvalidRunAfterStatus = Error("SC0505", "Invalid runAfter status",
        "'{0}' is not a runAfter status{1}; use Succeeded, Failed, Skipped or TimedOut", "runAfter accepts the statuses Succeeded, Failed, Skipped and TimedOut.");
    public static readonly DiagnosticDescriptor RunAfterCycle = Error("SC0506", "runAfter cycle",
        "the runAfter graph has a cycle: {0}", "Actions wait for each other in a circle, so none of them can start. Logic Apps refuses the workflow.");
    public static readonly DiagnosticDescriptor InvalidTrigger = Error("SC0507", "Invalid trigger",
        "{0}", "The trigger is incident, alert or entity (the Microsoft Sentinel connector), a mapping {sentinel: ..., entityType: ...}, or a raw Logic Apps trigger {name, type, inputs}.");
    public static readonly DiagnosticDescriptor InvalidConnection = Error("SC0508", "Invalid connection",
        "{0}", "Connections are KEY: {api: NAME, auth: managedIdentity|consent}. The key is what actions name with connection: KEY.");
    public static readonly DiagnosticDescriptor InvalidParameter = Error("SC0509", "Invalid parameter",
        "{0}", "Parameters are NAME: {type, defaultValue, value}; type is one of String, SecureString, Int, Float, Bool, Array, Object, SecureObject.");

    // Expressions
    public static readonly DiagnosticDescriptor ExpressionSyntax = Error("SC0510", "Expression syntax error",
        "{0}", "Workflow Definition Language expressions: functions with parenthesised arguments, single-quoted strings, [ ] and . property access, ? for null-safe access; @{...} interpolates inside text; @@ writes a literal @.");
    public static readonly DiagnosticDescriptor UnknownFunction = Error("SC0511", "Unknown function",
        "'{0}' is not a Workflow Definition Language function{1}", "Function names come from the Logic Apps expression functions reference (case-insensitive).");
    public static readonly DiagnosticDescriptor WrongArgumentCount = Error("SC0512", "Wrong number of arguments",
        "'{0}' takes {1} argument(s), not {2}", "The function reference lists each function's parameters; optional ones may be left out.");
    public static readonly DiagnosticDescriptor UnknownActionReference = Error("SC0513", "Reference to an unknown action",
        "{0}('{1}') names no action in this playbook{2}", "body(), outputs(), actions() and result() read another action's result; the name must be an action of the playbook (spaces written as _).");
    public static readonly DiagnosticDescriptor ItemOutsideLoop = Error("SC0514", "item() or items() outside a loop",
        "{0}", "item() is the current element of the enclosing for-each (or select/filter); items('Loop') names an enclosing for-each. Outside a loop there is no current item.");
    public static readonly DiagnosticDescriptor UnknownVariable = Error("SC0515", "Variable not initialised",
        "the variable '{0}' is not initialised by an initializeVariable action at the top level{1}", "Logic Apps only allows initializeVariable at the top level of the workflow, before the variable is used.");
    public static readonly DiagnosticDescriptor UnknownParameter = Error("SC0516", "Parameter not declared",
        "parameters('{0}') names no declared parameter{1}", "Declare the parameter under parameters: with its type.");
    public static readonly DiagnosticDescriptor UnknownConnection = Error("SC0517", "Connection not declared",
        "the connection '{0}' is not declared under connections:{1}", "Each connector action and Sentinel trigger uses a connection; declare it with its managed API name.");
    public static readonly DiagnosticDescriptor ExpressionTooLong = Error("SC0518", "Expression too long",
        "the expression is {0:N0} characters long; Logic Apps allows at most {1:N0}", "Logic Apps limits expressions to 8,192 characters. Split the work into compose actions.");
    public static readonly DiagnosticDescriptor VariableNotTopLevel = Error("SC0519", "Variable initialised inside a container",
        "initializeVariable '{0}' is inside '{1}'; variables can only be initialised at the top level", "Logic Apps refuses InitializeVariable inside conditions, loops and scopes. Move it to the top level.");
    public static readonly DiagnosticDescriptor DuplicateVariable = Error("SC0520", "Variable initialised twice",
        "the variable '{0}' is already initialised by '{1}'", "Each variable is initialised once; use setVariable to change it.");

    // Limits and placement
    public static readonly DiagnosticDescriptor NestingTooDeep = Error("SC0521", "Actions nested too deep",
        "the action '{0}' is nested {1} levels deep; Logic Apps allows {2}", "Logic Apps (Consumption) allows action nesting up to 8 levels. Move inner work into a separate playbook or flatten conditions.");
    public static readonly DiagnosticDescriptor TooManyActions = Error("SC0522", "Too many actions",
        "the playbook has {0} actions; Logic Apps allows at most {1}", "Logic Apps limits a workflow to 500 actions (the WDL page says 250; the limits page 500). Split the playbook.");
    public static readonly DiagnosticDescriptor InvalidConcurrency = Error("SC0523", "Invalid for-each concurrency",
        "{0}", "For-each concurrency (runtimeConfiguration.concurrency.repetitions) is 1 to 50 and cannot be combined with operationOptions: Sequential.");
    public static readonly DiagnosticDescriptor TooManyCases = Error("SC0524", "Too many switch cases",
        "the switch '{0}' has {1} cases; Logic Apps allows at most {2}", "Logic Apps limits Switch to 25 cases.");
    public static readonly DiagnosticDescriptor MisplacedAction = Error("SC0525", "Action not allowed here",
        "{0}", "Terminate is not allowed inside for-each or until loops; Response only works with an HTTP Request trigger, and not inside loops.");
    public static readonly DiagnosticDescriptor InlineSecret = Error("SC0526", "Secret written inline",
        "{0}", "Secrets (passwords, client secrets, API keys, bearer tokens) must not be written in the playbook: they end up in the template and in run history. Declare a SecureString parameter and reference it with @parameters('NAME'), or use managed identity.");
    public static readonly DiagnosticDescriptor MissingAudience = Warning("SC0527", "Managed identity without audience",
        "the HTTP action '{0}' uses managed identity without an audience; Logic Apps then asks for an Azure Resource Manager token and {1} refuses it", "Write authentication: {type: ManagedServiceIdentity, audience: https://graph.microsoft.com} (the audience of the called API).");
    public static readonly DiagnosticDescriptor UnusedConnection = Warning("SC0528", "Connection not used",
        "the connection '{0}' is declared but no action or trigger uses it", "Remove it, or it is deployed as an unused Microsoft.Web/connections resource.");

    public static readonly DiagnosticDescriptor VariableInParallelLoop = Warning("SC0529", "Variable changed in a parallel loop",
        "'{0}' changes the variable '{1}' inside the for-each '{2}', which runs up to 20 iterations at once; the result is unpredictable", "Logic Apps runs for-each iterations in parallel by default, and variable updates from parallel iterations interleave. Set operationOptions: Sequential (or concurrency 1) on the loop, or collect results with select.");

    public static readonly DiagnosticDescriptor IdentityRequired = Error("SC0531", "Managed identity required",
        "{0} needs the playbook's managed identity, but identity is none", "Roles, Graph permissions, HTTP calls with ManagedServiceIdentity and connections with auth: managedIdentity all act as the Logic App's system-assigned identity. Remove identity: none (system-assigned is the default).");

    public static readonly DiagnosticDescriptor InvalidPlaybookName = Error("SC0543", "Invalid Logic App name",
        "'{0}' is not a valid Logic App name: use 1 to 80 letters, digits, '-', '_', '.', '(' and ')', not ending in '.'",
        "The playbook's name is the Logic App's resource name (Azure's naming rule for Microsoft.Logic/workflows) and the name of the files `playbook build` writes, so a name such as ../../x or /etc/x could otherwise write outside the output folder or reach another URL on deploy. Rename the playbook.");

    // Automation rules
    public static readonly DiagnosticDescriptor InvalidAutomationRule = Error("SC0530", "Invalid automation rule",
        "{0}", "An automation rule names the analytics rules (by id, from analytics-rules/) whose incidents it handles and the playbooks (by name, from playbooks/) it runs.");

    // Tests
    public static readonly DiagnosticDescriptor InvalidTestFile = Error("SC0540", "Invalid playbook test file",
        "{0}", "A playbook test file holds tests: [{name, trigger or incident, mocks, expect}]; see docs/playbooks.md.");
    public static readonly DiagnosticDescriptor TestFailed = Error("SC0541", "Playbook test failed",
        "test '{0}' failed: {1}", "The simulator ran the playbook on the test's trigger payload with its mocks and the result differs from expect. The message says which call, status or incident change differs.");
    public static readonly DiagnosticDescriptor UnmatchedCall = Error("SC0542", "Call without a mock",
        "test '{0}': the action '{1}' called {2} {3}, which no mock answers", "Every HTTP or connector call made by the playbook must be answered by a mock of the test (matched by method and URL), so tests never reach Azure.");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        ActionKindMissing, DuplicateActionName, InvalidActionValue, UnknownRunAfterTarget, InvalidRunAfterStatus, RunAfterCycle,
        InvalidTrigger, InvalidConnection, InvalidParameter,
        ExpressionSyntax, UnknownFunction, WrongArgumentCount, UnknownActionReference, ItemOutsideLoop, UnknownVariable,
        UnknownParameter, UnknownConnection, ExpressionTooLong, VariableNotTopLevel, DuplicateVariable,
        NestingTooDeep, TooManyActions, InvalidConcurrency, TooManyCases, MisplacedAction, InlineSecret, MissingAudience, UnusedConnection, VariableInParallelLoop, IdentityRequired,
        InvalidPlaybookName,
        InvalidAutomationRule, InvalidTestFile, TestFailed, UnmatchedCall,
    ];
}
