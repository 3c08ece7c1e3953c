using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Tests.Syntax;

/// <summary>One mistake gives one clear diagnostic at the right place; parsing goes on; text is never lost.</summary>
public sealed class ErrorRecoveryTests
{
    /// <summary>
    /// The first diagnostic, after checking there is no cascade: every diagnostic sits at the same
    /// place (a missing ')' after a missing '}' is the same mistake seen twice, not a new one).
    /// </summary>
    private static KqlDiagnostic FirstDiagnosticWithoutCascade(string text)
    {
        var tree = KqlSyntaxTree.Parse(text);
        Assert.Equal(text, tree.ToFullString());
        Assert.NotEmpty(tree.Diagnostics);
        Assert.True(tree.Diagnostics.All(d => d.Span.Start == tree.Diagnostics[0].Span.Start) && tree.Diagnostics.Count <= 2,
            $"Expected one mistake reported once for '{text}', got: {string.Join("; ", tree.Diagnostics)}");
        return tree.Diagnostics[0];
    }

    [Theory]
    [InlineData("T | where", "SC0204", 9)]
    [InlineData("T | where x ==", "SC0204", 14)]
    [InlineData("T | where x == | take 1", "SC0204", 14)]
    [InlineData("T | extend a=1 b=2", "SC0203", 14)]
    [InlineData("T | where (x", "SC0203", 12)]
    [InlineData("T | where (x | take 1", "SC0203", 21)]
    [InlineData("T | foo", "SC0205", 4)]
    [InlineData("T |", "SC0205", 3)]
    [InlineData("T | where x\n\n//next query\nT2 | where y", "SC0203", 11)]
    [InlineData("T | where a == 1 )", "SC0206", 17)]
    [InlineData("| where x", "SC0206", 0)]
    [InlineData("T | top 5", "SC0203", 9)]
    [InlineData("T | sort A", "SC0203", 8)]
    [InlineData("T | lookup U", "SC0211", 12)]
    [InlineData("T | where x in (1, 2", "SC0203", 20)]
    [InlineData("print dynamic({\"a\": 1", "SC0203", 21)]
    [InlineData("print x = \"abc", "SC0202", 14)]
    [InlineData("print datetime(2020-01-01", "SC0202", 25)]
    [InlineData("print 74be27de-1e4e-49d9-b579-fe0b331d3642", "SC0212", 6)]
    [InlineData("print a \\ b", "SC0201", 8)]
    [InlineData("datatable (A: str) []", "SC0213", 14)]
    [InlineData("T | extend Synced-Folder = 1", "SC0214", 11)]
    [InlineData("T | parse x with a:int32", "SC0213", 19)]
    [InlineData("T | extend a$b = 1", "SC0214", 11)]
    [InlineData("let x", "SC0203", 5)]
    [InlineData("set = 1; print 1", "SC0209", 3)]
    [InlineData("print dynamic({\"a\": })", "SC0210", 19)]
    [InlineData("let f = (x:int, ) { x }; print f(1)", "SC0210", 15)]

    public void One_mistake_one_diagnostic_at_the_right_place(string text, string code, int start)
    {
        var diagnostic = FirstDiagnosticWithoutCascade(text);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(start, diagnostic.Span.Start);
    }

    [Theory]
    [InlineData("range x to 10", "SC0203", 5)] // not a range operator: 'range' and 'x' are two statements
    [InlineData("T | where x in (\"a\", b | where y)", "SC0203", 22)] // only a lone in-list element may be a subquery
    public void First_diagnostic_matches_the_official_parser(string text, string code, int start)
    {
        var tree = KqlSyntaxTree.Parse(text);
        Assert.Equal(code, tree.Diagnostics[0].Code);
        Assert.Equal(start, tree.Diagnostics[0].Span.Start);
    }

    [Fact]
    public void Parsing_continues_after_an_error()
    {
        var tree = KqlSyntaxTree.Parse("T | where | extend b = 1 | take 5");
        Assert.Single(tree.Diagnostics);
        var kinds = tree.Root.DescendantNodesAndSelf().Select(n => n.Kind).ToList();
        Assert.Contains(SyntaxKind.ExtendOperator, kinds);
        Assert.Contains(SyntaxKind.TakeOperator, kinds);
    }

    [Fact]
    public void Missing_tokens_are_in_the_tree_and_skipped_text_is_kept()
    {
        var tree = KqlSyntaxTree.Parse("T | where (x ) )");
        Assert.Equal("T | where (x ) )", tree.ToFullString());
        Assert.Contains(tree.Root.DescendantNodesAndSelf(), n => n.Kind == SyntaxKind.SkippedTokens);

        var missing = KqlSyntaxTree.Parse("T | where (x");
        Assert.Contains(missing.Root.DescendantTokens(), t => t.IsMissing && t.Kind == SyntaxKind.CloseParenToken);
    }

    [Fact]
    public void Too_deep_nesting_is_one_diagnostic_not_a_stack_overflow()
    {
        var text = "print " + new string('(', 5000) + "1" + new string(')', 5000);
        var tree = KqlSyntaxTree.Parse(text);
        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal(KqlSyntaxDiagnostics.NestingTooDeep.Code, diagnostic.Code);
        Assert.Equal(text, tree.ToFullString());
    }

    [Fact]
    public void Nesting_below_the_limit_parses()
    {
        var text = "print " + new string('(', 100) + "1" + new string(')', 100);
        Assert.Empty(KqlSyntaxTree.Parse(text).Diagnostics);
    }

    [Fact]
    public void Deeply_nested_calls_and_json_are_bounded_too()
    {
        foreach (var text in new[]
        {
            "print " + string.Concat(Enumerable.Repeat("f(", 3000)) + "1" + new string(')', 3000),
            "print dynamic(" + new string('[', 3000) + new string(']', 3000) + ")",
        })
        {
            var tree = KqlSyntaxTree.Parse(text);
            Assert.Equal(KqlSyntaxDiagnostics.NestingTooDeep.Code, Assert.Single(tree.Diagnostics).Code);
            Assert.Equal(text, tree.ToFullString());
        }
    }

    [Fact]
    public void A_query_over_the_length_limit_is_reported_not_parsed()
    {
        var text = "print \"" + new string('a', KqlSyntaxTree.MaxQueryLength) + "\"";
        var tree = KqlSyntaxTree.Parse(text);
        Assert.Equal(KqlSyntaxDiagnostics.QueryTooLong.Code, Assert.Single(tree.Diagnostics).Code);
        Assert.Equal(text, tree.ToFullString());
    }

    [Fact]
    public void Every_descriptor_has_a_unique_SC02xx_code_and_help()
    {
        var all = KqlSyntaxDiagnostics.All;
        Assert.Equal(all.Count, all.Select(d => d.Code).Distinct().Count());
        foreach (var descriptor in all)
        {
            Assert.Matches("^SC02[0-9]{2}$", descriptor.Code);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Help));
            Assert.Equal(Core.Diagnostics.DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        }
    }
}
