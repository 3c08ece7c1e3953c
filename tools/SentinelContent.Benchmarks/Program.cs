using System.Diagnostics;
using System.Text.Json;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;
using SentinelContent.Benchmarks;
using SentinelContent.Benchmarks.Evaluator;
using SentinelContent.Benchmarks.Loading;

// Runs the .NET benchmarks (BenchmarkDotNet, with allocations): parse, then parse + bind of the whole corpus;
// after each, the official language service's rate for the same work measured inside node on the same
// queries (and, for binding, the same schema), and prints both rates and their ratio.
// With --tests: `sentinelctl test` on the repository in-process (BenchmarkDotNet), then the wall clock of the
// `sentinelctl test` process on the warm build (start-up and JIT included), the figure the 2-second goal is about.
// --tests-breakdown runs the command in-process a few times and lists the slowest tests of the last (warm) run.
//   dotnet run -c Release --project tools/SentinelContent.Benchmarks [-- --quick] [-- --bind-only] [-- --tests] [-- --tests-breakdown]
//     parse and bind also take --in-process (no generated project) and --no-oracle (ratios to the baseline only)
//   dotnet run -c Release --project tools/SentinelContent.Benchmarks -- --loading [--rows N] [--quick] [--goals-only] [--no-backtests]
//     loading a generated Log Analytics export: the whole `query` process against a parse-every-line baseline, peak memory, backtests
//   dotnet run -c Release --project tools/SentinelContent.Benchmarks -- --evaluator [--rows N] [--detection NAME] [--quick] [--no-peak-memory | --peak-memory-only]
//     the KQL evaluator on three detections over generated logs, against a hand loop and DuckDB, then peak memory
var quick = args.Contains("--quick");
if (args.Length == 2 && args[0] == LoadingBenchmark.BaselineFlag)
{
    LoadingBenchmark.ParseEveryLine(args[1]);
    return;
}
if (args.Contains("--loading"))
{
    // Loading exported logs: generate the export once (kept in .build/loading/ROWS), then BenchmarkDotNet's ratios for
    // the whole `query` process against the parse-every-line baseline, then the one-run goals table (peak memory,
    // throughput, the seed rules' 7-day backtests unless --no-backtests).
    var loadingRowsIndex = Array.IndexOf(args, "--rows");
    var loadingRows = loadingRowsIndex >= 0 && loadingRowsIndex + 1 < args.Length
        ? int.Parse(args[loadingRowsIndex + 1], System.Globalization.CultureInfo.InvariantCulture)
        : 500_000;
    var folder = Path.Combine(BenchmarkCorpus.RepositoryRoot, ".build", "loading", $"{loadingRows}");
    if (!File.Exists(Path.Combine(folder, "SigninLogs.jsonl")))
    {
        Console.WriteLine($"Generating {loadingRows:N0} rows per table into {folder}...");
        ExportGenerator.Write(folder, loadingRows);
    }
    Environment.SetEnvironmentVariable(LoadingBenchmark.FolderVariable, folder);
    if (!args.Contains("--goals-only"))
    {
        var loadingJob = Job.Dry.WithWarmupCount(1).WithIterationCount(quick ? 1 : 3).WithLaunchCount(1)
            .WithToolchain(InProcessNoEmitToolchain.Instance);
        BenchmarkRunner.Run<LoadingBenchmark>(
            DefaultConfig.Instance.AddJob(loadingJob).WithOptions(ConfigOptions.DisableOptimizationsValidator));
    }
    LoadingGoals.Print(folder, loadingRows, backtests: !args.Contains("--no-backtests"));
    return;
}
if (args.Length == 4 && args[0] == PeakMemory.ChildFlag)
{
    PeakMemory.Child(args[1], Enum.Parse<Detection>(args[2]), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
    return;
}


if (args.Contains("--evaluator"))
{
    var rowsIndex = Array.IndexOf(args, "--rows");
    var rows = rowsIndex >= 0 && rowsIndex + 1 < args.Length ? int.Parse(args[rowsIndex + 1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
    Environment.SetEnvironmentVariable(EvaluatorBenchmark.RowsVariable, rows.ToString(System.Globalization.CultureInfo.InvariantCulture));
    var detectionIndex = Array.IndexOf(args, "--detection");
    if (detectionIndex >= 0 && detectionIndex + 1 < args.Length) Environment.SetEnvironmentVariable(EvaluatorBenchmark.DetectionVariable, args[detectionIndex + 1]);
    // In process, so the generated data is made once for all nine cases (see EvaluatorBenchmark).
    var evaluatorJob = (quick ? Job.ShortRun : Job.Default.WithWarmupCount(2).WithIterationCount(8).WithLaunchCount(1))
        .WithToolchain(new InProcessNoEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true));
    // --peak-memory-only measures memory alone (its child processes take minutes at a million rows each).
    if (!args.Contains("--peak-memory-only"))
        BenchmarkRunner.Run<EvaluatorBenchmark>(DefaultConfig.Instance.AddJob(evaluatorJob).WithOptions(ConfigOptions.DisableOptimizationsValidator));
    if (!args.Contains("--no-peak-memory")) PeakMemory.PrintTable(rows);
    return;
}

// --in-process: parse and bind run in this process, not in a generated project (whose build times out on a busy machine).
var parseJob = quick ? Job.ShortRun : Job.Default;
if (args.Contains("--in-process")) parseJob = parseJob.WithToolchain(InProcessNoEmitToolchain.Instance);
var config = DefaultConfig.Instance.AddJob(parseJob).WithOptions(ConfigOptions.DisableOptimizationsValidator);
if (args.Contains("--tests-breakdown"))
{
    RepositoryTestsTiming.Breakdown(runs: 5);
    return;
}
if (args.Contains("--tests"))
{
    // In-process toolchain: the benchmark needs the whole command-line tool, and rebuilding it in a generated
    // project takes longer than BenchmarkDotNet's build timeout on a busy 2-core machine.
    var inProcess = DefaultConfig.Instance.AddJob((quick ? Job.ShortRun : Job.Default).WithToolchain(InProcessNoEmitToolchain.Instance))
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);
    RepositoryTestsTiming.Run(BenchmarkRunner.Run<RepositoryTestsBenchmark>(inProcess), processRuns: quick ? 5 : 15);
    return;
}
if (args.Contains("--asim"))
{
    BenchmarkRunner.Run<BindAsimBenchmark>(config);
    return;
}
var queries = BenchmarkCorpus.Load().Length;

if (!args.Contains("--bind-only")) Compare("parse", BenchmarkRunner.Run<ParseCorpusBenchmark>(config), []);
var schemaJson = BenchmarkCorpus.WriteSchemaJson();
Compare("parse+bind", BenchmarkRunner.Run<BindCorpusBenchmark>(config), ["bind", schemaJson]);

void Compare(string work, Summary summary, string[] nodeMode)
{
    // The measured work is the case that is not the baseline; the baseline ran in the same run (lexer or parser alone).
    var report = summary.Reports.Single(r => !r.BenchmarkCase.Descriptor.Baseline);
    var baseline = summary.Reports.Single(r => r.BenchmarkCase.Descriptor.Baseline);
    var meanNanoseconds = report.ResultStatistics!.Mean;
    var baselineMean = baseline.ResultStatistics!.Mean;
    var allocatedRatio = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase)
        / (double)Math.Max(1, baseline.GcStats.GetBytesAllocatedPerOperation(baseline.BenchmarkCase) ?? 1);
    var ourRate = queries / (meanNanoseconds / 1e9);
    var allocatedPerQuery = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) / (double)queries;
    var ourBestRate = queries / (report.AllMeasurements
        .Where(m => m.IterationMode == BenchmarkDotNet.Engines.IterationMode.Workload
            && m.IterationStage == BenchmarkDotNet.Engines.IterationStage.Result)
        .Min(m => m.Nanoseconds / m.Operations) / 1e9);

    Console.WriteLine();
    Console.WriteLine(
        FormattableString.Invariant($"[{work}] SentinelContent.Kql: {queries} queries in {meanNanoseconds / 1e6:F2} ms per pass = ") +
        FormattableString.Invariant($"{ourRate:F0} queries/s (best pass {ourBestRate:F0}), ") +
        FormattableString.Invariant($"{allocatedPerQuery / 1024:F1} KB allocated per query"));
    var baselineName = baseline.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo;
    Console.WriteLine(
        FormattableString.Invariant($"[{work}] Against the baseline of the same run ({baselineName}): ") +
        FormattableString.Invariant($"{meanNanoseconds / baselineMean:F2}x its time, {allocatedRatio:F2}x its allocations"));
    // --no-oracle: the ratios only (the official parser in node takes minutes per pass when binding).
    if (args.Contains("--no-oracle")) return;

    var script = Path.Combine(AppContext.BaseDirectory, "oracle-parse-rate.js");
    var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, UseShellExecute = false };
    foreach (var argument in new[] { script, BenchmarkCorpus.OracleDirectory, BenchmarkCorpus.CorpusFile, quick ? "5" : "20" }.Concat(nodeMode))
        info.ArgumentList.Add(argument);
    using var node = Process.Start(info) ?? throw new InvalidOperationException("Could not start node.");
    var output = node.StandardOutput.ReadToEnd();
    node.WaitForExit();
    if (node.ExitCode != 0) throw new InvalidOperationException("The node rate script failed; run the tests once so .build/kql-oracle has node_modules.");
    var oracle = JsonDocument.Parse(output).RootElement;
    var oracleRate = oracle.GetProperty("queriesPerSecond").GetDouble();
    var oracleBestRate = oracle.GetProperty("bestPassQueriesPerSecond").GetDouble();

    Console.WriteLine(FormattableString.Invariant($"[{work}] Official language service (Kusto.Language, node {oracle.GetProperty("node").GetString()}): {oracleRate:F0} queries/s on average, {oracleBestRate:F0} best pass"));
    Console.WriteLine(FormattableString.Invariant($"[{work}] Ratio: {ourRate / oracleRate:F1}x on average, {ourBestRate / oracleBestRate:F1}x best pass against best pass"));
}
