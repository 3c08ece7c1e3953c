using System.Text.Json.Nodes;
using SentinelContent.Deploy.Arm;

namespace SentinelContent.Deploy.Desired;

/// <summary>
/// One resource the repository wants in the workspace: the ARM body to PUT (kind and properties, without
/// etag or read-only fields) and where it came from. <see cref="Body"/> is what the plan compares, shows and
/// hashes; <see cref="WriteOnly"/> holds fields ARM accepts but never returns (secret parameter values, a
/// connection's parameterValueType): they are merged into the PUT only, so they never appear in a plan.
/// </summary>
public sealed record DesiredResource(IContentKind Kind, string Name, string DisplayName, JsonObject Body, string SourcePath)
{
    /// <summary>Fields sent on PUT but neither compared nor shown (secrets among them).</summary>
    public JsonObject? WriteOnly { get; init; }

    public string Path(WorkspaceScope scope) => Kind.ResourcePath(scope, Name);

    /// <summary>The body to PUT: <see cref="Body"/> with <see cref="WriteOnly"/> merged in (objects merged key by key).</summary>
    public JsonObject PutBody()
    {
        var body = (JsonObject)Body.DeepClone();
        if (WriteOnly is not null) Merge(body, WriteOnly);
        return body;
    }

    private static void Merge(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            if (value is JsonObject inner && target[key] is JsonObject existing) Merge(existing, inner);
            else target[key] = value?.DeepClone();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Kind.Noun} {Name}"; // never the body: it may be merged with secrets
}

/// <summary>What one content kind contributed to the desired state, with any problems found reading it.</summary>
public sealed record DesiredContent(IReadOnlyList<DesiredResource> Resources, IReadOnlyList<SentinelContent.Core.Diagnostics.Diagnostic> Diagnostics);
