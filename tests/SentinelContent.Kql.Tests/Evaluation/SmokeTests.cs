using static SentinelContent.Kql.Tests.Evaluation.EngineTestSupport;

namespace SentinelContent.Kql.Tests.Evaluation;

public sealed class SmokeTests
{
    [Theory]
    [InlineData("print x = 1 + 2", "3")]
    [InlineData("print strcat('a', 'b')", "ab")]
    [InlineData("print ago(1h)", "2026-11-20T11:00:00Z")]
    [InlineData("print 'Admin@Contoso' has 'admin'", "true")]
    [InlineData("print 'Administrator' has 'admin'", "false")]
    [InlineData("range x from 1 to 3 step 1 | summarize sum(x)", "6")]
    [InlineData("datatable(a:string, b:long)['x', 1, 'y', 2, 'x', 3] | summarize c = count(), s = sum(b) by a | where a == 'x' | project c, s", "2|4")]
    [InlineData("print d = dynamic({'a': {'b': [1, 2, 3]}}) | extend n = array_length(d.a.b) | project n", "3")]
    [InlineData("datatable(a:dynamic)[dynamic([1,2]), dynamic([])] | mv-expand a | count", "2")]
    public void Evaluates(string query, string expected) => Assert.Equal(expected, Cell(query));
}
