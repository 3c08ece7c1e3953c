using System.Diagnostics;
using System.Globalization;

namespace SentinelContent.Benchmarks.Evaluator;

/// <summary>
/// Peak memory per detection and implementation. Each measurement runs in a fresh child process (so no case
/// reuses memory another left committed): it loads the data, settles the heap, resets the peak working set (on
/// Linux; generating the data peaks far higher than any detection), runs the detection three times and reports how
/// far the peak rose above the loaded data.
/// </summary>
public static class PeakMemory
{
    public const string ChildFlag = "--evaluator-peak-child";
    private static readonly string[] Implementations = ["HandLoop", "Kql", "DuckDb"];

    public static void PrintTable(int rows)
    {
        Console.WriteLine();
        Console.WriteLine($"Peak memory above the loaded data ({rows:N0} rows per table), MB:");
        Console.WriteLine($"{"detection",-24} {"HandLoop",10} {"Kql",10} {"DuckDb",10}");
        foreach (var detection in Enum.GetValues<Detection>())
        {
            var figures = Implementations.Select(implementation => RunChild(implementation, detection, rows));
            Console.WriteLine($"{detection,-24} {string.Join(" ", figures.Select(f => f.ToString("F0", CultureInfo.InvariantCulture).PadLeft(10)))}");
        }
    }

    /// <summary>The child's side: prints the rise of the peak working set in megabytes.</summary>
    public static void Child(string implementation, Detection detection, int rows)
    {
        var logs = SyntheticLogs.Generate(rows);
        using var duckDb = implementation == "DuckDb" ? DuckDbWorkspace.Load(logs) : null;
        var engine = EvaluatorBenchmark.NewEngine();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        if (!ResetPeakWorkingSet()) Console.Error.WriteLine("warning: the peak working set cannot be reset here; the figure includes generating the data");
        process.Refresh();
        var before = process.WorkingSet64;
        for (var run = 0; run < 3; run++)
        {
            var count = implementation switch
            {
                "HandLoop" => HandLoops.RowCount(detection, logs),
                "Kql" => engine.Run(DetectionQueries.Kql(detection), logs.Tables, EvaluatorBenchmark.Now).RowCount,
                _ => duckDb!.Query(DetectionQueries.Sql(detection)).Count,
            };
            GC.KeepAlive(count);
        }

        process.Refresh();
        Console.WriteLine(((process.PeakWorkingSet64 - before) / 1048576.0).ToString("F1", CultureInfo.InvariantCulture));
    }

    /// <summary>Linux resets a process's peak resident set (VmHWM, which PeakWorkingSet64 reads) when "5" is written to clear_refs.</summary>
    private static bool ResetPeakWorkingSet()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static double RunChild(string implementation, Detection detection, int rows)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in Environment.GetCommandLineArgs().Take(1).Where(a => a.EndsWith(".dll", StringComparison.Ordinal)))
            info.ArgumentList.Add(argument);
        foreach (var argument in new[] { ChildFlag, implementation, detection.ToString(), rows.ToString(CultureInfo.InvariantCulture) })
            info.ArgumentList.Add(argument);
        using var child = Process.Start(info) ?? throw new InvalidOperationException("could not start the measuring process");
        var output = child.StandardOutput.ReadToEnd().Trim();
        child.WaitForExit();
        if (child.ExitCode != 0) throw new InvalidOperationException($"peak memory of {implementation} on {detection} failed");
        return double.Parse(output.Split('\n')[^1], CultureInfo.InvariantCulture);
    }
}
