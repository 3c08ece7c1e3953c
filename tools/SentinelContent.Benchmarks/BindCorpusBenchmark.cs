using BenchmarkDotNet.Attributes;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Benchmarks;

/// <summary>
/// Parses and binds the whole corpus once per operation against the Log Analytics schema export
/// (../shared/schemas/la_table_schemas.csv), the schema the official binder gets in the same run. The baseline in the
/// same run is parsing alone, so the ratio is what binding adds to parsing.
/// </summary>
[MemoryDiagnoser]
public class BindCorpusBenchmark
{
    private string[] _queries = [];
    private BindingContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        _queries = BenchmarkCorpus.Load();
        var diagnostics = new List<Diagnostic>();
        var schemas = SchemaFileLoader.Load(BenchmarkCorpus.SchemaCsv, diagnostics);
        _context = new BindingContext(schemas);
    }

    [Benchmark(Baseline = true, Description = "KqlSyntaxTree.Parse only (whole corpus)")]
    public int ParseCorpus()
    {
        var diagnostics = 0;
        foreach (var query in _queries) diagnostics += KqlSyntaxTree.Parse(query).Diagnostics.Count;
        return diagnostics;
    }

    [Benchmark(Description = "KqlSyntaxTree.Parse + KqlBinder.Bind (whole corpus)")]
    public int ParseAndBindCorpus()
    {
        var diagnostics = 0;
        foreach (var query in _queries) diagnostics += KqlBinder.Bind(KqlSyntaxTree.Parse(query), _context).Diagnostics.Count;
        return diagnostics;
    }
}
