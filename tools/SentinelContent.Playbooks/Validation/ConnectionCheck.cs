using System.Text.Json.Nodes;
using SentinelContent.Playbooks.Diagnostics;
using SentinelContent.Playbooks.Format;
using SentinelContent.Playbooks.Json;

namespace SentinelContent.Playbooks.Validation;

/// <summary>
/// Connections and identities: every declared connection is used; HTTP calls with managed identity name their
/// audience (without it Logic Apps asks for an Azure Resource Manager token, fact sheet §4 and §8.7).
/// </summary>
public sealed class ConnectionCheck : IPlaybookCheck
{
    public void Check(PlaybookCheckContext context)
    {
        if (!context.Playbook.SystemAssignedIdentity) CheckIdentityUsers(context);
        var texts = StringWalker.Walk(context).Select(s => s.Text).Where(t => t.Contains("$connections", StringComparison.Ordinal)).ToList();
        foreach (var connection in context.Playbook.Connections)
        {
            if (!texts.Any(t => t.Contains($"['{connection.Key}']", StringComparison.Ordinal)))
                context.Report(PlaybookDiagnostics.UnusedConnection, connection.Location, connection.Key);
        }
        foreach (var site in context.Sites.Where(s => s.Kind == ActionKinds.Http))
        {
            if (site.Action["inputs"].Get("authentication") is not JsonObject authentication) continue;
            if (JsonRead.Text(authentication["type"]) is not "ManagedServiceIdentity" || authentication["audience"] is not null) continue;
            var uri = JsonRead.Text(site.Action["inputs"].Get("uri")) ?? string.Empty;
            var api = Uri.TryCreate(uri.Split('@')[0], UriKind.Absolute, out var parsed) ? parsed.Host : "the called API";
            context.Report(PlaybookDiagnostics.MissingAudience, context.LocationOf(authentication, site.Action), site.Name, api);
        }
    }

    /// <summary>Everything that acts as the Logic App's identity, when the playbook says it has none.</summary>
    private static void CheckIdentityUsers(PlaybookCheckContext context)
    {
        var playbook = context.Playbook;
        if (playbook.Roles.Count > 0) context.Report(PlaybookDiagnostics.IdentityRequired, context.LocationOf(playbook.Definition), "the role assignment of " + playbook.Roles[0].Role);
        if (playbook.GraphPermissions.Count > 0) context.Report(PlaybookDiagnostics.IdentityRequired, context.LocationOf(playbook.Definition), "the Graph permission " + playbook.GraphPermissions[0]);
        foreach (var connection in playbook.Connections.Where(c => c.Auth == Model.ConnectionAuth.ManagedIdentity))
            context.Report(PlaybookDiagnostics.IdentityRequired, connection.Location, $"the connection '{connection.Key}' (auth: managedIdentity)");
        foreach (var site in context.Sites.Where(s => s.Kind == ActionKinds.Http && JsonRead.Text(s.Action["inputs"].Get("authentication").Get("type")) == "ManagedServiceIdentity"))
            context.Report(PlaybookDiagnostics.IdentityRequired, context.LocationOf(site.Action), $"the HTTP action '{site.Name}'");
    }
}
