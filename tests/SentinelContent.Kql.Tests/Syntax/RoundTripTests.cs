using System.Text.Json;
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

    /// <summary>
    /// Writes the corpus as this suite reads it to .build/kql-corpus.jsonl, so the benchmarks (ours and
    /// the official parser's in node) time exactly the queries the tests check.
    /// </summary>
    [Fact]
    public void Corpus_is_exported_for_the_benchmarks()
    {
        var path = Path.Combine(RepositoryPaths.Root, ".build", "kql-corpus.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Environment.ProcessId + ".tmp";
        File.WriteAllLines(temporary, QueryCorpus.Shared.Select(q => JsonSerializer.Serialize(new { id = q.Id, query = q.Query })));
        File.Move(temporary, path, overwrite: true);
        Assert.Equal(QueryCorpus.Shared.Count, File.ReadLines(path).Count());
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
