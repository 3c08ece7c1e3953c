using SentinelContent.Content.Format;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Deploy.Targets;
using SentinelContent.Docs;
using SentinelContent.Facade.Diagnostics;
using SentinelContent.Format;
using SentinelContent.Playbooks.Format;
using SentinelContent.Reporting;
using SentinelContent.RuleTests.Loading;

namespace SentinelContent.Facade.Documents;

/// <summary>Every generated document of a repository, the diagnostics met reading its content, and the pages nothing generates.</summary>
public sealed record DocumentSet(IReadOnlyList<GeneratedFile> Files, IReadOnlyList<string> Orphans, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// The registry of documents generated from the code (diagnostic codes, editor schemas) and from the content
/// (docs/content/: a page per analytics rule, the index, an ATT&amp;CK Navigator layer). `docs` writes them and
/// `docs --check` compares them byte for byte, so each must render the same from the same code and content.
/// </summary>
public static class GeneratedDocuments
{
    /// <summary>Each document generated from the code: its path under the repository and how it is produced.</summary>
    public static IReadOnlyList<(string Path, Func<string> Render)> FromCode { get; } =
    [
        ("docs/diagnostics.md", () => DiagnosticsDocument.Render(DiagnosticCatalog.All)),
        ("docs/asim-catalog.md", () => Kql.Evaluation.Asim.AsimCatalogDocument.Render(Kql.Schema.AsimCatalog.Default)),
        ("docs/schemas/analytics-rule.schema.json", AnalyticsRuleSchema.Write),
        ("docs/schemas/rule-tests.schema.json", RuleTestsSchema),
        (TargetsSchema.RelativePath, TargetsSchema.Write),
        ("docs/schemas/playbook.schema.json", PlaybookSchemas.Playbook),
        ("docs/schemas/playbook-tests.schema.json", PlaybookSchemas.PlaybookTests),
        ("docs/schemas/automation-rule.schema.json", PlaybookSchemas.AutomationRule),
    ];

    /// <summary>Every generated document of the repository at <paramref name="root"/>, code-derived then content-derived.</summary>
    public static DocumentSet Of(string root)
    {
        var diagnostics = new List<Diagnostic>();
        var content = ContentDocsGenerator.Generate(root, diagnostics);
        var files = FromCode.Select(d => new GeneratedFile(d.Path, d.Render())).Concat(content).ToList();
        return new DocumentSet(files, ContentDocsGenerator.Orphans(root, content), diagnostics);
    }

    private static string RuleTestsSchema() => JsonSchemaWriter.Write(
        RuleTestFormat.Root, "https://sentinelcontent.dev/schemas/rule-tests.schema.json", "SentinelContent rule tests (X.tests.yaml)");

    /// <summary>The documents whose file is missing or differs from what would be generated now.</summary>
    public static IReadOnlyList<GeneratedFile> Stale(string root, DocumentSet documents) =>
    [
        .. documents.Files.Where(f =>
        {
            var path = Path.Combine(root, f.RelativePath);
            return !File.Exists(path) || File.ReadAllText(path) != f.Content;
        }),
    ];
}
