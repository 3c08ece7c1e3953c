using System.Text.RegularExpressions;
using SentinelContent.Format;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Input;
using SentinelContent.Core.Yaml;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Diagnostics;
using static SentinelContent.Format.YamlValues;

namespace SentinelContent.Deploy.Targets;

/// <summary>
/// Reads sentinel.yaml: the shape is checked by the shared <see cref="FormatChecker"/> against
/// <see cref="TargetsFormat"/>, then the values that need more than a type (GUIDs, URLs, unique names).
/// Returns null when there are errors; every problem is a diagnostic with file:line:col.
/// </summary>
public static partial class TargetsReader
{
    public static DeploymentTargets? Read(string path, IList<Diagnostic> diagnostics)
    {
        var source = SourceFileReader.Read(path, diagnostics);
        if (source is null) return null;
        var root = YamlReader.Read(source, diagnostics);
        if (root is null) return null;

        var before = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        new FormatChecker(diagnostics, RequiredFor.All).CheckObject(root, TargetsFormat.Root, string.Empty);
        if (root is not YamlMapping mapping) return null;

        var environments = new List<TargetEnvironment>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in Mappings(mapping["environments"]))
        {
            var environment = ReadEnvironment(node, diagnostics);
            if (environment is null) continue;
            if (seen.TryGetValue(environment.Name, out var line))
                diagnostics.Add(Diagnostic.Create(DeployDiagnostics.DuplicateEnvironment, node["name"]!.Location, environment.Name, line));
            else
                seen[environment.Name] = node.Location.Start.Line;
            environments.Add(environment);
        }

        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error) - before;
        if (errors > 0) return null;
        return new DeploymentTargets(path, Text(mapping["repository"])!.Value.Value, environments);
    }

    private static TargetEnvironment? ReadEnvironment(YamlMapping node, IList<Diagnostic> diagnostics)
    {
        var name = Text(node["name"]);
        var subscription = Text(node["subscriptionId"]);
        var group = Text(node["resourceGroup"]);
        var workspace = Text(node["workspace"]);
        if (name is null || subscription is null || group is null || workspace is null) return null; // the format checker reported it

        if (!EnvironmentName().IsMatch(name.Value.Value))
            diagnostics.Add(Diagnostic.Create(DeployDiagnostics.InvalidName, name.Value.Location, name.Value.Value, "environment name", "use letters, digits, '-' and '_'"));
        if (!Guid.TryParseExact(subscription.Value.Value, "D", out _))
            diagnostics.Add(Diagnostic.Create(DeployDiagnostics.InvalidSubscription, subscription.Value.Location, subscription.Value.Value));
        if (!ResourceGroupName().IsMatch(group.Value.Value))
            diagnostics.Add(Diagnostic.Create(DeployDiagnostics.InvalidName, group.Value.Location, group.Value.Value, "resource group name", "use letters, digits, '-', '_', '.' and '()', not ending in '.'"));
        if (!WorkspaceName().IsMatch(workspace.Value.Value))
            diagnostics.Add(Diagnostic.Create(DeployDiagnostics.InvalidName, workspace.Value.Location, workspace.Value.Value, "workspace name", "use 4 to 63 letters, digits and '-', starting and ending with a letter or digit"));

        var credential = Text(node["credential"]) is { } c ? ParseCredential(c.Value) : (CredentialKind?)null;
        Uri? endpoint = null;
        if (Text(node["endpoint"]) is { } e)
        {
            endpoint = ParseEndpoint(e.Value, out var problem);
            if (problem is not null) diagnostics.Add(Diagnostic.Create(DeployDiagnostics.InvalidEndpoint, e.Location, e.Value, problem));
        }
        if (credential == CredentialKind.Development && (endpoint is null || !ArmEndpoint.IsLoopback(endpoint)))
            diagnostics.Add(Diagnostic.Create(DeployDiagnostics.DevelopmentCredentialOffLoopback, node["credential"]!.Location));

        return new TargetEnvironment
        {
            Name = name.Value.Value,
            Scope = new WorkspaceScope(subscription.Value.Value, group.Value.Value, workspace.Value.Value),
            Endpoint = endpoint,
            Credential = credential,
            Parallelism = Integer(node["parallelism"])?.Value ?? 8,
            DisableAllRules = Boolean(node["disableAllRules"])?.Value ?? false,
            DisabledRules = TextList(node["disabledRules"]).Select(v => v.Value).ToHashSet(StringComparer.OrdinalIgnoreCase),
            WatchlistAliases = StringMap(node["watchlistAliases"], StringComparer.OrdinalIgnoreCase),
            AzureLocation = Text(node["location"])?.Value,
            TenantId = Text(node["tenantId"])?.Value,
            PlaybookParameters = StringMap(node["playbookParameters"]),
            PlaybookSecrets = StringMap(node["playbookSecrets"]),
            Protect = TextList(node["protect"]).Select(v => v.Value).ToHashSet(StringComparer.OrdinalIgnoreCase),
            FingerprintKeyVariable = Text(node["fingerprintKeyVariable"])?.Value ?? TargetEnvironment.DefaultFingerprintKeyVariable,
            MassDeleteThreshold = Integer(node["massDeleteThreshold"])?.Value ?? TargetEnvironment.DefaultMassDeleteThreshold,
            Location = node.Location,
        };
    }

    private static Dictionary<string, string> StringMap(YamlNode? node, StringComparer? comparer = null) =>
        node is YamlMapping map
            ? map.Entries.Where(a => a.Value is YamlScalar { IsNull: false }).ToDictionary(a => a.Key.Value, a => ((YamlScalar)a.Value).Value, comparer ?? StringComparer.Ordinal)
            : new Dictionary<string, string>(comparer ?? StringComparer.Ordinal);

    public static CredentialKind ParseCredential(string text) => text switch
    {
        "workload-identity" => CredentialKind.WorkloadIdentity,
        "azure-cli" => CredentialKind.AzureCli,
        "development" => CredentialKind.Development,
        _ => CredentialKind.Default,
    };

    /// <summary>An ARM endpoint must be https, except plain http on loopback for the emulator.</summary>
    public static Uri? ParseEndpoint(string text, out string? problem)
    {
        problem = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problem = "write an absolute http(s) URL";
            return null;
        }
        if (uri.Scheme == Uri.UriSchemeHttp && !ArmEndpoint.IsLoopback(uri))
        {
            problem = "plain http is only allowed on loopback (the emulator); use https";
            return null;
        }
        if (uri.AbsolutePath != "/" || uri.Query.Length > 0)
        {
            problem = "give the endpoint's root only, without a path or query";
            return null;
        }
        return uri;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex EnvironmentName();

    [GeneratedRegex(@"^[-\w._()]{0,89}[-\w_()]$")]
    private static partial Regex ResourceGroupName();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]$")]
    private static partial Regex WorkspaceName();
}
