using SentinelContent.ReferenceExamples;
using SentinelContent.ReferenceExamples.Cases;

namespace SentinelContent.Kql.Tests.Evaluation.Conformance;

/// <summary>One example of the reference as the suite sees it: its id (page-stem#N), its page and what the page documents.</summary>
internal sealed record ReferenceCase(string Id, ReferencePage Page, ReferenceExample Example)
{
    public string Category => Page.Category;

    public IReadOnlyList<ExpectedTable> Expected =>
    [
        .. Example.Outputs.Select(o => new ExpectedTable(o.Columns, [.. o.Rows], Example.Ordered, o.SomeColumns, o.SomeRows)),
    ];

    public override string ToString() => Id;
}

/// <summary>
/// The case files under reference/: every ```kusto example of every page of the KQL reference, written by
/// dev/SentinelContent.ReferenceExamples (see README.md beside them). Loaded once per test process.
/// </summary>
internal static class ReferenceCases
{
    public static string Conformance => Path.Combine(Infrastructure.RepositoryPaths.Root, "tests", "SentinelContent.Kql.Tests", "Evaluation", "Conformance");

    public static string Folder => Path.Combine(Conformance, "reference");

    private static readonly Lazy<IReadOnlyList<ReferenceCase>> s_all = new(() =>
    [
        .. CaseFiles.ReadAll(Folder).SelectMany(page => page.Examples.Select(example => new ReferenceCase(Extractor.CaseId(page.Page, example.Example), page, example))),
    ]);

    public static IReadOnlyList<ReferenceCase> All => s_all.Value;

    public static IReadOnlyList<ReferenceCase> OfClass(string exampleClass) => [.. All.Where(c => c.Example.Class == exampleClass)];
}
