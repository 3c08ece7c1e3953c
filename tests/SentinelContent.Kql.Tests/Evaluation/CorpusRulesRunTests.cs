using SentinelContent.Core.Diagnostics;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Tests.Infrastructure;

namespace SentinelContent.Kql.Tests.Evaluation;

/// <summary>
/// Issue #6's measure: the rules of the shared corpus must run on empty tables of their schemas (the built-in
/// catalog plus the exported workspace schema), so every operator and function they use is supported. Support
/// is decided when the query is planned, so running on no rows is a real check of it.
/// </summary>
public sealed class CorpusRulesRunTests(ITestOutputHelper output)
{
    private const double RequiredShare = 90.0;

    private static readonly Lazy<KqlEngine> Engine = new(() =>
    {
        var diagnostics = new List<Diagnostic>();
        var exported = SchemaFileLoader.Load(Oracle.CorpusSchemaPath, diagnostics);
        return new KqlEngine(BuiltInSchemas.Default.With(exported));
    });

    [Fact]
    public void Most_corpus_rules_run_on_empty_tables()
    {
        var rules = QueryCorpus.Shared.Where(q => q.Id.StartsWith("rules/", StringComparison.Ordinal)).ToList();
        var unsupported = new List<(string Id, string Message)>();
        var otherErrors = new List<(string Id, string Message)>();
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
                if (e.Diagnostics.Any(d => d.Code == EvaluationDiagnostics.Unsupported.Code)) unsupported.Add((rule.Id, message));
                else otherErrors.Add((rule.Id, message));
            }
        }

        var supported = rules.Count - unsupported.Count;
        var ran = rules.Count - unsupported.Count - otherErrors.Count;
        var share = 100.0 * supported / rules.Count;
        output.WriteLine($"corpus rules without an unsupported feature: {supported}/{rules.Count} ({share:F1}%); ran without any error: {ran}/{rules.Count} ({100.0 * ran / rules.Count:F1}%)");
        foreach (var group in unsupported.GroupBy(u => u.Message).OrderByDescending(g => g.Count()))
            output.WriteLine($"  unsupported ×{group.Count()}: {group.Key} (e.g. {group.First().Id})");
        foreach (var (id, message) in otherErrors) output.WriteLine($"  error: {id}: {message}");
        Assert.True(share >= RequiredShare, $"{share:F1}% of corpus rules run on empty tables; the goal is {RequiredShare}%");
    }
}
