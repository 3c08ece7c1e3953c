using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Desired;

namespace SentinelContent.Deploy.Planning;

/// <summary>The inputs of a plan: the desired resources, the workspace's state, and the safety settings.</summary>
public sealed record PlanRequest(
    string Environment,
    WorkspaceScope Scope,
    string Repository,
    IReadOnlyList<IContentKind> Kinds,
    IReadOnlyList<DesiredResource> Desired,
    ActualState Actual,
    bool Prune,
    IReadOnlySet<string> Protect);

/// <summary>
/// Compares desired with actual, per kind. Desired resources are created, updated (with field changes),
/// adopted or left alone. A workspace resource the repository does not declare is deleted only with
/// --prune, only if the metadata says this repository deployed it, and never if the protect list names it.
/// </summary>
public static class Planner
{
    public static DeploymentPlan Plan(PlanRequest request)
    {
        var items = new List<PlanItem>();
        var kept = new List<KeptResource>();
        var owned = new Dictionary<(string, string), ArmResource>(KeyComparer.Instance);
        foreach (var record in request.Actual.Metadata)
        {
            if (Ownership.IsOwnedBy(record, request.Repository) && Ownership.Parent(record) is { } parent) owned[parent] = record;
        }

        foreach (var kind in request.Kinds)
        {
            var actual = request.Actual.Resources.TryGetValue(kind, out var list) ? list : [];
            var actualByName = actual.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            var desired = request.Desired.Where(d => d.Kind == kind).ToList();
            var desiredNames = desired.Select(d => d.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

            foreach (var d in desired)
            {
                owned.TryGetValue((kind.Collection, d.Name), out var record);
                items.Add(PlanDesired(d, actualByName.GetValueOrDefault(d.Name), record));
            }

            foreach (var a in actual.Where(a => !desiredNames.Contains(a.Name)).OrderBy(a => a.Name, StringComparer.Ordinal))
            {
                var display = a.Properties["displayName"]?.GetValue<string>() ?? a.Name;
                if (kind.Comparable(a) is null) continue; // a sort of resource the repository cannot express (Fusion, ML...): never ours
                if (!owned.TryGetValue((kind.Collection, a.Name), out var record))
                    kept.Add(new KeptResource(kind, a.Name, display, "not deployed by this repository"));
                else if (!request.Prune)
                    kept.Add(new KeptResource(kind, a.Name, display, "deployed by this repository but no longer in it; --prune deletes it"));
                else if (request.Protect.Contains(a.Name))
                    kept.Add(new KeptResource(kind, a.Name, display, "protected in the targets file"));
                else
                    items.Add(new PlanItem { Kind = kind, Name = a.Name, DisplayName = display, Action = PlanAction.Delete, Actual = a, Metadata = record });
            }

            // Records of ours whose resource is gone (a run interrupted between the two deletes): cleaned up by prune.
            if (request.Prune)
            {
                var actualNames = actualByName.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
                foreach (var ((collection, name), record) in owned.Where(o => o.Key.Item1.Equals(kind.Collection, StringComparison.OrdinalIgnoreCase)).OrderBy(o => o.Key.Item2, StringComparer.Ordinal))
                {
                    if (actualNames.Contains(name) || desiredNames.Contains(name) || request.Protect.Contains(name)) continue;
                    items.Add(new PlanItem { Kind = kind, Name = name, DisplayName = name, Action = PlanAction.Delete, Metadata = record });
                }
            }
        }
        var collections = request.Kinds.Select(k => k.Collection).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new DeploymentPlan(request.Environment, request.Scope, items, kept, request.Prune)
        {
            Owned = owned.Keys.Count(k => collections.Contains(k.Item1)),
        };
    }

    private static PlanItem PlanDesired(DesiredResource d, ArmResource? actual, ArmResource? record)
    {
        var item = new PlanItem { Kind = d.Kind, Name = d.Name, DisplayName = d.DisplayName, Action = PlanAction.Unchanged, Desired = d, Actual = actual, Metadata = record };
        if (actual is null) return item with { Action = PlanAction.Create };

        var comparable = d.Kind.Comparable(actual);
        // Compare canonical text first: most items are unchanged, and the field walk is only needed for the rest.
        var actualText = JsonCanonical.Serialize(comparable);
        var desiredText = JsonCanonical.Serialize(d.Body);
        var recorded = Ownership.RecordedHash(record);
        if (actualText != desiredText)
        {
            // Drift: the workspace no longer holds what this repository last deployed there.
            var drift = recorded is not null && recorded != JsonCanonical.HashOf(actualText);
            return item with { Action = PlanAction.Update, Changes = JsonDiff.Compare(comparable, d.Body), Drift = drift };
        }
        return recorded == JsonCanonical.HashOf(desiredText) ? item : item with { Action = PlanAction.Adopt };
    }

    private sealed class KeyComparer : IEqualityComparer<(string, string)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((string, string) x, (string, string) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.Item1, y.Item1) && StringComparer.OrdinalIgnoreCase.Equals(x.Item2, y.Item2);

        public int GetHashCode((string, string) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item1), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item2));
    }
}
