using BenchmarkDotNet.Attributes;
using SentinelContent.Cli;
using SentinelContent.Cli.Infrastructure;

namespace SentinelContent.Benchmarks;

/// <summary>
/// `sentinelctl test` on the repository's own content, in-process on a warm runtime: every rule test (query through
/// the KQL engine, alerts and incidents through the simulator) and every playbook test, reading the files each time
/// as the command does. The process-level wall clock (runtime start-up and JIT included) is timed by Program.cs.
/// </summary>
[MemoryDiagnoser]
public class RepositoryTestsBenchmark
{
    private CliContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        _context = new CliContext(TextWriter.Null, TextWriter.Null, BenchmarkCorpus.RepositoryRoot, OutputIsTerminal: false);
        var exit = SentinelCtl.Run(["test"], _context);
        if (exit != 0) throw new InvalidOperationException($"sentinelctl test exits {exit} on the repository; fix the tests before timing them.");
    }

    [Benchmark(Description = "sentinelctl test (whole repository, in-process)")]
    public int TestRepository() => SentinelCtl.Run(["test"], _context);
}
