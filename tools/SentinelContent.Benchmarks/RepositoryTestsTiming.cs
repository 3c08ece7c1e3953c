using System.Diagnostics;
using BenchmarkDotNet.Reports;

namespace SentinelContent.Benchmarks;

/// <summary>
/// Prints the in-process figure of <see cref="RepositoryTestsBenchmark"/> and times `dotnet sentinelctl.dll test` as a
/// user runs it on a warm build: a new process each time (runtime start-up, JIT, file reading, every test), after one
/// untimed run so the files are in the OS cache.
/// </summary>
internal static class RepositoryTestsTiming
{
    public static void Run(Summary summary, int processRuns)
    {
        var report = summary.Reports.Single();
        var mean = report.ResultStatistics!.Mean / 1e6;
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) / 1024.0 / 1024.0;

        var sentinelctl = Path.Combine(AppContext.BaseDirectory, "sentinelctl.dll");
        TimeProcess(sentinelctl);
        var times = Enumerable.Range(0, processRuns).Select(_ => TimeProcess(sentinelctl)).Order().ToList();

        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"[tests] in-process on a warm runtime: mean {mean:F1} ms per run of every repository test, {allocated:F1} MB allocated"));
        Console.WriteLine(FormattableString.Invariant($"[tests] `dotnet sentinelctl.dll test` process, {processRuns} runs: median {times[times.Count / 2]:F0} ms, best {times[0]:F0} ms, worst {times[^1]:F0} ms (goal: under 2000 ms)"));
        Console.WriteLine(FormattableString.Invariant($"[tests] load average while timing: {LoadAverage()}"));
    }

    /// <summary>Where the time goes on a warm runtime: the whole command per run, then the slowest tests of the last run.</summary>
    public static void Breakdown(int runs)
    {
        string json = string.Empty;
        for (var i = 0; i < runs; i++)
        {
            var output = new StringWriter();
            var context = new SentinelContent.Cli.Infrastructure.CliContext(output, TextWriter.Null, BenchmarkCorpus.RepositoryRoot, OutputIsTerminal: false);
            var clock = Stopwatch.StartNew();
            SentinelContent.Cli.SentinelCtl.Run(["test", "--format", "json"], context);
            Console.WriteLine(FormattableString.Invariant($"run {i + 1}: {clock.Elapsed.TotalMilliseconds:F0} ms"));
            json = output.ToString();
        }
        var tests = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("tests").EnumerateArray()
            .Select(t => (Ms: t.GetProperty("durationMs").GetDouble(), Name: $"{t.GetProperty("kind").GetString()} {t.GetProperty("suite").GetString()} › {t.GetProperty("name").GetString()}"))
            .OrderByDescending(t => t.Ms);
        foreach (var (ms, name) in tests.Take(10)) Console.WriteLine(FormattableString.Invariant($"{ms,8:F1} ms  {name}"));
    }

    private static double TimeProcess(string sentinelctl)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = BenchmarkCorpus.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(sentinelctl);
        info.ArgumentList.Add("test");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0) throw new InvalidOperationException($"sentinelctl test exited {process.ExitCode}:\n{output.Result}{error.Result}");
        return elapsed;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
