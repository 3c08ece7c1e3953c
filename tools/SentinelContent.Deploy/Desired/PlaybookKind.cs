using System.Text.Json.Nodes;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Desired.Playbooks;
using SentinelContent.Deploy.Diagnostics;
using SentinelContent.Deploy.Export;
using SentinelContent.Deploy.Targets;
using SentinelContent.Playbooks.Model;

namespace SentinelContent.Deploy.Desired;

/// <summary>
/// Playbooks: playbooks/*.yaml compiled by the playbook toolchain ⇄ Microsoft.Logic/workflows in the
/// workspace's resource group, in sentinel.yaml's location, with a system-assigned identity, its connections
/// (<see cref="ConnectionKind"/>) wired into $connections with managed-identity authentication, and parameter
/// values per environment (<see cref="PlaybookParameterValues"/>). Role assignments and Graph permissions are
/// not deployed: they need rights a content pipeline should not hold (docs/deploy.md).
/// </summary>
public sealed class PlaybookKind : IContentKind
{
    public static PlaybookKind Instance { get; } = new();

    /// <summary>
    /// For commands that need the repository's playbooks by name but never send them (export): secrets and the
    /// fingerprint key are not read, so export does not demand variables it has no use for.
    /// </summary>
    public static PlaybookKind NamesOnly { get; } = new() { ReadVariable = _ => new string('-', PlaybookParameterValues.MinKeyLength) };

    /// <summary>Environment variables are read through this (tests give their own); never logged.</summary>
    public Func<string, string?> ReadVariable { get; init; } = Environment.GetEnvironmentVariable;

    public string MetadataKind => "Playbook";

    public string Collection => PlaybookArm.WorkflowsType;

    public string Noun => "playbook";

    public int Stage => 1;

    public string CollectionPath(WorkspaceScope scope) => PlaybookArm.WorkflowsPath(scope);

    public DesiredContent LoadDesired(string repositoryRoot, TargetEnvironment environment)
    {
        var content = RepositoryPlaybooks.Load(repositoryRoot);
        var diagnostics = new List<Diagnostic>(content.Diagnostics);
        if (content.HasErrors || content.Playbooks.Count == 0) return new DesiredContent([], diagnostics);
        if (environment.AzureLocation is not { } location)
        {
            diagnostics.Add(Diagnostic.Create(DeployDiagnostics.PlaybookLocationMissing, environment.Location ?? SourceLocation.FileOnly(TargetsFormat.FileName), environment.Name));
            return new DesiredContent([], diagnostics);
        }
        var resources = new List<DesiredResource>();
        foreach (var playbook in content.Playbooks)
        {
            var before = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            PlaybookParameterValues.CheckDefinition(playbook, diagnostics);
            var values = PlaybookParameterValues.Resolve(playbook, environment, ReadVariable, diagnostics);
            if (diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error) > before) continue;
            resources.Add(Build(playbook, environment.Scope, PlaybookArm.NormalizeLocation(location), values));
        }
        return new DesiredContent(resources, diagnostics);
    }

    private DesiredResource Build(Playbook playbook, WorkspaceScope scope, string location, PlaybookParameterValues values)
    {
        var parameters = new JsonObject();
        if (playbook.Connections.Count > 0)
        {
            var connections = new JsonObject();
            foreach (var connection in playbook.Connections)
            {
                var name = PlaybookArm.ConnectionName(connection.Key, playbook.Name);
                var value = new JsonObject
                {
                    ["connectionId"] = PlaybookArm.ConnectionPath(scope, name),
                    ["connectionName"] = name,
                    ["id"] = PlaybookArm.ManagedApiId(scope, location, connection.Api),
                };
                if (connection.Auth == ConnectionAuth.ManagedIdentity)
                    value["connectionProperties"] = new JsonObject { ["authentication"] = new JsonObject { ["type"] = "ManagedServiceIdentity" } };
                connections[connection.Key] = value;
            }
            parameters[SentinelContent.Playbooks.Compiler.WorkflowNames.ConnectionsParameter] = new JsonObject { ["value"] = connections };
        }
        foreach (var (name, value) in values.Compared) parameters[name] = value?.DeepClone();

        var tags = (JsonObject)playbook.Tags.DeepClone();
        if (values.Fingerprint is { } fingerprint) tags[PlaybookParameterValues.FingerprintTag] = fingerprint;
        var body = new JsonObject { ["location"] = location };
        if (tags.Count > 0) body["tags"] = tags;
        if (playbook.SystemAssignedIdentity) body["identity"] = new JsonObject { ["type"] = "SystemAssigned" };
        body["properties"] = new JsonObject
        {
            ["state"] = "Enabled",
            ["definition"] = playbook.Definition.DeepClone(),
            ["parameters"] = parameters,
        };
        var writeOnly = values.WriteOnly.Count == 0 ? null : new JsonObject { ["properties"] = new JsonObject { ["parameters"] = values.WriteOnly.DeepClone() } };
        return new DesiredResource(this, playbook.Name, playbook.Name, (JsonObject)JsonCanonical.Normalize(body)!, playbook.Map.Path) { WriteOnly = writeOnly };
    }

    /// <summary>
    /// What the deployer manages of a Logic App: location, tags, the identity's type, state, definition and the
    /// parameter values except secure ones (ARM's read-only fields such as createdTime, version, accessEndpoint,
    /// the identity's principalId are ignored).
    /// </summary>
    public JsonObject? Comparable(ArmResource actual)
    {
        var p = actual.Properties;
        var definition = p["definition"] as JsonObject;
        var parameters = new JsonObject();
        foreach (var (name, value) in p["parameters"] as JsonObject ?? [])
        {
            if (!PlaybookParameterValues.IsSecure(definition?["parameters"] as JsonObject, name)) parameters[name] = value?.DeepClone();
        }
        var body = new JsonObject();
        if (actual.Body["location"]?.GetValue<string>() is { } location) body["location"] = PlaybookArm.NormalizeLocation(location);
        if (actual.Body["tags"] is JsonObject { Count: > 0 } tags) body["tags"] = tags.DeepClone();
        if ((actual.Body["identity"] as JsonObject)?["type"] is { } identity) body["identity"] = new JsonObject { ["type"] = identity.DeepClone() };
        body["properties"] = new JsonObject
        {
            ["state"] = p["state"]?.DeepClone(),
            ["definition"] = definition?.DeepClone(),
            ["parameters"] = parameters,
        };
        return (JsonObject)JsonCanonical.Normalize(body)!;
    }

    public IReadOnlyList<ExportedFile> Export(ArmResource actual, TargetEnvironment environment) => PlaybookExport.ToRepositoryFormat(actual);
}
