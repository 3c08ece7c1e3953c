using System.Diagnostics;
using System.Text.Json;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using SentinelContent.Benchmarks;

// Runs the .NET parse benchmark (BenchmarkDotNet, with allocations), then the official parser's
// parse rate measured inside node on the same queries, and prints both rates and their ratio.
//   dotnet run -c Release --project tools/SentinelContent.Benchmarks [-- --quick]
var quick = args.Contains("--quick");
var config = DefaultConfig.Instance.AddJob(quick ? Job.ShortRun : Job.Default).WithOptions(ConfigOptions.DisableOptimizationsValidator);
var summary = BenchmarkRunner.Run<ParseCorpusBenchmark>(config);

var report = summary.Reports.Single();
var queries = BenchmarkCorpus.Load().Length;
var meanNanoseconds = report.ResultStatistics!.Mean;
var ourRate = queries / (meanNanoseconds / 1e9);
var allocatedPerQuery = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) / (double)queries;

Console.WriteLine();
Console.WriteLine(FormattableString.Invariant($"SentinelContent.Kql: {queries} queries in {meanNanoseconds / 1e6:F2} ms per pass = {ourRate:F0} queries/s, {allocatedPerQuery / 1024:F1} KB allocated per query"));

var script = Path.Combine(AppContext.BaseDirectory, "oracle-parse-rate.js");
var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, UseShellExecute = false };
foreach (var argument in new[] { script, BenchmarkCorpus.OracleDirectory, BenchmarkCorpus.CorpusFile, quick ? "5" : "20" })
    info.ArgumentList.Add(argument);
using var node = Process.Start(info) ?? throw new InvalidOperationException("Could not start node.");
var output = node.StandardOutput.ReadToEnd();
node.WaitForExit();
if (node.ExitCode != 0) throw new InvalidOperationException("The node parse-rate script failed; run the tests once so .build/kql-oracle has node_modules.");

var oracle = JsonDocument.Parse(output).RootElement;
var oracleRate = oracle.GetProperty("queriesPerSecond").GetDouble();
var oracleBestRate = oracle.GetProperty("bestPassQueriesPerSecond").GetDouble();
var ourBestRate = queries / (report.AllMeasurements.Where(m => m.IterationMode == BenchmarkDotNet.Engines.IterationMode.Workload && m.IterationStage == BenchmarkDotNet.Engines.IterationStage.Result).Min(m => m.Nanoseconds / m.Operations) / 1e9);
Console.WriteLine(FormattableString.Invariant($"SentinelContent.Kql best pass: {ourBestRate:F0} queries/s"));
Console.WriteLine(FormattableString.Invariant($"Official parser (Kusto.Language {oracle.GetProperty("node").GetString()} node): {oracleRate:F0} queries/s on average, {oracleBestRate:F0} queries/s best pass"));
Console.WriteLine(FormattableString.Invariant($"Ratio: {ourRate / oracleRate:F1}x on average, {ourBestRate / oracleBestRate:F1}x best pass against best pass"));
