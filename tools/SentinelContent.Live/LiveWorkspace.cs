using System.Text.Json.Nodes;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Targets;
using SentinelContent.Live.Query;

namespace SentinelContent.Live;

/// <summary>
/// One environment of sentinel.yaml, connected for reading: ARM (for the workspace's id, tables and
/// functions) and the query API, both over the shared Azure.Core pipeline with the same credential choice
/// as the deployer. The query API addresses a workspace by its id (customerId), which ARM gives.
/// </summary>
public sealed class LiveWorkspace(TargetEnvironment environment, ArmClient arm, LogsQueryClient logs)
{
    private string? _workspaceId;

    public TargetEnvironment Environment { get; } = environment;

    public ArmClient Arm { get; } = arm;

    public LogsQueryClient Logs { get; } = logs;

    /// <summary>The workspace id (GUID) the query API needs: properties.customerId of the workspace resource.</summary>
    public async Task<string> WorkspaceIdAsync(CancellationToken cancellationToken)
    {
        if (_workspaceId is not null) return _workspaceId;
        var workspace = await Arm.GetAsync(Environment.Scope.WorkspacePath, cancellationToken).ConfigureAwait(false)
            ?? throw new ArmRequestException(404, "ResourceNotFound", $"the workspace {Environment.Scope.Workspace} does not exist", "GET", Environment.Scope.WorkspacePath);
        return _workspaceId = (workspace.Properties["customerId"] as JsonValue)?.GetValue<string>()
            ?? throw new ArmRequestException(200, "NoCustomerId", "the workspace resource has no properties.customerId", "GET", Environment.Scope.WorkspacePath);
    }
}
