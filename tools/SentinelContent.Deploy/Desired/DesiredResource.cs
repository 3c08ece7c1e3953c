using System.Text.Json.Nodes;
using SentinelContent.Deploy.Arm;

namespace SentinelContent.Deploy.Desired;

/// <summary>
/// One resource the repository wants in the workspace: the ARM body to PUT (kind and properties, without
/// etag or read-only fields) and where it came from.
/// </summary>
public sealed record DesiredResource(IContentKind Kind, string Name, string DisplayName, JsonObject Body, string SourcePath)
{
    public string Path(WorkspaceScope scope) => scope.ResourcePath(Kind.Collection, Name);
}

/// <summary>What one content kind contributed to the desired state, with any problems found reading it.</summary>
public sealed record DesiredContent(IReadOnlyList<DesiredResource> Resources, IReadOnlyList<SentinelContent.Core.Diagnostics.Diagnostic> Diagnostics);
