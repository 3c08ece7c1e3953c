namespace SentinelContent.Content.Loading;

/// <summary>What a content file is, decided by where it is and how it is named.</summary>
public enum ContentFileKind
{
    AnalyticsRule,
    RuleTests,
}

public sealed record ContentFile(string Path, ContentFileKind Kind);

/// <summary>
/// Finds content files under the paths a user names. A directory is searched recursively for YAML;
/// `X.tests.yaml` files are rule tests, everything else is a rule. A named file is taken as given.
/// </summary>
public static class ContentDiscovery
{
    private static readonly string[] YamlExtensions = [".yaml", ".yml"];

    public static IReadOnlyList<ContentFile> Discover(IEnumerable<string> paths, ICollection<string> missing)
    {
        var files = new List<ContentFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Where(f => YamlExtensions.Contains(System.IO.Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Where(f => !IsHidden(System.IO.Path.GetRelativePath(path, f)))
                    .Order(StringComparer.Ordinal);
                foreach (var file in found) Add(file);
            }
            else
            {
                missing.Add(path);
            }
        }
        return files;

        void Add(string file)
        {
            var normalized = System.IO.Path.GetFullPath(file);
            if (seen.Add(normalized)) files.Add(new ContentFile(file, KindOf(file)));
        }
    }

    public static ContentFileKind KindOf(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return name.EndsWith(".tests.yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tests.yml", StringComparison.OrdinalIgnoreCase)
            ? ContentFileKind.RuleTests
            : ContentFileKind.AnalyticsRule;
    }

    /// <summary>Dot-folders (.git, .github) hold no content.</summary>
    private static bool IsHidden(string relativePath) =>
        relativePath.Split(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar).Any(part => part.StartsWith('.'));
}
