using System.Diagnostics;
using BenchmarkDotNet.Running;
using SentinelContent.Deploy.Benchmarks;

// `--quick`: one timed run of each scenario with plain Stopwatch figures (a smoke check, seconds long).
// Otherwise BenchmarkDotNet runs DeployBenchmarks (dotnet run -c Release -- --filter '*').
if (args.Contains("--quick"))
{
    var latency = args.SkipWhile(a => a != "--latency-ms").Skip(1).Select(int.Parse).FirstOrDefault(50);
    var parallelism = args.SkipWhile(a => a != "--parallelism").Skip(1).Select(int.Parse).FirstOrDefault(32);
    await using var scenario = new DeployScenario { Latency = TimeSpan.FromMilliseconds(latency), Parallelism = parallelism };
    await scenario.ResetAsync();
    var clock = Stopwatch.StartNew();
    var (first, firstWrites) = await scenario.DeployAsync();
    Console.WriteLine($"first deploy: {first.Items.Count} items, {firstWrites} writes, {clock.Elapsed.TotalSeconds:F2}s (reading the repository: {scenario.LastLoad.TotalSeconds:F2}s, reading the workspace and planning: {scenario.LastPlan.TotalSeconds:F2}s)");
    clock.Restart();
    var (_, againWrites) = await scenario.DeployAsync();
    Console.WriteLine($"unchanged redeploy: {againWrites} writes, {clock.Elapsed.TotalSeconds:F2}s (reading the repository: {scenario.LastLoad.TotalSeconds:F2}s, reading the workspace and planning: {scenario.LastPlan.TotalSeconds:F2}s)");
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(DeployBenchmarks).Assembly).Run(args);
return 0;
