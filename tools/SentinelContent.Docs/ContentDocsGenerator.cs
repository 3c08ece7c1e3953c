using SentinelContent.Content.Catalogs;
using SentinelContent.Core.Diagnostics;

namespace SentinelContent.Docs;

/// <summary>
/// Generates docs/content/: one page per analytics rule, the index README.md and attack-navigator-layer.json.
/// The output depends only on the repository's files (sorted by path, no dates), so regenerating an unchanged
/// repository gives byte-identical files and `sentinelctl docs --check` can compare them.
/// </summary>
public static class ContentDocsGenerator
{
    public const string Folder = "docs/content";
    public const string IndexFile = "README.md";
    public const string LayerFile = "attack-navigator-layer.json";

    public static IReadOnlyList<GeneratedFile> Generate(string repositoryRoot, IList<Diagnostic> diagnostics, AttackCatalog? catalog = null)
    {
        catalog ??= AttackCatalog.Default;
        var rules = ContentReader.Read(repositoryRoot, diagnostics);
        var files = rules.Select(r => new GeneratedFile($"{Folder}/{r.PageName}", RulePage.Render(r, catalog))).ToList();
        files.Add(new GeneratedFile($"{Folder}/{IndexFile}", ContentIndex.Render(rules, catalog)));
        files.Add(new GeneratedFile($"{Folder}/{LayerFile}", NavigatorLayer.Render(rules, catalog)));
        return files;
    }

    /// <summary>Files in docs/content/ that generation no longer produces (a page of a removed rule): stale.</summary>
    public static IReadOnlyList<string> Orphans(string repositoryRoot, IReadOnlyList<GeneratedFile> generated)
    {
        var folder = Path.Combine(repositoryRoot, Folder);
        if (!Directory.Exists(folder)) return [];
        var expected = generated.Select(g => g.RelativePath).ToHashSet(StringComparer.Ordinal);
        return [.. Directory.EnumerateFiles(folder)
            .Select(f => Path.GetRelativePath(repositoryRoot, f).Replace('\\', '/'))
            .Where(f => !expected.Contains(f))
            .Order(StringComparer.Ordinal)];
    }
}
