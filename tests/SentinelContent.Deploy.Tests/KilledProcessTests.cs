using System.Diagnostics;
using SentinelContent.Deploy.Planning;
using SentinelContent.Emulator;
using SentinelContent.Emulator.Samples;

namespace SentinelContent.Deploy.Tests;

/// <summary>A real `sentinelctl deploy apply` process killed mid-deploy, then run again.</summary>
public sealed class KilledProcessTests
{
    [Fact]
    public async Task A_deploy_process_killed_halfway_converges_when_run_again()
    {
        await using var fixture = await DeployFixture.StartAsync(new FaultOptions { Latency = TimeSpan.FromMilliseconds(100) });
        SampleRepository.WriteRules(fixture.Root, 60);
        fixture.WriteTargets("    parallelism: 2");

        var cli = Path.Combine(AppContext.BaseDirectory, "sentinelctl.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = fixture.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { cli, "deploy", "apply", "--env", "local" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);

        // Kill it once the emulator has committed a sixth of the 120 writes (60 rules + 60 records); give up after 60 s.
        var deadline = Stopwatch.StartNew();
        while (fixture.Emulator.Statistics.CommittedWrites < 20 && !process.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(10, TestContext.Current.CancellationToken);
        if (process.HasExited) Assert.Fail($"the deploy finished before it could be killed:\n{await output}\n{await errors}");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var committed = fixture.Emulator.Statistics.CommittedWrites;
        Assert.InRange(committed, 20, 110); // killed mid-way: some written, most not

        var remaining = await fixture.PlanAsync();
        Assert.True(remaining.HasChanges);

        Assert.True((await fixture.ApplyAsync()).Succeeded);
        var final = await fixture.PlanAsync();
        Assert.False(final.HasChanges);
        Assert.Equal(60, final.Count(PlanAction.Unchanged));
    }
}
