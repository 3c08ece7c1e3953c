using SentinelContent.Core.Diagnostics;
using SentinelContent.Deploy.Apply;
using SentinelContent.Deploy.Desired;
using SentinelContent.Deploy.Targets;
using SentinelContent.Emulator;
using SentinelContent.Emulator.Samples;

namespace SentinelContent.Deploy.Benchmarks;

/// <summary>
/// The measured scenario: a repository of generated rules deployed to the emulator with latency added to
/// every request, through the same session, planner and applier as `sentinelctl deploy apply`.
/// </summary>
public sealed class DeployScenario : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sc-bench-").FullName;
    private EmulatorServer? _emulator;

    public int Rules { get; init; } = 500;

    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(50);

    public int Parallelism { get; init; } = 32;

    /// <summary>How long reading and validating the repository took in the last deploy.</summary>
    public TimeSpan LastLoad { get; private set; }

    /// <summary>How long reading the workspace and planning took in the last deploy.</summary>
    public TimeSpan LastPlan { get; private set; }

    /// <summary>Starts an emulator on an empty workspace (a new SQLite file) and writes the repository.</summary>
    public async Task ResetAsync()
    {
        if (_emulator is not null) await _emulator.DisposeAsync();
        var database = Path.Combine(_root, ".state", $"workspace-{Guid.NewGuid():N}.db");
        _emulator = await EmulatorServer.StartAsync(new EmulatorOptions { DatabasePath = database, Faults = new FaultOptions { Latency = Latency } });
        if (!Directory.Exists(Path.Combine(_root, "analytics-rules"))) SampleRepository.WriteRules(_root, Rules);
        SampleRepository.WriteTargets(_root, _emulator.BaseAddress, extra: $"    parallelism: {Parallelism}");
    }

    /// <summary>Plan and apply, as `deploy apply` does; returns the apply result (writes counted on the wire).</summary>
    public async Task<(ApplyResult Result, long ServerWrites)> DeployAsync()
    {
        var diagnostics = new List<Diagnostic>();
        var targets = TargetsReader.Read(Path.Combine(_root, "sentinel.yaml"), diagnostics) ?? throw new InvalidOperationException("targets invalid");
        var environment = targets.Environments[0];
        var session = new DeploymentSession(_root, targets, environment, DeploymentSession.Connect(environment, null), ContentKinds.All);
        var load = System.Diagnostics.Stopwatch.StartNew();
        var desired = session.LoadDesired();
        LastLoad = load.Elapsed;
        if (desired.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) throw new InvalidOperationException("content invalid");
        var writesBefore = _emulator!.Statistics.WriteRequests;
        var planClock = System.Diagnostics.Stopwatch.StartNew();
        var plan = await session.PlanAsync(desired.Resources, prune: false, CancellationToken.None);
        LastPlan = planClock.Elapsed;
        var result = await session.CreateApplier().ApplyAsync(plan, null, CancellationToken.None);
        if (!result.Succeeded) throw new InvalidOperationException("deploy failed");
        return (result, _emulator.Statistics.WriteRequests - writesBefore);
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null) await _emulator.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}
