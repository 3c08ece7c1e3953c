using System.Text.Json.Nodes;
using SentinelContent.Core.Values;
using SentinelContent.Playbooks.Diagnostics;
using SentinelContent.Playbooks.Format;

namespace SentinelContent.Playbooks.Validation;

/// <summary>runAfter names actions of the same container, uses valid statuses, and the graph of each container is acyclic.</summary>
public sealed class RunAfterCheck : IPlaybookCheck
{
    public void Check(PlaybookCheckContext context)
    {
        var containers = context.Sites.GroupBy(s => s.Container, ReferenceEqualityComparer.Instance);
        foreach (var container in containers)
        {
            var names = container.Select(s => s.Name).ToList();
            foreach (var site in container)
            {
                if (site.Action["runAfter"] is not JsonObject runAfter) continue;
                foreach (var (target, statuses) in runAfter)
                {
                    var where = context.LocationOf(statuses, runAfter);
                    if (!names.Contains(target, StringComparer.Ordinal))
                    {
                        var elsewhere = context.FindAction(target) is not null ? " (it is in another container)" : Similarity.DidYouMean(target, names);
                        context.Report(PlaybookDiagnostics.UnknownRunAfterTarget, where, target, elsewhere);
                    }
                    if (statuses is not JsonArray list) continue;
                    foreach (var status in list)
                    {
                        var text = status is JsonValue v && v.TryGetValue<string>(out var s) ? s : status?.ToJsonString() ?? "null";
                        if (!ActionKinds.RunAfterStatuses.Contains(text, StringComparer.OrdinalIgnoreCase))
                            context.Report(PlaybookDiagnostics.InvalidRunAfterStatus, context.LocationOf(status, statuses), text, Similarity.DidYouMean(text, ActionKinds.RunAfterStatuses));
                    }
                }
            }
            if (FindCycle(container.ToList()) is { } cycle)
                context.Report(PlaybookDiagnostics.RunAfterCycle, context.LocationOf(cycle[0].Action), string.Join(" → ", cycle.Select(c => c.Name).Append(cycle[0].Name)));
        }
    }

    /// <summary>Depth-first search with colours; returns the actions on the first cycle found.</summary>
    private static List<ActionSite>? FindCycle(List<ActionSite> sites)
    {
        var byName = sites.GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<ActionSite>();
        foreach (var site in sites)
        {
            if (Visit(site) is { } cycle) return cycle;
        }
        return null;

        List<ActionSite>? Visit(ActionSite site)
        {
            if (state.GetValueOrDefault(site.Name) == 2) return null;
            if (state.GetValueOrDefault(site.Name) == 1) return path[path.FindIndex(p => p.Name == site.Name)..];
            state[site.Name] = 1;
            path.Add(site);
            if (site.Action["runAfter"] is JsonObject runAfter)
            {
                foreach (var (target, _) in runAfter)
                {
                    if (byName.TryGetValue(target, out var next) && Visit(next) is { } cycle) return cycle;
                }
            }
            path.RemoveAt(path.Count - 1);
            state[site.Name] = 2;
            return null;
        }
    }
}
