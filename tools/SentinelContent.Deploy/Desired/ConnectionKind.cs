using System.Text.Json.Nodes;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Desired.Playbooks;
using SentinelContent.Deploy.Targets;
using SentinelContent.Playbooks.Model;

namespace SentinelContent.Deploy.Desired;

/// <summary>
/// The API connections of the playbooks (the Sentinel connector and any other managed API a playbook names) ⇄
/// Microsoft.Web/connections in the workspace's resource group, named KEY-PLAYBOOK. A managed-identity
/// connection is created with parameterValueType Alternative, which is how a connection is told to use the
/// calling Logic App's identity; it holds no credential. Connections are stage 0: a workflow that names one
/// is written after it, and deleted before it.
/// </summary>
public sealed class ConnectionKind : IContentKind
{
    public static ConnectionKind Instance { get; } = new();

    public string MetadataKind => "Playbook"; // Sentinel's metadata kinds have none for connections: they belong to their playbook

    public string Collection => PlaybookArm.ConnectionsType;

    public string Noun => "connection";

    public int Stage => 0;

    public string CollectionPath(WorkspaceScope scope) => PlaybookArm.ConnectionsPath(scope);

    /// <summary>Diagnostics are the playbook kind's to report; while there are errors no connection is planned either.</summary>
    public DesiredContent LoadDesired(string repositoryRoot, TargetEnvironment environment)
    {
        var content = RepositoryPlaybooks.Load(repositoryRoot);
        if (content.HasErrors || environment.AzureLocation is not { } region) return new DesiredContent([], []);
        var location = PlaybookArm.NormalizeLocation(region);
        var resources = new Dictionary<string, DesiredResource>(StringComparer.OrdinalIgnoreCase);
        foreach (var playbook in content.Playbooks)
        {
            foreach (var connection in playbook.Connections)
            {
                var name = PlaybookArm.ConnectionName(connection.Key, playbook.Name);
                var body = new JsonObject
                {
                    ["location"] = location,
                    ["properties"] = new JsonObject
                    {
                        ["displayName"] = name,
                        ["api"] = new JsonObject { ["id"] = PlaybookArm.ManagedApiId(environment.Scope, location, connection.Api) },
                    },
                };
                // Accepted on PUT; whether ARM returns them on GET is not documented, so they are not compared (docs/deploy.md).
                var writeOnly = new JsonObject { ["kind"] = "V1", ["properties"] = new JsonObject { ["customParameterValues"] = new JsonObject() } };
                if (connection.Auth == ConnectionAuth.ManagedIdentity) writeOnly["properties"]!["parameterValueType"] = "Alternative";
                resources[name] = new DesiredResource(this, name, name, (JsonObject)JsonCanonical.Normalize(body)!, playbook.Map.Path) { WriteOnly = writeOnly };
            }
        }
        return new DesiredContent([.. resources.Values.OrderBy(r => r.Name, StringComparer.Ordinal)], []);
    }

    /// <summary>Location, display name and the managed API; ARM's expanded api object, statuses and times are read-only.</summary>
    public JsonObject? Comparable(ArmResource actual)
    {
        var body = new JsonObject
        {
            ["location"] = actual.Body["location"]?.GetValue<string>() is { } location ? PlaybookArm.NormalizeLocation(location) : null,
            ["properties"] = new JsonObject
            {
                ["displayName"] = actual.Properties["displayName"]?.DeepClone(),
                ["api"] = new JsonObject { ["id"] = (actual.Properties["api"] as JsonObject)?["id"]?.DeepClone() },
            },
        };
        return (JsonObject)JsonCanonical.Normalize(body)!;
    }

    /// <summary>Connections are exported with their playbook (its connections: section), not as files of their own.</summary>
    public IReadOnlyList<ExportedFile> Export(ArmResource actual, TargetEnvironment environment) => [];
}
