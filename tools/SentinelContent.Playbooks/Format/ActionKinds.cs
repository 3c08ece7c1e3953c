namespace SentinelContent.Playbooks.Format;

/// <summary>
/// The catalog of action kinds (Logic Apps action types, fact sheet §1.3). A playbook action is a mapping
/// with a <c>name</c>, exactly one of these keywords (or <c>type</c> for any other Logic Apps type, written
/// raw), and optional <c>runAfter</c> and pass-through properties.
/// </summary>
public static class ActionKinds
{
    public static readonly ActionKind Http = new("http", "Http", ActionShape.Inputs, "An HTTP request (method, uri, headers, queries, body, authentication). Use authentication {type: ManagedServiceIdentity, audience: https://graph.microsoft.com} for Microsoft Graph.");
    public static readonly ActionKind Connector = new("connector", "ApiConnection", ActionShape.Inputs, "A managed connector call (connection, method, path, body, queries); for Microsoft Sentinel: connection azuresentinel, for example post /Incidents/Comment.") { UsesConnection = true };
    public static readonly ActionKind ConnectorWebhook = new("connectorWebhook", "ApiConnectionWebhook", ActionShape.Inputs, "A connector call that waits for a callback (approvals, Teams adaptive cards).") { UsesConnection = true };
    public static readonly ActionKind Compose = new("compose", "Compose", ActionShape.Inputs, "Builds a value; read it with outputs('NAME').");
    public static readonly ActionKind ParseJson = new("parseJson", "ParseJson", ActionShape.Inputs, "Parses JSON content with a schema (content, schema); read it with body('NAME').");
    public static readonly ActionKind Select = new("select", "Select", ActionShape.Inputs, "Maps each item of an array (from, select).") { SetsItem = true };
    public static readonly ActionKind Filter = new("filter", "Query", ActionShape.Inputs, "Filters an array (from, where); the designer calls it Filter array.") { SetsItem = true };
    public static readonly ActionKind Join = new("join", "Join", ActionShape.Inputs, "Joins an array into text (from, joinWith).");
    public static readonly ActionKind Table = new("table", "Table", ActionShape.Inputs, "Makes an HTML or CSV table from an array (from, format, columns).") { SetsItem = true };
    public static readonly ActionKind InitializeVariable = new("initializeVariable", "InitializeVariable", ActionShape.Inputs, "Declares variables at the top level: {variables: [{name, type, value}]}.");
    public static readonly ActionKind SetVariable = new("setVariable", "SetVariable", ActionShape.Inputs, "Sets a variable: {name, value}.") { UsesVariable = true };
    public static readonly ActionKind AppendToArray = new("appendToArray", "AppendToArrayVariable", ActionShape.Inputs, "Appends to an array variable: {name, value}.") { UsesVariable = true };
    public static readonly ActionKind AppendToString = new("appendToString", "AppendToStringVariable", ActionShape.Inputs, "Appends to a string variable: {name, value}.") { UsesVariable = true };
    public static readonly ActionKind Increment = new("increment", "IncrementVariable", ActionShape.Inputs, "Adds to an integer variable: {name, value}.") { UsesVariable = true };
    public static readonly ActionKind Decrement = new("decrement", "DecrementVariable", ActionShape.Inputs, "Subtracts from an integer variable: {name, value}.") { UsesVariable = true };
    public static readonly ActionKind Terminate = new("terminate", "Terminate", ActionShape.Inputs, "Ends the run: {runStatus: Failed|Cancelled|Succeeded, runError: {code, message}}. Not allowed inside loops.");
    public static readonly ActionKind Response = new("response", "Response", ActionShape.Inputs, "Answers an HTTP request trigger: {statusCode, body}. Only with a Request trigger (kind: Http).");
    public static readonly ActionKind Wait = new("wait", "Wait", ActionShape.Inputs, "Waits: {interval: {count, unit}} or {until: {timestamp}}.");
    public static readonly ActionKind Workflow = new("workflow", "Workflow", ActionShape.Inputs, "Calls another Logic App: {host: {triggerName, workflow: {id}}, body}.");

    public static readonly ActionKind If = new("if", "If", ActionShape.Control, "A condition: {expression, actions, else}; expression is an @ expression or the designer's object form.")
    {
        Fields = [new("expression", "expression", ControlFieldKind.Value, Required: true), new("actions", "actions", ControlFieldKind.Actions), new("else", "else", ControlFieldKind.WrappedActions)],
    };

    public static readonly ActionKind Switch = new("switch", "Switch", ActionShape.Control, "A switch: {expression, cases: {NAME: {case, actions}}, default}. At most 25 cases.")
    {
        Fields = [new("expression", "expression", ControlFieldKind.Value, Required: true), new("cases", "cases", ControlFieldKind.Cases), new("default", "default", ControlFieldKind.WrappedActions)],
    };

    public static readonly ActionKind Foreach = new("foreach", "Foreach", ActionShape.Control, "A loop: {items: @expression of an array, actions}. Concurrency goes in runtimeConfiguration.concurrency.repetitions (1-50) or operationOptions: Sequential.")
    {
        Fields = [new("items", "foreach", ControlFieldKind.Value, Required: true), new("actions", "actions", ControlFieldKind.Actions)],
        IsLoop = true,
        SetsItem = true,
    };

    public static readonly ActionKind Until = new("until", "Until", ActionShape.Control, "A do-while loop: {expression, limit: {count, timeout}, actions}.")
    {
        Fields = [new("expression", "expression", ControlFieldKind.Value, Required: true), new("limit", "limit", ControlFieldKind.Value), new("actions", "actions", ControlFieldKind.Actions)],
        IsLoop = true,
    };

    public static readonly ActionKind Scope = new("scope", "Scope", ActionShape.Control, "Groups actions: {actions}; its status is Failed when an inner action fails, so a following action with runAfter [Failed] handles errors.")
    {
        Fields = [new("actions", "actions", ControlFieldKind.Actions)],
    };

    public static IReadOnlyList<ActionKind> All { get; } =
    [
        Http, Connector, ConnectorWebhook, Compose, ParseJson, Select, Filter, Join, Table,
        InitializeVariable, SetVariable, AppendToArray, AppendToString, Increment, Decrement,
        Terminate, Response, Wait, Workflow, If, Switch, Foreach, Until, Scope,
    ];

    private static readonly Dictionary<string, ActionKind> ByKeyword = All.ToDictionary(k => k.Keyword, StringComparer.Ordinal);
    private static readonly Dictionary<string, ActionKind> ByType = All.ToDictionary(k => k.WdlType, StringComparer.OrdinalIgnoreCase);

    public static ActionKind? FromKeyword(string keyword) => ByKeyword.GetValueOrDefault(keyword);

    /// <summary>The kind for a Logic Apps type (case-insensitive, as Logic Apps reads types).</summary>
    public static ActionKind? FromType(string type) => ByType.GetValueOrDefault(type);

    /// <summary>Action properties other than type/inputs/runAfter that Logic Apps accepts and the format passes through unchanged.</summary>
    public static IReadOnlyList<string> PassThroughProperties { get; } =
        ["runtimeConfiguration", "operationOptions", "description", "trackedProperties", "limit", "kind", "metadata"];

    /// <summary>The statuses runAfter accepts (fact sheet §1.4).</summary>
    public static IReadOnlyList<string> RunAfterStatuses { get; } = ["Succeeded", "Failed", "Skipped", "TimedOut"];
}
