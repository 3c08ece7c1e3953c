using System.Text.Json;
using SentinelContent.ReferenceExamples.Cases;
using SentinelContent.ReferenceExamples.Classification;
using SentinelContent.ReferenceExamples.Markdown;
using SentinelContent.ReferenceExamples.Reference;
using SentinelContent.TestSupport;

namespace SentinelContent.ReferenceExamples;

/// <summary>Reads every page, asks Microsoft's binder about every example, classifies them and writes the case files.</summary>
public static class Extractor
{
    public static string Run(string queryFolder, string commit, string outFolder, TextWriter progress)
    {
        var categories = Categories.Load(queryFolder);
        var pages = Directory.EnumerateFiles(queryFolder, "*.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(queryFolder, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(page => (Page: page, Doc: PageReader.Read(File.ReadAllText(Path.Combine(queryFolder, page)))))
            .ToList();
        var examples = pages.SelectMany(p => p.Doc.Examples.Select(e => (Id: CaseId(p.Page, e.Ordinal), Example: e))).ToList();
        progress.WriteLine($"{pages.Count} pages, {examples.Count} ```kusto examples; binding them with Microsoft's binder...");

        // The query that runs: the example's, or its restatement when it is written in a shorthand shape.
        var shapes = examples.ToDictionary(e => e.Id, e => Shapes.Of(e.Example));
        // No tables at all: an example that binds clean makes its own rows.
        var bound = KqlOracle.Run([.. examples.Select(e => (e.Id, shapes[e.Id]?.Query ?? e.Example.Query))], "{}");

        if (Environment.GetEnvironmentVariable("REFERENCE_EXAMPLES_DUMP") is { Length: > 0 } dump)
        {
            File.WriteAllText(dump, JsonSerializer.Serialize(pages.Select(p => new
            {
                p.Page,
                Category = categories.Of(p.Page),
                p.Doc.Title,
                Examples = p.Doc.Examples.Select(e => new { e.Ordinal, e.Line, e.Heading, e.Moniker, e.Tab, e.Query, e.Outputs, e.Prose, e.HasImage, Oracle = bound[CaseId(p.Page, e.Ordinal)] }),
            }), new JsonSerializerOptions { WriteIndented = true }));
        }

        // KS204 (unknown table) names across the reference: what its examples read from the help cluster and elsewhere.
        var tablesRead = examples.SelectMany(e => bound[e.Id].Errors.Where(x => x.Code == "KS204").Select(_ => e.Id))
            .Distinct().SelectMany(id => Classifier.UnknownNames(bound[id])).ToHashSet(StringComparer.Ordinal);
        var written = new List<ReferencePage>();
        foreach (var (page, doc) in pages.Where(p => p.Doc.Examples.Count > 0))
        {
            var reference = new ReferencePage
            {
                Page = page,
                Title = doc.Title,
                Source = SourceUrl(page),
                Category = categories.Of(page),
            };
            foreach (var example in doc.Examples)
                reference.Examples.Add(Classifier.Classify(example, shapes[CaseId(page, example.Ordinal)], bound[CaseId(page, example.Ordinal)], reference.Examples, tablesRead));
            written.Add(reference);
        }

        CaseFiles.Write(outFolder, commit, written);
        var counts = written.SelectMany(p => p.Examples).GroupBy(e => e.Class).OrderByDescending(g => g.Count()).Select(g => $"  {g.Key}: {g.Count()}");
        return $"{written.Count} case files in {outFolder}\n" + string.Join('\n', counts);
    }

    /// <summary>A case's id: the page's path without ".md", '#', the example's ordinal.</summary>
    public static string CaseId(string page, int ordinal) => $"{page[..^3]}#{ordinal}";

    /// <summary>The published address: learn.microsoft.com serves the query folder at /kusto/query/ without ".md".</summary>
    public static string SourceUrl(string page) => "https://learn.microsoft.com/kusto/query/" + page[..^3];
}
