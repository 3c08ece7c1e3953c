using SentinelContent.Kql.Syntax;
using SentinelContent.Kql.Tests.Infrastructure;
using OracleError = SentinelContent.TestSupport.OracleError;

namespace SentinelContent.Kql.Tests.Syntax;

/// <summary>
/// Our parser against Microsoft's on every corpus query and every form of our own. Agreement means
/// the same verdict (syntax errors or not) and, when both report errors, our first error starts in
/// the same token as the official first error. Every disagreement must be listed, with a reason, in
/// known-disagreements.json; a listed entry that now agrees fails the test as stale.
/// </summary>
public sealed class DifferentialTests
{
    private const double RequiredAgreement = 0.995;

    private static readonly string KnownDisagreementsPath =
        Path.Combine(RepositoryPaths.Root, "tests", "SentinelContent.Kql.Tests", "Syntax", "known-disagreements.json");

    [Fact]
    public void Parser_agrees_with_the_official_parser_on_the_corpus()
    {
        var oracle = Oracle.CorpusResults;
        var queries = QueryCorpus.All;
        var disagreements = new List<(CorpusQuery Query, string Detail)>();

        foreach (var query in queries)
        {
            var verdict = Compare(query, oracle[query.Id]);
            if (verdict is not null) disagreements.Add((query, verdict));
        }

        var corpusCount = QueryCorpus.Shared.Count;
        var corpusDisagreements = disagreements.Count(d => !d.Query.Id.StartsWith("forms/", StringComparison.Ordinal));
        KnownDisagreements.Report("KQL parser agreement", queries.Count, disagreements, KnownDisagreementsPath, RequiredAgreement, "P2", details: output =>
        {
            output.WriteLine($"  corpus: {corpusCount - corpusDisagreements}/{corpusCount}, own forms: {QueryCorpus.Forms.Count - (disagreements.Count - corpusDisagreements)}/{QueryCorpus.Forms.Count}");
            output.WriteLine($"  queries with syntax errors (official parser): {queries.Count(q => oracle[q.Id].Count > 0)}");
            foreach (var line in QueryCorpus.PerFolder(queries, disagreements.Select(d => d.Query.Id))) output.WriteLine(line);
        });
    }

    [Fact]
    public void Every_form_of_our_own_is_valid_for_both_parsers()
    {
        var oracle = Oracle.CorpusResults;
        Assert.NotEmpty(QueryCorpus.Forms);
        foreach (var form in QueryCorpus.Forms)
        {
            var official = oracle[form.Id];
            Assert.True(official.Count == 0, $"The official parser rejects form {form.Id}: {string.Join("; ", official.Select(e => e.Message))}");
            var tree = KqlSyntaxTree.Parse(form.Query);
            Assert.True(tree.Diagnostics.Count == 0, $"We reject form {form.Id}: {string.Join("; ", tree.Diagnostics)}");
        }
    }

    /// <summary>Null when the parsers agree, otherwise what differs.</summary>
    private static string? Compare(CorpusQuery query, IReadOnlyList<OracleError> official)
    {
        var tree = KqlSyntaxTree.Parse(query.Query);
        var ours = tree.Diagnostics;
        if (official.Count == 0 && ours.Count == 0) return null;
        if (official.Count == 0) return $"official parser accepts; we report {ours[0]}";
        if (ours.Count == 0) return $"official parser reports {official[0].Code} at {official[0].Start} ({official[0].Message}); we accept";

        var tokens = TokenPositions.RealTokens(tree);
        var officialStart = official.Min(e => e.Start);
        var ourStart = ours.Min(d => d.Span.Start);
        var officialToken = TokenPositions.TokenIndexAt(tokens, officialStart);
        var ourToken = TokenPositions.TokenIndexAt(tokens, ourStart);
        return officialToken == ourToken
            ? null
            : $"first error at offset {ourStart} (token {ourToken}) but official at {officialStart} (token {officialToken}, {official[0].Message})";
    }
}
