using SentinelContent.Content.Loading;
using SentinelContent.Format.Discovery;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Input;
using SentinelContent.RuleTests.Loading;
using SentinelContent.RuleTests.Model;

namespace SentinelContent.Docs;

/// <summary>
/// Reads the analytics rules under analytics-rules/ with their test files, in a stable order (by path), and
/// gives each a page name: the rule file's name, or name-ID8 when two folders hold files of the same name.
/// Files that do not read (broken YAML) are reported as diagnostics and left out: `validate` is the place to fix them.
/// </summary>
public static class ContentReader
{
    public const string RulesFolder = "analytics-rules";

    public static IReadOnlyList<DocumentedRule> Read(string repositoryRoot, IList<Diagnostic> diagnostics)
    {
        var folder = Path.Combine(repositoryRoot, RulesFolder);
        if (!Directory.Exists(folder)) return [];
        var files = ContentDiscovery.Discover([folder], new List<string>());
        var tests = new Dictionary<string, RuleTestFile>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => f.Kind == ContentFileKind.RuleTests))
        {
            if (SourceFileReader.ReadContent(file.Path, diagnostics) is { } source && RuleTestReader.Read(source, diagnostics) is { } read)
                tests[Path.GetFullPath(read.RulePath)] = read;
        }

        var rules = new List<(Content.Model.AnalyticsRule Rule, string Path)>();
        foreach (var file in files.Where(f => f.Kind == ContentFileKind.AnalyticsRule))
        {
            if (SourceFileReader.ReadContent(file.Path, diagnostics) is { } source && AnalyticsRuleReader.Read(source, diagnostics) is { } rule)
                rules.Add((rule, file.Path));
        }
        rules.Sort((a, b) => string.CompareOrdinal(Relative(repositoryRoot, a.Path), Relative(repositoryRoot, b.Path)));

        var stems = rules.GroupBy(r => Path.GetFileNameWithoutExtension(r.Path), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. rules.Select(r =>
        {
            var stem = Path.GetFileNameWithoutExtension(r.Path);
            var id = r.Rule.Id?.Value ?? string.Empty;
            var page = stems.Contains(stem) && id.Length >= 8 ? $"{stem}-{id[..8]}.md" : stem + ".md";
            return new DocumentedRule(r.Rule, tests.GetValueOrDefault(Path.GetFullPath(r.Path)), Relative(repositoryRoot, r.Path), page);
        })];
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
