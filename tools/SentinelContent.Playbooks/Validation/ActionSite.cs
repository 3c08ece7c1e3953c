using System.Text.Json.Nodes;
using SentinelContent.Playbooks.Format;

using SentinelContent.Playbooks.Json;

namespace SentinelContent.Playbooks.Validation;

/// <summary>One action and where it sits: its container (the map of actions it is in), depth and enclosing loops.</summary>
/// <param name="Depth">0 at the top level, +1 for each enclosing condition, switch, loop or scope.</param>
/// <param name="Enclosing">The control actions around it, outermost first.</param>
public sealed record ActionSite(string Name, JsonObject Action, JsonObject Container, int Depth, IReadOnlyList<ActionSite> Enclosing)
{
    public string? Type => Action["type"] is JsonValue v && v.TryGetValue<string>(out var type) ? type : null;

    public ActionKind? Kind => Type is { } type ? ActionKinds.FromType(type) : null;

    public bool IsTopLevel => Depth == 0;

    /// <summary>The top-level action this one is (or is inside).</summary>
    public string TopLevelName => Enclosing.Count > 0 ? Enclosing[0].Name : Name;

    public bool InsideLoop => Enclosing.Any(e => e.Kind?.IsLoop == true);
}

/// <summary>Lists every action of a definition, depth first, with its position in the tree.</summary>
public static class ActionWalker
{
    public static List<ActionSite> Walk(JsonObject actions)
    {
        var sites = new List<ActionSite>();
        Visit(actions, 0, [], sites);
        return sites;
    }

    /// <summary>The maps of actions directly inside a control action (actions, else, default, every case).</summary>
    public static IEnumerable<JsonObject> ChildContainers(JsonObject action)
    {
        if (action["actions"] is JsonObject actions) yield return actions;
        if (action["else"].Get("actions") is JsonObject otherwise) yield return otherwise;
        if (action["cases"] is JsonObject cases)
            foreach (var (_, c) in cases) if (c.Get("actions") is JsonObject caseActions) yield return caseActions;
        if (action["default"].Get("actions") is JsonObject fallback) yield return fallback;
    }

    private static void Visit(JsonObject container, int depth, List<ActionSite> enclosing, List<ActionSite> sites)
    {
        foreach (var (name, node) in container)
        {
            if (node is not JsonObject action) continue;
            var site = new ActionSite(name, action, container, depth, [.. enclosing]);
            sites.Add(site);
            // Bounded by the YAML reader's depth limit, so recursion here stays shallow.
            enclosing.Add(site);
            foreach (var child in ChildContainers(action)) Visit(child, depth + 1, enclosing, sites);
            enclosing.RemoveAt(enclosing.Count - 1);
        }
    }
}
