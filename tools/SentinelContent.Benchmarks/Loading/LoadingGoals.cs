using System.Globalization;

namespace SentinelContent.Benchmarks.Loading;

/// <summary>
/// The whole-process goals of loading, one measured run each (BenchmarkDotNet's repeated runs would take hours at
/// five million rows): wall time, peak resident memory and throughput of the baseline and of `query "T | count"` per
/// table, then the seven-day backtest of each seed rule over the export (the rules run hourly, so 168 runs each).
/// The machine's load average is printed with the figures: on a shared machine they are upper bounds.
/// </summary>
public static class LoadingGoals
{
    public static void Print(string folder, int rows, bool backtests)
    {
        Console.WriteLine();
        Console.WriteLine(
            $"Loading goals on {rows:N0} rows per table ({folder}), {Environment.ProcessorCount} cores, "
            + $"load average before: {LoadAverage()}");
        Console.WriteLine($"{"work",-58} {"MB",8} {"wall s",8} {"peak MB",8} {"MB/s",8} {"ratio",6}");
        foreach (var table in new[] { "AuditLogs", "SigninLogs" })
        {
            var file = Path.Combine(folder, table + ".jsonl");
            var megabytes = new FileInfo(file).Length / 1e6;
            var baseline = ChildProcess.Run(ChildProcess.Benchmarks(LoadingBenchmark.BaselineFlag, file));
            Line($"{table}: parse each line (System.Text.Json), baseline", megabytes, baseline, baseline);
            var query = ChildProcess.Run(ChildProcess.Sentinelctl("query", $"{table} | count", "--data", file, "--format", "csv"));
            Line($"{table}: sentinelctl query '{table} | count'", megabytes, query, baseline);
            var expected = rows.ToString(CultureInfo.InvariantCulture);
            if (!query.Output.Contains(expected, StringComparison.Ordinal) || !baseline.Output.Contains(expected, StringComparison.Ordinal))
                throw new InvalidOperationException($"the count is not {expected}: {query.Output.Trim()} / {baseline.Output.Trim()}");
        }
        if (!backtests) return;
        var total = (new FileInfo(Path.Combine(folder, "AuditLogs.jsonl")).Length + new FileInfo(Path.Combine(folder,
            "SigninLogs.jsonl")).Length) / 1e6;
        var from = ExportGenerator.Start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var to = (ExportGenerator.Start + ExportGenerator.Span).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        foreach (var rule in Directory.EnumerateFiles(Path.Combine(BenchmarkCorpus.RepositoryRoot, "analytics-rules"), "*.yaml",
            SearchOption.AllDirectories)
                     .Where(f => !f.EndsWith(".tests.yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var run = ChildProcess.Run(ChildProcess.Sentinelctl("backtest", rule, "--data", folder, "--from", from, "--to", to,
                "--format", "json"));
            Line($"backtest {Path.GetFileNameWithoutExtension(rule)}, 7 days", total, run, null);
        }
        Console.WriteLine($"load average after: {LoadAverage()}");
    }

    private static void Line(string work, double megabytes, ChildProcess.Measurement run, ChildProcess.Measurement? baseline)
    {
        var seconds = run.Wall.TotalSeconds;
        var ratio = baseline is null ? "" : (seconds / baseline.Wall.TotalSeconds).ToString("F2", CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{work,-58} {megabytes,8:F0} {seconds,8:F1} {run.PeakBytes / 1e6,8:F0} {megabytes / seconds,8:F0} {ratio,6}"));
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
