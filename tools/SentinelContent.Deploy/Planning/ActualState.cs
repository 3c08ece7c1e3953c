using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Desired;

namespace SentinelContent.Deploy.Planning;

/// <summary>What the workspace holds: every resource of each content kind, and every content metadata record.</summary>
public sealed record ActualState(IReadOnlyDictionary<IContentKind, IReadOnlyList<ArmResource>> Resources, IReadOnlyList<ArmResource> Metadata)
{
    /// <summary>Lists the collections of every kind and the metadata collection (each with nextLink paging), concurrently.</summary>
    public static async Task<ActualState> ReadAsync(ArmClient client, WorkspaceScope scope, IReadOnlyList<IContentKind> kinds, CancellationToken cancellationToken)
    {
        var lists = kinds.Select(k => client.ListAsync(k.CollectionPath(scope), cancellationToken)).ToList();
        var metadata = client.ListAsync(scope.CollectionPath(Ownership.MetadataCollection), cancellationToken);
        await Task.WhenAll([.. lists, metadata]).ConfigureAwait(false);
        var resources = new Dictionary<IContentKind, IReadOnlyList<ArmResource>>();
        for (var i = 0; i < kinds.Count; i++) resources[kinds[i]] = lists[i].Result;
        return new ActualState(resources, metadata.Result);
    }
}
