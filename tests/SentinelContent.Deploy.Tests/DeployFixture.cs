using SentinelContent.Core.Diagnostics;
using SentinelContent.Deploy;
using SentinelContent.Deploy.Apply;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Desired;
using SentinelContent.Deploy.Planning;
using SentinelContent.Deploy.Targets;
using SentinelContent.Emulator;
using SentinelContent.Emulator.Samples;

namespace SentinelContent.Deploy.Tests;

/// <summary>
/// A throw-away content repository and a real emulator (Kestrel on a free loopback port, SQLite in the
/// repository's temp folder). Restarting keeps the state, which also lets a test read the workspace
/// without faults after a faulty run.
/// </summary>
public sealed class DeployFixture : IAsyncDisposable
{
    private DeployFixture(string root, string database)
    {
        Root = root;
        Database = database;
    }

    public string Root { get; }

    public string Database { get; }

    public EmulatorServer Emulator { get; private set; } = null!;

    public static async Task<DeployFixture> StartAsync(FaultOptions? faults = null, int pageSize = 100, string? devToken = null)
    {
        var root = Directory.CreateTempSubdirectory("sc-deploy-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "analytics-rules"));
        var fixture = new DeployFixture(root, Path.Combine(root, ".state", "workspace.db"));
        await fixture.RestartAsync(faults, pageSize, devToken);
        return fixture;
    }

    /// <summary>Stops the emulator and starts it again on the same SQLite file, with new fault settings.</summary>
    public async Task RestartAsync(FaultOptions? faults = null, int pageSize = 100, string? devToken = null)
    {
        if (Emulator is not null) await Emulator.DisposeAsync();
        Emulator = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            DatabasePath = Database,
            Faults = faults ?? new FaultOptions(),
            PageSize = pageSize,
            DevToken = devToken ?? EmulatorOptions.DefaultDevToken,
        });
        SampleRepository.WriteTargets(Root, Emulator.BaseAddress, extra: TargetsExtra);
    }

    /// <summary>Extra lines for the environment in sentinel.yaml (indented four spaces).</summary>
    public string TargetsExtra { get; set; } = string.Empty;

    public void WriteTargets(string extra)
    {
        TargetsExtra = extra;
        SampleRepository.WriteTargets(Root, Emulator.BaseAddress, extra: extra);
    }

    public static readonly WorkspaceScope Scope = new(SampleRepository.Subscription, SampleRepository.ResourceGroup, SampleRepository.Workspace);

    /// <summary>Settings for fast tests: short back-off (Retry-After still wins when the server sends it).</summary>
    public static readonly ArmConnectionSettings FastRetries = new() { MaxRetries = 10, Delay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(200) };

    public DeploymentSession Session(ArmConnectionSettings? settings = null)
    {
        var diagnostics = new List<Diagnostic>();
        var targets = TargetsReader.Read(Path.Combine(Root, "sentinel.yaml"), diagnostics)
            ?? throw new InvalidOperationException("targets invalid: " + string.Join("; ", diagnostics));
        var environment = targets.Environments[0];
        var client = DeploymentSession.Connect(environment, null, settings ?? FastRetries);
        return new DeploymentSession(Root, targets, environment, client, ContentKinds.All);
    }

    /// <summary>A client for arranging the workspace (rules made "in the portal" or by another repository).</summary>
    public ArmClient Client() => ArmConnection.Create(Emulator.BaseAddress, new DevelopmentCredential(), FastRetries);

    public async Task<DeploymentPlan> PlanAsync(bool prune = false, DeploymentSession? session = null)
    {
        session ??= Session();
        var desired = session.LoadDesired();
        Assert.DoesNotContain(desired.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return await session.PlanAsync(desired.Resources, prune, TestContext.Current.CancellationToken);
    }

    public async Task<ApplyResult> ApplyAsync(bool prune = false, int parallelism = 8, IProgress<ItemResult>? progress = null, CancellationToken? cancellationToken = null)
    {
        var session = Session();
        var plan = await PlanAsync(prune, session);
        return await session.CreateApplier(parallelism).ApplyAsync(plan, progress, cancellationToken ?? TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>Progress reports delivered synchronously (Progress&lt;T&gt; posts to the thread pool, too late for a test's count).</summary>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
