using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;

namespace SentinelContent.Deploy.Benchmarks;

/// <summary>
/// 500 rules to an emulator adding 50 ms to every request: a first deploy into an empty workspace, and a
/// second deploy of the unchanged repository (which must make zero writes). Each iteration is seconds
/// long, so a few monitored iterations in-process are enough (and keep the shared machine free).
/// </summary>
[Config(typeof(ShortRunConfig))]
public class DeployBenchmarks
{
    private DeployScenario _scenario = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = new DeployScenario();
        _scenario.ResetAsync().GetAwaiter().GetResult();
    }

    [IterationSetup(Target = nameof(FirstDeploy))]
    public void EmptyWorkspace() => _scenario.ResetAsync().GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(UnchangedRedeploy))]
    public void DeployedWorkspace()
    {
        _scenario.ResetAsync().GetAwaiter().GetResult();
        _scenario.DeployAsync().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "500 rules, empty workspace, 50 ms latency")]
    public long FirstDeploy()
    {
        var (result, writes) = _scenario.DeployAsync().GetAwaiter().GetResult();
        if (result.Items.Count != 500) throw new InvalidOperationException($"expected 500 creates, got {result.Items.Count}");
        return writes;
    }

    [Benchmark(Description = "same 500 rules again, 50 ms latency")]
    public long UnchangedRedeploy()
    {
        var (_, writes) = _scenario.DeployAsync().GetAwaiter().GetResult();
        if (writes != 0) throw new InvalidOperationException($"an unchanged repository made {writes} write(s)");
        return writes;
    }

    [GlobalCleanup]
    public void Cleanup() => _scenario.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private sealed class ShortRunConfig : ManualConfig
    {
        public ShortRunConfig()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessNoEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
    }
}
