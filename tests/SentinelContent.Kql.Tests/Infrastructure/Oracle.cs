using System.Text.Json;
using SentinelContent.Kql.Schema;
using SentinelContent.TestSupport;

namespace SentinelContent.Kql.Tests.Infrastructure;

/// <summary>
/// Microsoft's official parser and binder (<see cref="KqlOracle"/>) over the KQL suites' queries: the corpus bound
/// against the Log Analytics schema export, or any queries against one of our schema catalogs.
/// </summary>
internal static class Oracle
{
    /// <summary>The schema the corpus is bound against: Log Analytics' table export in ../shared.</summary>
    public static string CorpusSchemaPath => Path.Combine(RepositoryPaths.Shared, "schemas", "la_table_schemas.csv");

    /// <summary>The corpus schema as our catalog (loaded once).</summary>
    public static readonly Lazy<SchemaCatalog> CorpusSchema = new(() =>
    {
        var diagnostics = new List<Core.Diagnostics.Diagnostic>();
        var catalog = SchemaFileLoader.Load(CorpusSchemaPath, diagnostics);
        if (diagnostics.Any(d => d.Severity == Core.Diagnostics.DiagnosticSeverity.Error))
            throw new InvalidOperationException("The corpus schema does not load: " + string.Join("; ", diagnostics));
        return catalog;
    });

    private static readonly Lazy<IReadOnlyDictionary<string, OracleResult>> s_corpusResults =
        new(() => Run(QueryCorpus.All, CorpusSchema.Value));

    /// <summary>Syntax errors per query id for the whole corpus and the forms (one node process for all).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<OracleError>> CorpusResults =>
        s_corpusResults.Value.ToDictionary(p => p.Key, p => p.Value.SyntaxErrors, StringComparer.Ordinal);

    /// <summary>Parser and binder results per query id, bound against the corpus schema (the same node run as <see cref="CorpusResults"/>).</summary>
    public static IReadOnlyDictionary<string, OracleResult> CorpusBindResults => s_corpusResults.Value;

    public static IReadOnlyDictionary<string, OracleResult> Run(IReadOnlyList<CorpusQuery> queries, SchemaCatalog? schemaCatalog = null) =>
        KqlOracle.Run([.. queries.Select(q => (q.Id, q.Query))], SchemaJson(schemaCatalog ?? SchemaCatalog.Empty));

    /// <summary>The oracle's schema format: {"Table":{"Column":"type"}}.</summary>
    private static string SchemaJson(SchemaCatalog catalog) => JsonSerializer.Serialize(
        catalog.Tables.ToDictionary(t => t.Name, t => t.Columns.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().Type.Name())));
}
