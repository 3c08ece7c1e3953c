using System.Text.Json.Nodes;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Desired;

namespace SentinelContent.Deploy.Planning;

public enum PlanAction
{
    Unchanged,

    /// <summary>The resource is missing from the workspace.</summary>
    Create,

    /// <summary>The resource differs from the repository (a repository change, drift made in the portal, or both).</summary>
    Update,

    /// <summary>Owned by this repository, gone from it, and --prune was given.</summary>
    Delete,

    /// <summary>Content already matches; only the ownership record is written (after export, or after an interrupted run).</summary>
    Adopt,
}

/// <summary>One changed field: its JSON path and its values before and after (null when absent).</summary>
public sealed record FieldChange(string Path, JsonNode? Before, JsonNode? After);

/// <summary>What happens to one resource.</summary>
public sealed record PlanItem
{
    public required IContentKind Kind { get; init; }

    public required string Name { get; init; }

    public required string DisplayName { get; init; }

    public required PlanAction Action { get; init; }

    public IReadOnlyList<FieldChange> Changes { get; init; } = [];

    /// <summary>The workspace's version was changed outside this repository since it was last deployed.</summary>
    public bool Drift { get; init; }

    /// <summary>The desired body (create, update, adopt).</summary>
    public DesiredResource? Desired { get; init; }

    /// <summary>The workspace's resource as the plan saw it (update, delete, adopt).</summary>
    public ArmResource? Actual { get; init; }

    /// <summary>The ownership record as the plan saw it, if any.</summary>
    public ArmResource? Metadata { get; init; }

    public bool IsWrite => Action != PlanAction.Unchanged;
}

/// <summary>A resource seen in the workspace that the plan leaves alone, and why (for --prune reports).</summary>
public sealed record KeptResource(IContentKind Kind, string Name, string DisplayName, string Reason);

/// <summary>The whole plan for one environment.</summary>
public sealed record DeploymentPlan(string Environment, WorkspaceScope Scope, IReadOnlyList<PlanItem> Items, IReadOnlyList<KeptResource> Kept, bool Prune)
{
    public int Count(PlanAction action) => Items.Count(i => i.Action == action);

    /// <summary>How many items of the planned kinds the workspace records as deployed by this repository.</summary>
    public int Owned { get; init; }

    /// <summary>
    /// Why this plan must not be applied without --allow-mass-delete, or null: it deletes more than
    /// <paramref name="thresholdPercent"/>% of the items this repository owns (and more than one), the mark of an
    /// empty or wrong checkout (a --targets pointing elsewhere, a failed clone) rather than of a deliberate clean-up.
    /// </summary>
    public string? MassDeleteRefusal(int thresholdPercent)
    {
        var deletes = Count(PlanAction.Delete);
        if (deletes <= 1 || deletes * 100L <= (long)thresholdPercent * Math.Max(Owned, 1)) return null;
        var share = Owned == 0 ? 100 : (int)Math.Round(deletes * 100.0 / Owned);
        return $"this plan deletes {deletes} of the {Owned} item(s) this repository deployed to the workspace ({share}%, more than the {thresholdPercent}% threshold). " +
            "If that is intended, run again with --allow-mass-delete; if not, check that the repository holds its content (--repository) and that --targets names the right file.";
    }

    public bool HasChanges => Items.Any(i => i.IsWrite);
}
