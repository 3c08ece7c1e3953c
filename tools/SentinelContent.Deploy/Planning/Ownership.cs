using System.Text.Json.Nodes;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Desired;

namespace SentinelContent.Deploy.Planning;

/// <summary>
/// Who deployed what, recorded in Sentinel's own content metadata (Microsoft.SecurityInsights/metadata):
/// one record per deployed resource, with parentId = the resource, source = {kind: SourceRepository,
/// name: the targets file's repository}, and customVersion = the hash of the content deployed (to tell a
/// repository change from drift made in the portal). Prune deletes only what has such a record naming
/// this repository; rules made in the portal or by another repository have none, or another name.
/// </summary>
public static class Ownership
{
    public const string SourceKind = "SourceRepository";
    public const string MetadataCollection = "metadata";

    /// <summary>The metadata resource's name for a deployed resource: stable, so re-runs overwrite rather than add.</summary>
    public static string MetadataName(IContentKind kind, string resourceName) => $"{kind.Collection}-{resourceName}".ToLowerInvariant();

    public static JsonObject MetadataBody(DesiredResource resource, WorkspaceScope scope, string repository) => new()
    {
        ["properties"] = new JsonObject
        {
            ["contentId"] = resource.Name,
            ["parentId"] = resource.Path(scope),
            ["kind"] = resource.Kind.MetadataKind,
            ["source"] = new JsonObject { ["kind"] = SourceKind, ["name"] = repository, ["sourceId"] = repository },
            ["customVersion"] = JsonCanonical.Hash(resource.Body),
        },
    };

    /// <summary>True when the record says this repository deployed the resource.</summary>
    public static bool IsOwnedBy(ArmResource metadata, string repository) =>
        metadata.Properties["source"] is JsonObject source &&
        string.Equals(source["kind"]?.GetValue<string>(), SourceKind, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(source["name"]?.GetValue<string>(), repository, StringComparison.Ordinal);

    /// <summary>The recorded content hash, if the record is ours.</summary>
    public static string? RecordedHash(ArmResource? metadata) => metadata?.Properties["customVersion"]?.GetValue<string>();

    /// <summary>The (collection, name) of the resource a metadata record describes, from its parentId.</summary>
    public static (string Collection, string Name)? Parent(ArmResource metadata)
    {
        var parent = metadata.Properties["parentId"]?.GetValue<string>();
        if (parent is null) return null;
        var parts = parent.TrimEnd('/').Split('/');
        return parts.Length >= 2 ? (parts[^2], Uri.UnescapeDataString(parts[^1])) : null;
    }
}
