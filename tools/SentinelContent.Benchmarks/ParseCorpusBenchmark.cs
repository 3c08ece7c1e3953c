using System.Buffers;
using BenchmarkDotNet.Attributes;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Benchmarks;

/// <summary>
/// Parses the whole corpus once per operation; queries/second = corpus size / mean time. The baseline in the same run is
/// the lexer alone over the same text: the parser's cost as a multiple of it does not move with the machine's load, so
/// a change in the tree-building code (the typed-syntax regression of 2026-12-08) shows as a change of that ratio.
/// </summary>
[MemoryDiagnoser]
public class ParseCorpusBenchmark
{
    private string[] _queries = [];

    [GlobalSetup]
    public void Setup() => _queries = BenchmarkCorpus.Load();

    [Benchmark(Baseline = true, Description = "Lexer only (whole corpus)")]
    public int LexCorpus()
    {
        var tokens = 0;
        foreach (var query in _queries)
        {
            var buffer = Lexer.TokenizeInto(query, out var count);
            ArrayPool<LexicalToken>.Shared.Return(buffer);
            tokens += count;
        }

        return tokens;
    }

    [Benchmark(Description = "KqlSyntaxTree.Parse (whole corpus)")]
    public int ParseCorpus()
    {
        var diagnostics = 0;
        foreach (var query in _queries) diagnostics += KqlSyntaxTree.Parse(query).Diagnostics.Count;
        return diagnostics;
    }
}
