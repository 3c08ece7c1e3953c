using System.Text.Json.Nodes;
using SentinelContent.Core.Input;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Desired;
using SentinelContent.Deploy.Desired.Playbooks;
using SentinelContent.Playbooks.Format;
using SentinelContent.Playbooks.Import;

namespace SentinelContent.Deploy.Export;

/// <summary>
/// A Logic App from the resource group as playbooks/exported/NAME.yaml, through the playbook importer (the one
/// `sentinelctl playbook import` uses, whose round trip the playbook tests measure). Parameter values come back
/// as literals; secure values are not returned by ARM, so a secure parameter is exported as [parameters('NAME')],
/// which deploy resolves from the environment's playbookSecrets. Role assignments and Graph permissions are not part of the
/// Logic App and are not exported.
/// </summary>
public static class PlaybookExport
{
    public const string Folder = "playbooks/exported";

    public static IReadOnlyList<ExportedFile> ToRepositoryFormat(ArmResource actual)
    {
        if (!IsSentinelPlaybook(actual)) return []; // other Logic Apps of the resource group are not Sentinel content
        var tags = (actual.Body["tags"] as JsonObject)?.DeepClone() as JsonObject ?? [];
        tags.Remove(PlaybookParameterValues.FingerprintTag); // ours, recomputed from the secrets on deploy
        // ARM never returns secure values: the exported playbook takes them from the environment's playbookSecrets.
        var parameters = actual.Properties["parameters"]?.DeepClone() as JsonObject ?? [];
        var declared = (actual.Properties["definition"] as JsonObject)?["parameters"] as JsonObject;
        foreach (var (name, _) in declared ?? [])
        {
            if (PlaybookParameterValues.IsSecure(declared, name) && parameters[name] is null)
                parameters[name] = new JsonObject { ["value"] = $"[parameters('{name}')]" };
        }
        var workflow = new JsonObject
        {
            ["type"] = "Microsoft.Logic/workflows",
            ["name"] = actual.Name,
            ["tags"] = tags,
            ["properties"] = new JsonObject
            {
                ["definition"] = actual.Properties["definition"]?.DeepClone(),
                ["parameters"] = parameters,
            },
        };
        if ((actual.Body["identity"] as JsonObject)?["type"] is { } identity) workflow["identity"] = new JsonObject { ["type"] = identity.DeepClone() };
        var template = new JsonObject { ["resources"] = new JsonArray(workflow) };
        var result = ArmPlaybookImporter.Import(template.ToJsonString(), actual.Name + ".json");
        if (!result.Succeeded) return []; // a Logic App the playbook format cannot carry (several triggers...): left out of the export
        return [new ExportedFile(Path.Combine(Folder, SafeFileName.From(actual.Name) + ".yaml"), result.Yaml!)];
    }

    /// <summary>A playbook starts with one of the Microsoft Sentinel connector's triggers (incident, alert, entity).</summary>
    public static bool IsSentinelPlaybook(ArmResource actual) =>
        ((actual.Properties["definition"] as JsonObject)?["triggers"] as JsonObject ?? []).Any(t =>
            ((t.Value as JsonObject)?["inputs"] as JsonObject)?["path"] is JsonValue path && path.TryGetValue<string>(out var text) &&
            SentinelTriggers.All.Any(s => text.StartsWith(s.PathPrefix, StringComparison.Ordinal)));
}
