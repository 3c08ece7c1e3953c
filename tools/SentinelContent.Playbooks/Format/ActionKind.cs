namespace SentinelContent.Playbooks.Format;

/// <summary>How the YAML value of an action kind maps to the Logic Apps action.</summary>
public enum ActionShape
{
    /// <summary>The YAML value is the action's <c>inputs</c> (HTTP, connector calls, compose, variables...).</summary>
    Inputs,
    /// <summary>The YAML value is a mapping of the fields in <see cref="ActionKind.Fields"/> (conditions, loops, scopes).</summary>
    Control,
}

/// <summary>What a field of a control action holds.</summary>
public enum ControlFieldKind
{
    /// <summary>A value copied as is (an expression, a limit).</summary>
    Value,
    /// <summary>A list of actions, compiled to the WDL map of actions.</summary>
    Actions,
    /// <summary>A list of actions, compiled to <c>{ "actions": { ... } }</c> (If's else, Switch's default).</summary>
    WrappedActions,
    /// <summary>Switch cases: name → { case, actions }.</summary>
    Cases,
}

/// <summary>A field of a control action: its YAML name, its WDL name and what it holds.</summary>
public sealed record ControlField(string YamlName, string WdlName, ControlFieldKind Kind, bool Required = false);

/// <summary>
/// One kind of action as data: the YAML keyword that introduces it, the Logic Apps type it compiles to and
/// how its value maps. The compiler, the importer, the validator and the JSON Schema read this catalog.
/// </summary>
public sealed record ActionKind(string Keyword, string WdlType, ActionShape Shape, string Description)
{
    public IReadOnlyList<ControlField> Fields { get; init; } = [];

    /// <summary>True for loops (Foreach, Until): Terminate is not allowed inside them.</summary>
    public bool IsLoop { get; init; }

    /// <summary>True for loops that set <c>item()</c>/<c>items('name')</c>.</summary>
    public bool SetsItem { get; init; }

    /// <summary>The inputs field that names a workflow variable (SetVariable, AppendTo...): checked against initialised variables.</summary>
    public bool UsesVariable { get; init; }

    /// <summary>Inputs that name a connection through <c>host</c>: written <c>connection: NAME</c> in YAML.</summary>
    public bool UsesConnection { get; init; }
}
