using System.Text.Json.Nodes;
using SentinelContent.Core.Text;
using SentinelContent.Core.Values;
using SentinelContent.Playbooks.Diagnostics;
using SentinelContent.Playbooks.Format;
using SentinelContent.Playbooks.Json;

namespace SentinelContent.Playbooks.Validation;

/// <summary>
/// Variables: initialised only by top-level initializeVariable actions, once each, and used only by actions that
/// run after the initialising action (through the runAfter graph of the top level).
/// </summary>
public sealed class VariableScope
{
    private readonly Dictionary<string, ActionSite> _initialisedBy = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<string>> _runsAfter = new(StringComparer.Ordinal);

    public VariableScope(PlaybookCheckContext context)
    {
        foreach (var site in context.Sites.Where(s => s.Kind == ActionKinds.InitializeVariable))
        {
            if (!site.IsTopLevel)
            {
                context.Report(PlaybookDiagnostics.VariableNotTopLevel, context.LocationOf(site.Action), site.Name, site.Enclosing[^1].Name);
                continue;
            }
            foreach (var variable in (site.Action["inputs"].Get("variables") as JsonArray ?? []).OfType<JsonObject>())
            {
                if (JsonRead.Text(variable["name"]) is not { } name) continue;
                if (_initialisedBy.TryGetValue(name, out var first))
                    context.Report(PlaybookDiagnostics.DuplicateVariable, context.LocationOf(variable["name"], site.Action), name, first.Name);
                else
                    _initialisedBy[name] = site;
            }
        }
        var topLevel = context.Sites.Where(s => s.IsTopLevel).ToList();
        foreach (var site in topLevel) _runsAfter[site.Name] = Predecessors(site.Name, topLevel);
        Context = context;
    }

    private PlaybookCheckContext Context { get; }

    public void CheckUse(string name, ActionSite? user, SourceLocation where)
    {
        if (!_initialisedBy.TryGetValue(name, out var init))
        {
            Context.Report(PlaybookDiagnostics.UnknownVariable, where, name, Similarity.DidYouMean(name, _initialisedBy.Keys));
            return;
        }
        if (user is null) return;
        var top = user.TopLevelName;
        if (top != init.Name && _runsAfter.TryGetValue(top, out var before) && !before.Contains(init.Name))
            Context.Report(PlaybookDiagnostics.UnknownVariable, where, name, $" before '{top}' runs ('{init.Name}' initialises it, but '{top}' does not run after it)");
        if (top == init.Name && user == init)
            Context.Report(PlaybookDiagnostics.UnknownVariable, where, name, $" before '{init.Name}' runs (it is used in its own initialisation)");
    }

    private static HashSet<string> Predecessors(string name, List<ActionSite> topLevel)
    {
        var byName = topLevel.GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        stack.Push(name);
        while (stack.Count > 0)
        {
            if (!byName.TryGetValue(stack.Pop(), out var site) || site.Action["runAfter"] is not JsonObject runAfter) continue;
            foreach (var (target, _) in runAfter)
            {
                if (seen.Add(target)) stack.Push(target);
            }
        }
        return seen;
    }
}
