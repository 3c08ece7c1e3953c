using SentinelContent.Core.Diagnostics;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Tests.Infrastructure;

namespace SentinelContent.Kql.Tests.Evaluation;

/// <summary>
/// Issue #6's measure: the rules of the shared corpus (Sentinel-As-Code in rules/, Azure-Sentinel in
/// azure-sentinel-rules/) must run on empty tables of their schemas (the built-in catalog with the exported workspace
/// schema laid over it, as `--schema` does), so every operator and function they use is supported. Support is decided
/// when the query is planned, so running on no rows is a real check of it. Every rule that does not run is listed with
/// its reason in known-run-failures.json; an unlisted failure fails, and so does a listed rule that now runs.
/// </summary>
public sealed class CorpusRulesRunTests(ITestOutputHelper output)
{
    private const double RequiredShare = 90.0;

    private static readonly string KnownFailuresPath =
        Path.Combine(RepositoryPaths.Root, "tests", "SentinelContent.Kql.Tests", "Evaluation", "known-run-failures.json");

    private static readonly Lazy<KqlEngine> Engine = new(() =>
    {
        var diagnostics = new List<Diagnostic>();
        var exported = SchemaFileLoader.Load(Oracle.CorpusSchemaPath, diagnostics);
        return new KqlEngine(BuiltInSchemas.With(exported));
    });

    [Fact]
    public void Most_corpus_rules_run_on_empty_tables()
    {
        var rules = QueryCorpus.Shared
            .Where(q => QueryCorpus.RuleFolders.Any(f => q.Id.StartsWith(f + "/", StringComparison.Ordinal))).ToList();
        var unsupported = new List<(CorpusQuery Query, string Detail)>();
        var otherErrors = new List<(CorpusQuery Query, string Detail)>();
        foreach (var rule in rules)
        {
            try
            {
                Engine.Value.Run(rule.Query, new Dictionary<string, DataTable>(), EngineTestSupport.Now, TestContext.Current.CancellationToken);
            }
            catch (KqlEvaluationException e)
            {
                var first = e.Diagnostics.FirstOrDefault();
                var message = first is null ? e.Message : $"{first.Code}: {first.Message}";
                if (e.Diagnostics.Any(d => d.Code == EvaluationDiagnostics.Unsupported.Code)) unsupported.Add((rule, message));
                else otherErrors.Add((rule, message));
            }
        }

        var supported = rules.Count - unsupported.Count;
        var ran = rules.Count - unsupported.Count - otherErrors.Count;
        var share = 100.0 * supported / rules.Count;
        output.WriteLine($"corpus rules without an unsupported feature: {supported}/{rules.Count} ({share:F1}%); "
            + $"ran without any error: {ran}/{rules.Count} ({100.0 * ran / rules.Count:F1}%)");
        output.WriteLine("without an unsupported feature, per folder:");
        foreach (var line in QueryCorpus.PerFolder(rules, unsupported.Select(u => u.Query.Id))) output.WriteLine(line);
        output.WriteLine("ran without any error, per folder:");
        foreach (var line in QueryCorpus.PerFolder(rules, unsupported.Concat(otherErrors).Select(u => u.Query.Id))) output.WriteLine(line);
        foreach (var (query, message) in unsupported) output.WriteLine($"  unsupported: {query.Id}: {message}");
        foreach (var (query, message) in otherErrors) output.WriteLine($"  error: {query.Id}: {message}");

        KnownDisagreements.AssertListed(KnownFailuresPath, [.. unsupported, .. otherErrors]);
        Assert.True(share >= RequiredShare, $"{share:F1}% of corpus rules run on empty tables; the goal is {RequiredShare}%");
    }
}
