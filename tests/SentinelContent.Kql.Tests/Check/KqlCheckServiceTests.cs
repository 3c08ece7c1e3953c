using System.Text.Json;
using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Check;

namespace SentinelContent.Kql.Tests.Check;

/// <summary>The JSON-lines interface behind `sentinelctl kql check`.</summary>
public sealed class KqlCheckServiceTests
{
    private static readonly BindingContext Context = new(new SchemaCatalog(
        [new TableSchema("T", [new ColumnSchema("a", ScalarType.String), new ColumnSchema("b", ScalarType.Long)])]));

    private static List<JsonElement> Run(string input)
    {
        var output = new StringWriter();
        new KqlCheckService(Context).Check(new StringReader(input), output);
        return [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    [Fact]
    public void Writes_one_line_per_query_in_the_oracle_shape()
    {
        var lines = Run("{\"id\":\"ok\",\"query\":\"T | take 1\"}\n{\"id\":\"bad\",\"query\":\"T | where\"}\n");
        Assert.Equal(2, lines.Count);

        var ok = lines[0];
        Assert.Equal(["id", "syntaxErrors", "errors", "warnings", "columns"], ok.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ok", ok.GetProperty("id").GetString());
        Assert.Equal(0, ok.GetProperty("syntaxErrors").GetArrayLength());
        Assert.Equal(0, ok.GetProperty("errors").GetArrayLength());
        Assert.Equal(["a:string", "b:long"], ok.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString() + ":" + c.GetProperty("type").GetString()));

        var bad = lines[1];
        var error = Assert.Single(bad.GetProperty("syntaxErrors").EnumerateArray());
        Assert.Equal(["code", "message", "start", "length"], error.EnumerateObject().Select(p => p.Name));
        Assert.Equal("SC0204", error.GetProperty("code").GetString());
        Assert.Equal(9, error.GetProperty("start").GetInt32());
        Assert.Equal(1, bad.GetProperty("errors").GetArrayLength());
        Assert.Equal(0, bad.GetProperty("warnings").GetArrayLength());
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1, 2]")]
    [InlineData("{\"id\": \"x\"}")]
    [InlineData("{\"id\": \"x\", \"query\": 42}")]
    public void A_malformed_line_gives_an_error_object_and_the_run_goes_on(string malformed)
    {
        var lines = Run(malformed + "\n{\"id\":\"after\",\"query\":\"print 1\"}\n");
        Assert.Equal(2, lines.Count);
        var error = Assert.Single(lines[0].GetProperty("errors").EnumerateArray());
        Assert.Equal("SC0200", error.GetProperty("code").GetString());
        Assert.Equal(KqlCheckService.BadInputCode, error.GetProperty("code").GetString());
        Assert.Equal("after", lines[1].GetProperty("id").GetString());
        Assert.Equal(0, lines[1].GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public void Semantic_errors_join_the_syntax_errors_and_a_scalar_result_has_no_columns()
    {
        var lines = Run("""
            {"id":"1","query":"T | where c > 1"}
            {"id":"2","query":"print x = 1"}
            {"id":"3","query":"let n = 1; n"}
            """);
        var unknown = Assert.Single(lines[0].GetProperty("errors").EnumerateArray());
        Assert.Equal("SC0302", unknown.GetProperty("code").GetString());
        Assert.Equal(10, unknown.GetProperty("start").GetInt32());
        Assert.Equal(0, lines[0].GetProperty("syntaxErrors").GetArrayLength());
        Assert.Equal("x", lines[1].GetProperty("columns")[0].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, lines[2].GetProperty("columns").ValueKind);
    }
}
