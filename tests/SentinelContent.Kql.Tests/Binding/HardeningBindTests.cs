using System.Diagnostics;
using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Tests.Binding;

/// <summary>
/// Issue 24, D4 and D6: diagnostics are capped, and literal regular expressions the engine cannot run are refused
/// when binding.
/// </summary>
public sealed class HardeningBindTests
{
    [Fact]
    public void A_hundred_thousand_minus_signs_give_a_bounded_list_of_errors_quickly()
    {
        // D4: 100k '-' printed gigabytes: one error per character, each quoting the whole line.
        var query = "print x = " + new string('-', 100_000);
        var clock = Stopwatch.StartNew();
        var tree = KqlSyntaxTree.Parse(query);
        var model = KqlBinder.Bind(tree);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.True(tree.Diagnostics.Count <= KqlSyntaxDiagnostics.MaxReported + 1, $"{tree.Diagnostics.Count} syntax errors");
        Assert.True(model.Diagnostics.Count <= KqlSyntaxDiagnostics.MaxReported + 1, $"{model.Diagnostics.Count} semantic errors");
        Assert.Equal(query, tree.ToFullString());
    }

    [Fact]
    public void More_than_a_hundred_errors_end_with_one_that_counts_the_rest()
    {
        // 150 separate syntax errors (a missing operand each).
        var query = "print " + string.Join(", ", Enumerable.Range(0, 150).Select(i => $"a{i} = 1 +"));
        var diagnostics = KqlSyntaxTree.Parse(query).Diagnostics;
        Assert.Equal(KqlSyntaxDiagnostics.MaxReported + 1, diagnostics.Count);
        var last = diagnostics[^1];
        Assert.Equal("SC0215", last.Code);
        Assert.Matches(@"^\d+ more errors in this query are not shown$", last.Message);
    }

    [Theory]
    [InlineData("print 'aa' matches regex '(a)\\\\1'", "(a)\\\\1")]
    [InlineData("print extract('(?<=a)b', 0, 'ab')", "(?<=a)b")]
    [InlineData("print replace_regex('ab', '(?=b)', 'x')", "(?=b)")]
    [InlineData("print countof('abab', '(ab)\\\\1', 'regex')", "(ab)\\\\1")]
    [InlineData("print extract_all('(unclosed', 'a')", "(unclosed")]
    public void A_literal_pattern_the_engine_cannot_run_is_refused_when_binding(string query, string pattern)
    {
        var error = Assert.Single(KqlBinder.Bind(query).Diagnostics, d => d.Code == "SC0315");
        Assert.Contains(pattern, query.Substring(error.Span.Start, error.Span.Length), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("print 'aa' matches regex '(a)+$'")]
    [InlineData("print extract('(?P<x>a)', 1, 'ab')")]
    [InlineData("print countof('abab', '(ab)\\\\1')")]
    public void Patterns_the_engine_runs_and_plain_searches_are_not_refused(string query) =>
        Assert.DoesNotContain(KqlBinder.Bind(query).Diagnostics, d => d.Code == "SC0315");
}
