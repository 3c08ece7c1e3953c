using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace SentinelContent.Benchmarks.Loading;

/// <summary>
/// Loading exported logs, as a user meets it: the whole `sentinelctl query "AuditLogs | count" --data FILE` process
/// (start-up, JIT, loading, the query), against the baseline in the same run: a process that parses every line of the
/// same file with System.Text.Json into nothing (one thread, the way `json.loads` in a loop does). The export is made
/// by <see cref="ExportGenerator"/>; its folder and row count come from <see cref="FolderVariable"/>.
/// </summary>
[MemoryDiagnoser(displayGenColumns: false)]
public class LoadingBenchmark
{
    public const string FolderVariable = "SC_BENCH_EXPORT";
    public const string BaselineFlag = "--parse-lines-baseline";

    [Params("AuditLogs", "SigninLogs")]
    public string Table { get; set; } = "AuditLogs";

    private string File => Path.Combine(Environment.GetEnvironmentVariable(FolderVariable)
        ?? throw new InvalidOperationException($"{FolderVariable} is not set"), Table + ".jsonl");

    [Benchmark(Baseline = true, Description = "parse each line (System.Text.Json), one thread")]
    public void ParseLines() => ChildProcess.Run(ChildProcess.Benchmarks(BaselineFlag, File));

    [Benchmark(Description = "sentinelctl query 'T | count' --data")]
    public void QueryCount() => ChildProcess.Run(ChildProcess.Sentinelctl("query", $"{Table} | count", "--data", File, "--format", "csv"));

    /// <summary>The baseline's own process: parse every line, keep nothing; prints the line count.</summary>
    public static void ParseEveryLine(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        using var reader = new StreamReader(file);
        var lines = 0L;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            using var document = JsonDocument.Parse(line);
            lines++;
        }
        Console.WriteLine(lines.ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>Child processes with their wall time and peak resident memory (VmHWM, read until the child exits).</summary>
public static class ChildProcess
{
    public sealed record Measurement(TimeSpan Wall, long PeakBytes, int ExitCode, string Output);

    public static ProcessStartInfo Sentinelctl(params string[] arguments) =>
        Dotnet(Path.Combine(AppContext.BaseDirectory, "sentinelctl.dll"), arguments);

    public static ProcessStartInfo Benchmarks(params string[] arguments) =>
        Dotnet(Path.Combine(AppContext.BaseDirectory, "SentinelContent.Benchmarks.dll"), arguments);

    private static ProcessStartInfo Dotnet(string dll, string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return info;
    }

    public static Measurement Run(ProcessStartInfo info)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(20)) peak = Math.Max(peak, PeakOf(process.Id));
        clock.Stop();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{string.Join(' ', info.ArgumentList)} exited {process.ExitCode}: {error.Result}{output.Result}");
        return new Measurement(clock.Elapsed, peak, process.ExitCode, output.Result);
    }

    // VmHWM: the most resident memory the process has had (Linux); 0 elsewhere.
    private static long PeakOf(int pid)
    {
        try
        {
            foreach (var line in System.IO.File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process has just exited.
        }
        return 0;
    }
}
