using BenchmarkDotNet.Attributes;
using SentinelContent.Kql.Evaluation;

namespace SentinelContent.Benchmarks.Evaluator;

/// <summary>
/// Each detection three ways on the same generated rows, in the same run: the hand-written loop (baseline, so
/// BenchmarkDotNet's Ratio column is "times the hand loop"), the project's KQL engine (parse, bind, plan and run,
/// as `sentinelctl test` does), and DuckDB with the equivalent SQL. Results are checked equal before timing.
/// </summary>
[MemoryDiagnoser]
public class EvaluatorBenchmark
{
    /// <summary>Set by Program.cs; the benchmark processes inherit it.</summary>
    public const string RowsVariable = "SENTINELCONTENT_BENCH_ROWS";

    /// <summary>The engine's pinned clock: the day after the generated day.</summary>
    public static readonly DateTime Now = new(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc);
    private SyntheticLogs _logs = null!;
    private KqlEngine _engine = null!;
    private DuckDbWorkspace _duckDb = null!;
    private string _kql = string.Empty;
    private string _sql = string.Empty;

    /// <summary>Set by Program.cs from --detection: measure only that detection (a quicker run while working on one).</summary>
    public const string DetectionVariable = "SENTINELCONTENT_BENCH_DETECTION";

    [ParamsSource(nameof(Detections))]
    public Detection Detection { get; set; }

    public static IEnumerable<Detection> Detections =>
        Enum.TryParse<Detection>(Environment.GetEnvironmentVariable(DetectionVariable), out var only) ? [only] : Enum.GetValues<Detection>();

    /// <summary>The engine with limits that let a million-row detection run (the defaults protect interactive use).</summary>
    public static KqlEngine NewEngine() => new(limits: EvaluationLimits.Default with { MaxRows = 100_000_000, Timeout = TimeSpan.FromMinutes(10) });

    public static int Rows => int.TryParse(Environment.GetEnvironmentVariable(RowsVariable), out var rows) ? rows : 1_000_000;

    // Generating a million rows per table and loading them into DuckDB takes a minute or two: the benchmark runs
    // in process (Program.cs), so every case shares one copy of the data, and each detection is verified once.
    private static readonly Lazy<(SyntheticLogs Logs, DuckDbWorkspace DuckDb)> Shared = new(() =>
    {
        var logs = SyntheticLogs.Generate(Rows);
        return (logs, DuckDbWorkspace.Load(logs));
    });

    private static readonly HashSet<Detection> Verified = [];

    [GlobalSetup]
    public void Setup()
    {
        (_logs, _duckDb) = Shared.Value;
        _engine = NewEngine();
        _kql = DetectionQueries.Kql(Detection);
        _sql = DetectionQueries.Sql(Detection);
        if (Verified.Add(Detection)) EnsureSameResults();
    }

    [Benchmark(Baseline = true)]
    public int HandLoop() => HandLoops.RowCount(Detection, _logs);

    [Benchmark]
    public int Kql() => _engine.Run(_kql, _logs.Tables, Now).RowCount;

    [Benchmark]
    public int DuckDb() => _duckDb.Query(_sql).Count;

    private void EnsureSameResults()
    {
        var hand = Detection switch
        {
            Detection.DynamicPathFilter => ResultDigest.Of(HandLoops.DynamicPathFilter(_logs)),
            Detection.SummarizeByUserAndHour => ResultDigest.Of(HandLoops.SummarizeByUserAndHour(_logs)),
            _ => ResultDigest.Of(HandLoops.JoinWithinTimeWindow(_logs)),
        };
        var kql = ResultDigest.Of(_engine.Run(_kql, _logs.Tables, Now));
        var duckDb = ResultDigest.Of(_duckDb.Query(_sql));
        if (hand.Count == 0) throw new InvalidOperationException($"{Detection}: the generated data gives no result rows; the benchmark would measure nothing");
        Compare("KQL engine", kql, hand);
        Compare("DuckDB", duckDb, hand);
        Console.WriteLine($"// {Detection}: {hand.Count} result rows, equal in all three; DuckDB threads: {_duckDb.Threads}");
    }

    private void Compare(string name, List<string> actual, List<string> expected)
    {
        if (actual.SequenceEqual(expected)) return;
        var firstDifference = actual.Zip(expected).Select((pair, i) => (pair, i)).FirstOrDefault(p => p.pair.First != p.pair.Second);
        throw new InvalidOperationException(
            $"{Detection}: {name} gives {actual.Count} rows, the hand loop {expected.Count}; first difference at {firstDifference.i}: " +
            $"'{firstDifference.pair.First}' vs '{firstDifference.pair.Second}'");
    }
}
