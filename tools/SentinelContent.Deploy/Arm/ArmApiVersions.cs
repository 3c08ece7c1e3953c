namespace SentinelContent.Deploy.Arm;

/// <summary>
/// The one place where api-versions are pinned, one per resource provider. Every request the deployer makes
/// reads its version from here (by the provider named in its path), so moving to a newer API is one reviewed
/// change (and the emulator accepts exactly these).
/// </summary>
public static class ArmApiVersions
{
    /// <summary>Microsoft.SecurityInsights (alert rules, metadata, watchlists, automation rules): the latest stable version.</summary>
    public const string SecurityInsights = "2024-09-01";

    /// <summary>Microsoft.Logic (workflows, the playbooks): the latest stable version of the Logic Apps API.</summary>
    public const string Logic = "2019-05-01";

    /// <summary>Microsoft.Web (connections, the managed API connections playbooks use): the only stable version.</summary>
    public const string Web = "2016-06-01";

    public const string SecurityInsightsProvider = "Microsoft.SecurityInsights";
    public const string LogicProvider = "Microsoft.Logic";
    public const string WebProvider = "Microsoft.Web";

    /// <summary>Provider namespace → pinned version.</summary>
    public static IReadOnlyDictionary<string, string> ByProvider { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [SecurityInsightsProvider] = SecurityInsights,
        [LogicProvider] = Logic,
        [WebProvider] = Web,
    };

    /// <summary>
    /// The version for a resource or collection path: the provider is the namespace after the path's last
    /// /providers/ segment (a SecurityInsights path under a workspace names OperationalInsights first).
    /// </summary>
    public static string For(string path)
    {
        var segments = path.Split('/');
        for (var i = segments.Length - 2; i >= 0; i--)
        {
            if (string.Equals(segments[i], "providers", StringComparison.OrdinalIgnoreCase))
                return ByProvider.TryGetValue(segments[i + 1], out var version)
                    ? version
                    : throw new InvalidOperationException($"No api-version is pinned for the provider '{segments[i + 1]}' (path {path}).");
        }
        throw new InvalidOperationException($"The path names no resource provider: {path}");
    }
}
