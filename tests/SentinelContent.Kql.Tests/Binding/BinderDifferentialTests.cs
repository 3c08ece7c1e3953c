using SentinelContent.Core.Diagnostics;
using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Syntax;
using SentinelContent.Kql.Tests.Infrastructure;
using OracleResult = SentinelContent.TestSupport.OracleResult;

namespace SentinelContent.Kql.Tests.Binding;

/// <summary>
/// Our binder against Microsoft's on every corpus query, both bound against the Log Analytics table
/// export in ../shared. Agreement means the same verdict (errors after binding, or none) and, for
/// queries without errors, the same result columns: names, types and order. Every disagreement is
/// listed with its reason in known-binder-disagreements.json; unlisted ones and stale entries fail.
/// </summary>
public sealed class BinderDifferentialTests
{
    /// <summary>The bar (measured 98.53% on 2026-11-26, docs/kql-conformance.md).</summary>
    private const double RequiredAgreement = 0.98;

    private static readonly string KnownDisagreementsPath =
        Path.Combine(RepositoryPaths.Root, "tests", "SentinelContent.Kql.Tests", "Binding", "known-binder-disagreements.json");

    [Fact]
    public void Binder_agrees_with_the_official_binder_on_the_corpus()
    {
        var oracle = Oracle.CorpusBindResults;
        var context = new BindingContext(Oracle.CorpusSchema.Value);
        var queries = QueryCorpus.Shared;
        var disagreements = new List<(CorpusQuery Query, string Detail)>();

        foreach (var query in queries)
        {
            var verdict = Compare(query, oracle[query.Id], context);
            if (verdict is not null) disagreements.Add((query, verdict));
        }

        KnownDisagreements.Report("KQL binder agreement", queries.Count, disagreements, KnownDisagreementsPath, RequiredAgreement, "P2",
            details: output =>
            {
                foreach (var line in QueryCorpus.PerFolder(queries, disagreements.Select(d => d.Query.Id))) output.WriteLine(line);
            });
    }

    /// <summary>Null when the binders agree, otherwise what differs.</summary>
    internal static string? Compare(CorpusQuery query, OracleResult official, BindingContext context)
    {
        var tree = KqlSyntaxTree.Parse(query.Query);
        var model = KqlBinder.Bind(tree, context);
        var ours = tree.Diagnostics.Concat(model.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (official.Errors.Count > 0 && ours.Count > 0) return null;
        if (official.Errors.Count > 0) return $"official binder reports {official.Errors[0].Code} at {official.Errors[0].Start} ({official.Errors[0].Message}); we accept";
        if (ours.Count > 0) return $"official binder accepts; we report {ours[0]}";

        var expected = official.Columns is null ? "(not tabular)" : string.Join(", ", official.Columns.Select(c => $"{c.Name}:{c.Type}"));
        var actual = model.ResultTable is { } table ? string.Join(", ", table.Columns.Select(c => $"{c.Name}:{c.Type.Name()}"))
            : model.Result is { IsTabular: true } ? "(schema unknown)" : "(not tabular)";
        return expected == actual ? null : $"columns differ: official [{expected}], ours [{actual}]";
    }
}
