using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Core.Yaml;

namespace SentinelContent.Core.Tests.Yaml;

public class YamlReaderTests
{
    private static (YamlNode? Root, List<Diagnostic> Diagnostics) Read(string yaml, YamlReadLimits? limits = null)
    {
        var diagnostics = new List<Diagnostic>();
        var root = YamlReader.Read(new SourceText("t.yaml", yaml), diagnostics, limits);
        return (root, diagnostics);
    }

    [Fact]
    public void Scalars_keep_their_line_and_column()
    {
        var (root, diagnostics) = Read("id: abc\nname:   Hello world\nlist:\n  - one\n  - two\n");
        Assert.Empty(diagnostics);
        var map = Assert.IsType<YamlMapping>(root);
        Assert.Equal(new LinePosition(2, 9), map["name"]!.Location.Start);
        var list = Assert.IsType<YamlSequence>(map["list"]);
        Assert.Equal(new LinePosition(5, 5), list.Items[1].Location.Start);
        Assert.Equal(new LinePosition(3, 1), map.Find("list")!.Key.Location.Start);
    }

    [Fact]
    public void Offsets_inside_a_literal_block_map_to_the_file()
    {
        const string yaml = "name: x\nquery: |\n  AuditLogs\n  | where OperationName == 'x'\n  | take 10\nkind: Scheduled\n";
        var (root, _) = Read(yaml);
        var query = Assert.IsType<YamlScalar>(((YamlMapping)root!)["query"]);
        Assert.Equal(YamlScalarStyle.Literal, query.Style);
        var offset = query.Value.IndexOf("where", StringComparison.Ordinal);
        Assert.Equal(new LinePosition(4, 5), query.PositionOf(offset));
        Assert.Equal(new LinePosition(3, 3), query.PositionOf(0));
        Assert.Equal(new LinePosition(5, 5), query.PositionOf(query.Value.IndexOf("take", StringComparison.Ordinal)));
    }

    [Fact]
    public void Offsets_inside_a_quoted_scalar_skip_the_quote()
    {
        var (root, _) = Read("query: \"AuditLogs | where x\"\n");
        var query = Assert.IsType<YamlScalar>(((YamlMapping)root!)["query"]);
        Assert.Equal(new LinePosition(1, 21), query.PositionOf(query.Value.IndexOf("where", StringComparison.Ordinal)));
    }

    [Fact]
    public void Duplicate_keys_are_reported_at_the_second_key()
    {
        var (_, diagnostics) = Read("a: 1\nb: 2\na: 3\n");
        var d = Assert.Single(diagnostics);
        Assert.Equal(InputDiagnostics.DuplicateKey, d.Descriptor);
        Assert.Equal(new LinePosition(3, 1), d.Location.Start);
        Assert.Contains("first at line 1", d.Message);
    }

    [Fact]
    public void A_yaml_bomb_is_refused_without_expanding_it()
    {
        var lines = new List<string> { "a: &a [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 0; i < 9; i++)
        {
            var previous = (char)('a' + i);
            var next = (char)('b' + i);
            lines.Add($"{next}: &{next} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]");
        }
        var (root, diagnostics) = Read(string.Join('\n', lines));
        Assert.Null(root);
        Assert.Equal(InputDiagnostics.TooManyNodes, Assert.Single(diagnostics).Descriptor);
    }

    [Fact]
    public void Deep_nesting_is_refused_without_overflowing_the_stack()
    {
        var (root, diagnostics) = Read(new string('[', 100_000) + new string(']', 100_000));
        Assert.Null(root);
        var d = Assert.Single(diagnostics);
        Assert.True(d.Descriptor == InputDiagnostics.NestingTooDeep || d.Descriptor == InputDiagnostics.InvalidYaml, d.ToString());
    }

    [Fact]
    public void Nesting_within_the_limit_is_read()
    {
        var (root, diagnostics) = Read(new string('[', 10) + new string(']', 10), new YamlReadLimits(MaxDepth: 10));
        Assert.Empty(diagnostics);
        Assert.IsType<YamlSequence>(root);
    }

    [Fact]
    public void Invalid_yaml_points_at_the_problem()
    {
        var (root, diagnostics) = Read("name: x\nquery: [unclosed\nkind: NRT\n");
        Assert.Null(root);
        var d = Assert.Single(diagnostics);
        Assert.Equal(InputDiagnostics.InvalidYaml, d.Descriptor);
        Assert.True(d.Location.Start.Line >= 2, d.ToString());
        Assert.DoesNotContain("(Line:", d.Message);
    }

    [Fact]
    public void An_empty_file_is_reported()
    {
        var (root, diagnostics) = Read("# only a comment\n");
        Assert.Null(root);
        Assert.Equal(InputDiagnostics.EmptyDocument, Assert.Single(diagnostics).Descriptor);
    }

    [Fact]
    public void A_second_document_is_reported()
    {
        var (root, diagnostics) = Read("a: 1\n---\nb: 2\n");
        Assert.NotNull(root);
        var d = Assert.Single(diagnostics);
        Assert.Equal(InputDiagnostics.MultipleDocuments, d.Descriptor);
        Assert.Equal(2, d.Location.Start.Line);
    }

    [Fact]
    public void An_alias_to_an_unknown_anchor_is_an_error()
    {
        var (_, diagnostics) = Read("a: *nothing\n");
        Assert.Equal(InputDiagnostics.InvalidYaml, Assert.Single(diagnostics).Descriptor);
    }

    [Fact]
    public void Complex_keys_are_refused()
    {
        var (_, diagnostics) = Read("? [a, b]\n: value\n");
        Assert.Equal(InputDiagnostics.UnsupportedKey, Assert.Single(diagnostics).Descriptor);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("~", true)]
    [InlineData("null", true)]
    [InlineData("''", false)]
    [InlineData("'null'", false)]
    public void Null_is_plain_empty_tilde_or_null(string value, bool isNull)
    {
        var (root, _) = Read($"a: {value}\n");
        Assert.Equal(isNull, Assert.IsType<YamlScalar>(((YamlMapping)root!)["a"]).IsNull);
    }
}
