using BenchmarkDotNet.Attributes;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Benchmarks;

/// <summary>Parses the whole corpus once per operation; queries/second = corpus size / mean time.</summary>
[MemoryDiagnoser]
public class ParseCorpusBenchmark
{
    private string[] _queries = [];

    public static int QueryCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _queries = BenchmarkCorpus.Load();
        QueryCount = _queries.Length;
    }

    [Benchmark(Description = "KqlSyntaxTree.Parse (whole corpus)")]
    public int ParseCorpus()
    {
        var diagnostics = 0;
        foreach (var query in _queries) diagnostics += KqlSyntaxTree.Parse(query).Diagnostics.Count;
        return diagnostics;
    }
}
