using SentinelContent.Kql.Syntax;
using SentinelContent.Kql.Tests.Infrastructure;

namespace SentinelContent.Kql.Tests.Syntax;

/// <summary>The tree reproduces every corpus query exactly, and its spans are consistent.</summary>
public sealed class RoundTripTests
{
    [Fact]
    public void Every_corpus_query_round_trips_exactly()
    {
        var failures = new List<string>();
        foreach (var query in QueryCorpus.All)
        {
            var tree = KqlSyntaxTree.Parse(query.Query);
            if (tree.ToFullString() != query.Query) failures.Add(query.Id);
        }

        Assert.True(QueryCorpus.Shared.Count > 1000, $"Expected the shared corpus (~1300 queries), found {QueryCorpus.Shared.Count}.");
        Assert.True(failures.Count == 0, "Round trip failed for:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Token_spans_tile_the_text_without_gaps_or_overlaps()
    {
        foreach (var query in QueryCorpus.All)
        {
            var tree = KqlSyntaxTree.Parse(query.Query);
            var position = 0;
            foreach (var token in tree.Root.DescendantTokens().Where(t => !t.IsMissing))
            {
                Assert.Equal(position, token.FullSpan.Start);
                Assert.True(token.FullSpan.Start <= token.Span.Start && token.Span.End <= token.FullSpan.End, query.Id);
                Assert.Equal(query.Query.Substring(token.Span.Start, token.Span.Length), token.Text);
                var leading = string.Concat(token.LeadingTrivia.Select(t => t.Text));
                var trailing = string.Concat(token.TrailingTrivia.Select(t => t.Text));
                Assert.Equal(query.Query.Substring(token.FullSpan.Start, token.FullSpan.Length), leading + token.Text + trailing);
                position = token.FullSpan.End;
            }

            Assert.Equal(query.Query.Length, position);
        }
    }

    [Fact]
    public void Node_spans_contain_their_children()
    {
        foreach (var query in QueryCorpus.All)
        {
            var tree = KqlSyntaxTree.Parse(query.Query);
            foreach (var node in tree.Root.DescendantNodesAndSelf())
            {
                foreach (var child in node.Children)
                {
                    Assert.True(node.FullSpan.Start <= child.FullSpan.Start && child.FullSpan.End <= node.FullSpan.End, $"{query.Id}: {node.Kind} {node.FullSpan} vs {child.Kind} {child.FullSpan}");
                }
            }
        }
    }
}
