using SentinelContent.Core.Text;
using SentinelContent.Deploy.Arm;

namespace SentinelContent.Deploy.Targets;

/// <summary>The targets file: the owner name of this repository and its environments.</summary>
public sealed record DeploymentTargets(string Path, string Repository, IReadOnlyList<TargetEnvironment> Environments)
{
    public TargetEnvironment? Find(string name) =>
        Environments.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One workspace to deploy to, with its per-environment overrides.</summary>
public sealed record TargetEnvironment
{
    public required string Name { get; init; }

    public required WorkspaceScope Scope { get; init; }

    /// <summary>The ARM endpoint; null means Azure's public cloud.</summary>
    public Uri? Endpoint { get; init; }

    public CredentialKind? Credential { get; init; }

    public int Parallelism { get; init; } = 8;

    public bool DisableAllRules { get; init; }

    public IReadOnlySet<string> DisabledRules { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Watchlist alias in the repository → alias in this workspace.</summary>
    public IReadOnlyDictionary<string, string> WatchlistAliases { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The Azure region of the playbooks and connections (sentinel.yaml's location); null when not given.</summary>
    public string? AzureLocation { get; init; }

    public string? TenantId { get; init; }

    /// <summary>Playbook parameter → value in this environment.</summary>
    public IReadOnlyDictionary<string, string> PlaybookParameters { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Secret playbook parameter → the environment variable holding its value.</summary>
    public IReadOnlyDictionary<string, string> PlaybookSecrets { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlySet<string> Protect { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The environment variable holding the key of the secrets' fingerprint (a random string only the pipeline knows).</summary>
    public string FingerprintKeyVariable { get; init; } = DefaultFingerprintKeyVariable;

    public const string DefaultFingerprintKeyVariable = "SENTINELCTL_FINGERPRINT_KEY";

    /// <summary>A plan deleting more than this percentage of the items this repository owns stops unless --allow-mass-delete.</summary>
    public int MassDeleteThreshold { get; init; } = DefaultMassDeleteThreshold;

    public const int DefaultMassDeleteThreshold = 20;

    /// <summary>Where the environment is written in the targets file, for messages about it.</summary>
    public SourceLocation? Location { get; init; }

    public Uri EffectiveEndpoint => Endpoint ?? ArmEndpoint.PublicCloud;
}
