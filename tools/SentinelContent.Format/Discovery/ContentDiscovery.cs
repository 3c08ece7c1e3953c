using SentinelContent.Core.Input;

namespace SentinelContent.Format.Discovery;

/// <summary>What a content file is, decided by where it is and how it is named.</summary>
public enum ContentFileKind
{
    AnalyticsRule,
    RuleTests,
    /// <summary>A playbook (any YAML file under a folder named playbooks/).</summary>
    Playbook,
    /// <summary>Offline tests of a playbook: playbooks/**/NAME.tests.yaml.</summary>
    PlaybookTests,
    /// <summary>A Sentinel automation rule: playbooks/**/NAME.automation.yaml.</summary>
    AutomationRule,
}

public sealed record ContentFile(string Path, ContentFileKind Kind);

/// <summary>
/// Finds content files under the paths a user names. A directory is searched recursively for YAML.
/// The folder decides the kind: files under a folder named `playbooks` are playbook content (`X.tests.yaml`
/// playbook tests, `X.automation.yaml` automation rules, the rest playbooks); elsewhere `X.tests.yaml` files
/// are rule tests and everything else is an analytics rule. A named file is classified the same way.
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
                Add(path, path);
            }
            else if (Directory.Exists(path))
            {
                // Links to folders are not followed (a link to / would walk the machine); files behind links are read only inside the repository.
                var found = FolderWalk.Files(path)
                    .Select(f => System.IO.Path.Join(path, System.IO.Path.GetRelativePath(System.IO.Path.GetFullPath(path), f)))
                    .Where(f => YamlExtensions.Contains(System.IO.Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Where(f => !IsHidden(System.IO.Path.GetRelativePath(path, f)))
                    .Order(StringComparer.Ordinal);
                // Kinds are decided below the searched folder (its own name included), so a checkout that happens
                // to sit inside some folder named playbooks is not misread.
                var parent = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path).TrimEnd(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar)) ?? path;
                foreach (var file in found) Add(file, System.IO.Path.GetRelativePath(parent, System.IO.Path.GetFullPath(file)));
            }
            else
            {
                missing.Add(path);
            }
        }
        return files;

        void Add(string file, string classifyBy)
        {
            var normalized = System.IO.Path.GetFullPath(file);
            if (seen.Add(normalized)) files.Add(new ContentFile(file, KindOf(classifyBy)));
        }
    }

    public const string PlaybooksFolder = "playbooks";

    public static ContentFileKind KindOf(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        var tests = name.EndsWith(".tests.yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tests.yml", StringComparison.OrdinalIgnoreCase);
        if (IsUnderPlaybooks(path))
        {
            if (tests) return ContentFileKind.PlaybookTests;
            return name.EndsWith(".automation.yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".automation.yml", StringComparison.OrdinalIgnoreCase)
                ? ContentFileKind.AutomationRule
                : ContentFileKind.Playbook;
        }
        return tests ? ContentFileKind.RuleTests : ContentFileKind.AnalyticsRule;
    }

    /// <summary>True when a folder of the path (not the file itself) is named playbooks.</summary>
    private static bool IsUnderPlaybooks(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(path);
        return directory is not null && directory.Split(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar)
            .Any(part => string.Equals(part, PlaybooksFolder, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Dot-folders (.git, .github) hold no content.</summary>
    private static bool IsHidden(string relativePath) =>
        relativePath.Split(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar).Any(part => part.StartsWith('.'));
}
