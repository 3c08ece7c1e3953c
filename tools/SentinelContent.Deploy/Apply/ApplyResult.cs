using SentinelContent.Deploy.Planning;

namespace SentinelContent.Deploy.Apply;

public enum ApplyOutcome
{
    Done,

    /// <summary>The resource changed in the workspace after the plan was made (ETag mismatch); nothing was overwritten.</summary>
    Conflict,

    Failed,
}

/// <summary>What happened to one plan item.</summary>
public sealed record ItemResult(PlanItem Item, ApplyOutcome Outcome, string? Error = null);

/// <summary>The whole run: per-item results and what went over the wire.</summary>
public sealed record ApplyResult(IReadOnlyList<ItemResult> Items, long WriteRequests, long ReadRequests, long FailedAttempts, TimeSpan Elapsed)
{
    public int Count(ApplyOutcome outcome) => Items.Count(i => i.Outcome == outcome);

    public bool Succeeded => Items.All(i => i.Outcome == ApplyOutcome.Done);
}
