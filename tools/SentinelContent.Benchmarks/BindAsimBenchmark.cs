using BenchmarkDotNet.Attributes;
using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Benchmarks;

/// <summary>
/// Issue 18's speed bar: binding a query that calls an ASIM unifying parser costs no more than binding the same query
/// over a table. The baseline binds a DNS detection over the built-in DnsEvents table; the measured cases bind the same
/// shape over _Im_Dns (a catalog entry) and over _Im_Dns declared as a workspace function with a KQL body (what
/// --functions would give), whose text is parsed and bound at every binding. Trees are parsed once in setup: only
/// binding is measured. Run: dotnet run -c Release --project tools/SentinelContent.Benchmarks -- --quick --asim
/// </summary>
[MemoryDiagnoser]
public class BindAsimBenchmark
{
    private const string Detection =
        " | where DnsQuery has_any (dynamic(['ngrok.io', 'ngrok.com'])) | summarize Events = count(), Sources = make_set(SrcIpAddr, 10)" +
        " by DnsQuery, bin(TimeGenerated, 5m) | where Events > 3";

    private KqlSyntaxTree _table = null!;
    private KqlSyntaxTree _parser = null!;
    private BindingContext _context = null!;
    private BindingContext _withTextParser = null!;

    [GlobalSetup]
    public void Setup()
    {
        var dns = new TableSchema("DnsEvents", AsimCatalog.Default.Schema("Dns")!.Table.Columns);
        var schemas = BuiltInSchemas.Default.With(new SchemaCatalog([dns]));
        _context = new BindingContext(schemas);
        var columns = string.Join(", ", dns.Columns.Select(c => $"['{c.Name}']:{c.Type.Name()}"));
        var textParser = new WorkspaceFunction("_Im_Dns", "(starttime:datetime=datetime(null), endtime:datetime=datetime(null))",
            $"{{ datatable({columns})[] | where isnull(starttime) or TimeGenerated >= starttime"
            + " | where isnull(endtime) or TimeGenerated <= endtime }");
        _withTextParser = new BindingContext(schemas, workspaceFunctions: [textParser]);
        _table = KqlSyntaxTree.Parse("DnsEvents | where TimeGenerated > ago(1h)" + Detection);
        _parser = KqlSyntaxTree.Parse("_Im_Dns(starttime=ago(1h))" + Detection);
    }

    [Benchmark(Baseline = true, Description = "bind over the DnsEvents table")]
    public int Table() => KqlBinder.Bind(_table, _context).Diagnostics.Count;

    [Benchmark(Description = "bind over _Im_Dns (ASIM catalog)")]
    public int AsimCatalogParser() => KqlBinder.Bind(_parser, _context).Diagnostics.Count;

    [Benchmark(Description = "bind over _Im_Dns as a KQL-text workspace function")]
    public int TextParser() => KqlBinder.Bind(_parser, _withTextParser).Diagnostics.Count;
}
