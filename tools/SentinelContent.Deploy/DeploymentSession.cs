using SentinelContent.Core.Diagnostics;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Desired;
using SentinelContent.Deploy.Planning;
using SentinelContent.Deploy.Targets;

namespace SentinelContent.Deploy;

/// <summary>
/// One environment of one repository, connected: reads the repository's desired state and the workspace's
/// actual state and plans between them. The CLI, the tests and the benchmark all go through here.
/// </summary>
public sealed class DeploymentSession(string repositoryRoot, DeploymentTargets targets, TargetEnvironment environment, ArmClient client, IReadOnlyList<IContentKind> kinds)
{
    public string RepositoryRoot { get; } = repositoryRoot;

    public DeploymentTargets Targets { get; } = targets;

    public TargetEnvironment Environment { get; } = environment;

    public ArmClient Client { get; } = client;

    public IReadOnlyList<IContentKind> Kinds { get; } = kinds;

    /// <summary>The repository's content for this environment; diagnostics include errors that must stop a deploy.</summary>
    public DesiredContent LoadDesired()
    {
        var resources = new List<DesiredResource>();
        var diagnostics = new List<Diagnostic>();
        foreach (var kind in Kinds)
        {
            var content = kind.LoadDesired(RepositoryRoot, Environment);
            resources.AddRange(content.Resources);
            diagnostics.AddRange(content.Diagnostics);
        }
        return new DesiredContent(resources, diagnostics);
    }

    public async Task<DeploymentPlan> PlanAsync(IReadOnlyList<DesiredResource> desired, bool prune, CancellationToken cancellationToken)
    {
        var actual = await ActualState.ReadAsync(Client, Environment.Scope, Kinds, cancellationToken).ConfigureAwait(false);
        return Planner.Plan(new PlanRequest(Environment.Name, Environment.Scope, Targets.Repository, Kinds, desired, actual, prune, Environment.Protect));
    }

    public Apply.Applier CreateApplier(int? parallelism = null) => new(Client, Targets.Repository, parallelism ?? Environment.Parallelism);

    /// <summary>Connects to the environment's endpoint with the credential it (or the command line) names.</summary>
    public static ArmClient Connect(TargetEnvironment environment, CredentialKind? credentialOverride, ArmConnectionSettings? settings = null)
    {
        var endpoint = environment.EffectiveEndpoint;
        // The emulator on loopback gets the development token unless told otherwise; Azure never does.
        var kind = credentialOverride ?? environment.Credential ?? (ArmEndpoint.IsLoopback(endpoint) ? CredentialKind.Development : CredentialKind.Default);
        return ArmConnection.Create(endpoint, Credentials.Create(kind), settings);
    }
}
