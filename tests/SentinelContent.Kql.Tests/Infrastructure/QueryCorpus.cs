using YamlDotNet.RepresentationModel;

namespace SentinelContent.Kql.Tests.Infrastructure;

/// <summary>One query to test, named by where it came from.</summary>
public sealed record CorpusQuery(string Id, string Query)
{
    public override string ToString() => Id;
}

/// <summary>
/// The queries the parser is measured on: the `query:` of every rule and hunting-query YAML and
/// every .kql file of the shared corpus, plus this project's own forms (every operator and
/// expression form), which are files of queries separated by a line holding only "====".
/// </summary>
internal static class QueryCorpus
{
    public const string FormSeparator = "\n====\n";

    private static readonly Lazy<IReadOnlyList<CorpusQuery>> s_shared = new(LoadShared);
    private static readonly Lazy<IReadOnlyList<CorpusQuery>> s_forms = new(LoadForms);

    public static IReadOnlyList<CorpusQuery> Shared => s_shared.Value;

    public static IReadOnlyList<CorpusQuery> Forms => s_forms.Value;

    public static IReadOnlyList<CorpusQuery> All => [.. Shared, .. Forms];

    /// <summary>
    /// The corpus folders read, each a prefix of the ids: Sentinel-As-Code rules, Azure-Sentinel rules (in its own
    /// dialect), and hunting queries.
    /// </summary>
    public static readonly IReadOnlyList<string> Folders = ["rules", "azure-sentinel-rules", "queries"];

    /// <summary>The rule folders (the rules the evaluator must run).</summary>
    public static readonly IReadOnlyList<string> RuleFolders = ["rules", "azure-sentinel-rules"];

    /// <summary>
    /// "n/m per folder" lines for a suite's figures: how many of each folder's queries are not in <paramref name="failing"/>.
    /// </summary>
    public static IEnumerable<string> PerFolder(IReadOnlyCollection<CorpusQuery> queries, IEnumerable<string> failing)
    {
        var failed = failing.ToHashSet(StringComparer.Ordinal);
        foreach (var folder in Folders.Append("forms"))
        {
            var inFolder = queries.Where(q => q.Id.StartsWith(folder + "/", StringComparison.Ordinal)).ToList();
            if (inFolder.Count == 0) continue;
            var good = inFolder.Count(q => !failed.Contains(q.Id));
            yield return $"  {folder}: {good}/{inFolder.Count} ({100.0 * good / inFolder.Count:F1} %)";
        }
    }

    private static IReadOnlyList<CorpusQuery> LoadShared()
    {
        var root = RepositoryPaths.Corpus;
        if (!Directory.Exists(root)) throw new InvalidOperationException($"The shared corpus is missing: {root}");

        var queries = new List<CorpusQuery>();
        foreach (var folder in Folders)
        {
            var directory = Path.Combine(root, folder);
            foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var id = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && ReadYamlQuery(file) is { } query)
                    queries.Add(new CorpusQuery(id, query));
                else if (folder == "queries" && file.EndsWith(".kql", StringComparison.OrdinalIgnoreCase))
                    queries.Add(new CorpusQuery(id, File.ReadAllText(file)));
            }
        }

        return queries;
    }

    private static string? ReadYamlQuery(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping) return null;
        return mapping.Children.TryGetValue(new YamlScalarNode("query"), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;
    }

    private static IReadOnlyList<CorpusQuery> LoadForms()
    {
        var queries = new List<CorpusQuery>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Forms, "*.kql").Order(StringComparer.Ordinal))
        {
            var parts = File.ReadAllText(file).ReplaceLineEndings("\n").Split(FormSeparator);
            for (var i = 0; i < parts.Length; i++)
                queries.Add(new CorpusQuery($"forms/{Path.GetFileName(file)}#{i + 1}", parts[i]));
        }

        return queries;
    }
}
