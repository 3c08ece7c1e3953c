using System.Diagnostics;
using System.Text.Json.Nodes;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Desired;
using SentinelContent.Deploy.Planning;

namespace SentinelContent.Deploy.Apply;

/// <summary>
/// Carries out a plan with bounded parallelism. Every write is conditional: updates and deletes send the
/// ETag the plan saw (If-Match), creates send If-None-Match: *, so a change made meanwhile in the portal
/// is refused (412) rather than overwritten. Transient failures (429, 5xx, dropped connections) are retried
/// by the Azure.Core pipeline, honouring Retry-After. A retried write whose first attempt did reach the
/// server also comes back 412; the applier then reads the resource, and if it already holds the desired
/// content the item is done. That, and planning from the workspace's state on every run, is what makes an
/// interrupted or faulty run converge: the next run simply has less to do.
/// Order per resource: the resource, then its ownership record; on delete, the resource, then the record.
/// Order between kinds (<see cref="Desired.IContentKind.Stage"/>): creates and updates run stage by stage
/// upwards (connections, then playbooks and rules, then the automation rules that name them), deletes
/// afterwards stage by stage downwards, so nothing is ever written that names a resource not yet there.
/// </summary>
public sealed class Applier(ArmClient client, string repository, int parallelism)
{
    public async Task<ApplyResult> ApplyAsync(DeploymentPlan plan, IProgress<ItemResult>? progress, CancellationToken cancellationToken)
    {
        var writesBefore = client.Statistics.Writes;
        var readsBefore = client.Statistics.Reads;
        var failedBefore = client.Statistics.FailedAttempts;
        var clock = Stopwatch.StartNew();
        var results = new List<ItemResult>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken };
        foreach (var phase in Phases(plan))
        {
            var phaseResults = new ItemResult[phase.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, phase.Count), options, async (index, token) =>
            {
                var result = await ApplyItemAsync(plan.Scope, phase[index], token).ConfigureAwait(false);
                phaseResults[index] = result;
                progress?.Report(result);
            }).ConfigureAwait(false);
            results.AddRange(phaseResults);
        }
        return new ApplyResult(results, client.Statistics.Writes - writesBefore, client.Statistics.Reads - readsBefore, client.Statistics.FailedAttempts - failedBefore, clock.Elapsed);
    }

    /// <summary>The plan's writes in dependency order: writes by ascending stage, then deletes by descending stage.</summary>
    internal static IEnumerable<List<PlanItem>> Phases(DeploymentPlan plan)
    {
        var writes = plan.Items.Where(i => i.IsWrite && i.Action != PlanAction.Delete).GroupBy(i => i.Kind.Stage).OrderBy(g => g.Key);
        var deletes = plan.Items.Where(i => i.Action == PlanAction.Delete).GroupBy(i => i.Kind.Stage).OrderByDescending(g => g.Key);
        return writes.Concat(deletes).Select(g => g.ToList());
    }

    private async Task<ItemResult> ApplyItemAsync(WorkspaceScope scope, PlanItem item, CancellationToken token)
    {
        try
        {
            switch (item.Action)
            {
                case PlanAction.Create:
                case PlanAction.Update:
                    if (!await PutResourceAsync(scope, item, token).ConfigureAwait(false))
                        return new ItemResult(item, ApplyOutcome.Conflict, $"the {item.Kind.Noun} changed in the workspace after the plan was made; nothing was overwritten. Run plan again.");
                    await PutOwnershipAsync(scope, item, token).ConfigureAwait(false);
                    break;
                case PlanAction.Adopt:
                    await PutOwnershipAsync(scope, item, token).ConfigureAwait(false);
                    break;
                case PlanAction.Delete:
                    if (item.Actual is not null)
                        await client.DeleteAsync(item.Kind.ResourcePath(scope, item.Name), item.Actual.ETag, token).ConfigureAwait(false);
                    if (item.Metadata is not null)
                        await client.DeleteAsync(scope.ResourcePath(Ownership.MetadataCollection, item.Metadata.Name), null, token).ConfigureAwait(false);
                    break;
            }
            return new ItemResult(item, ApplyOutcome.Done);
        }
        catch (ArmRequestException e) when (e.IsPreconditionFailed)
        {
            return new ItemResult(item, ApplyOutcome.Conflict, $"the {item.Kind.Noun} changed in the workspace after the plan was made; nothing was overwritten. Run plan again.");
        }
        catch (ArmRequestException e)
        {
            return new ItemResult(item, ApplyOutcome.Failed, e.Message);
        }
        catch (EndpointUnreachableException e)
        {
            return new ItemResult(item, ApplyOutcome.Failed, e.Message);
        }
    }

    /// <summary>PUT with the plan's precondition; false when the workspace holds something else than the plan expected.</summary>
    private async Task<bool> PutResourceAsync(WorkspaceScope scope, PlanItem item, CancellationToken token)
    {
        var desired = item.Desired!;
        var path = desired.Path(scope);
        var body = desired.PutBody();
        var creating = item.Action == PlanAction.Create;
        if (!creating && item.Actual?.ETag is { } etag) body["etag"] = etag; // Sentinel also checks the body's etag
        try
        {
            await client.PutAsync(path, body, creating ? null : item.Actual?.ETag, mustNotExist: creating, token).ConfigureAwait(false);
            return true;
        }
        catch (ArmRequestException e) when (e.IsPreconditionFailed)
        {
            // Either our own earlier attempt landed (its response was lost) or someone else wrote: look.
            var now = await client.GetAsync(path, token).ConfigureAwait(false);
            return now is not null && JsonCanonical.Equal(desired.Kind.Comparable(now), desired.Body);
        }
    }

    private async Task PutOwnershipAsync(WorkspaceScope scope, PlanItem item, CancellationToken token)
    {
        var desired = item.Desired!;
        var name = Ownership.MetadataName(desired.Kind, desired.Name);
        var body = Ownership.MetadataBody(desired, scope, repository);
        // The record is ours to rewrite (the plan only adopts records naming this repository or none), so no precondition.
        await client.PutAsync(scope.ResourcePath(Ownership.MetadataCollection, name), body, ifMatch: null, mustNotExist: false, token).ConfigureAwait(false);
    }
}
