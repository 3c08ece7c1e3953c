using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Input;
using SentinelContent.Core.Text;

namespace SentinelContent.Format.Discovery;

/// <summary>What a content file is, decided by where it is, how it is named and what it holds.</summary>
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
    /// <summary>
    /// A file whose content is one kind while its folder or name says another (a playbook under analytics-rules/, rule
    /// tests not named *.tests.yaml): no validator reads it; <see cref="ContentDiscovery.Misplaced"/> reports it once.
    /// </summary>
    Misplaced,
}

/// <param name="Shape">For a <see cref="ContentFileKind.Misplaced"/> file, what its content looks like.</param>
public sealed record ContentFile(string Path, ContentFileKind Kind, ContentShape? Shape = null);

/// <summary>
/// Finds content files under the paths a user names. A directory is searched recursively for YAML.
/// The folder and the name give the kind: files under a folder named `playbooks` are playbook content (`X.tests.yaml`
/// playbook tests, `X.automation.yaml` automation rules, the rest playbooks); elsewhere `X.tests.yaml` files
/// are rule tests and everything else is an analytics rule. A named file is classified the same way. The content has
/// the last word (<see cref="ContentShapes"/>): a file that plainly is another kind is read as that kind when it lies
/// outside analytics-rules/ and playbooks/ (imported playbooks in a folder of their own), and is
/// <see cref="ContentFileKind.Misplaced"/> when those folders or its name contradict it, so it gets one diagnostic
/// that says where it belongs instead of a cascade of unknown fields.
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
            if (seen.Add(normalized)) files.Add(Classify(file, classifyBy));
        }
    }

    public const string PlaybooksFolder = "playbooks";

    public const string RulesFolder = "analytics-rules";

    /// <summary>
    /// The kind of <paramref name="file"/>: by <paramref name="classifyBy"/> (its path below the searched folder) unless
    /// its content plainly is another kind; then that kind where neither the folder nor the name contradicts it, else
    /// <see cref="ContentFileKind.Misplaced"/>.
    /// </summary>
    public static ContentFile Classify(string file, string classifyBy)
    {
        var byPlace = KindOf(classifyBy);
        var shape = ContentShapes.Of(file);
        if (shape is null || shape.Kind == byPlace) return new ContentFile(file, byPlace);
        var folder = DecidingFolder(classifyBy);
        var fitsFolder = folder is null || folder == FolderOf(shape.Kind);
        var fitsName = IsTestsName(System.IO.Path.GetFileName(classifyBy)) == IsTests(shape.Kind);
        return fitsFolder && fitsName ? new ContentFile(file, shape.Kind) : new ContentFile(file, ContentFileKind.Misplaced, shape);
    }

    /// <summary>The one finding of a <see cref="ContentFileKind.Misplaced"/> file (SC0181): what it looks like, where it belongs.</summary>
    public static Diagnostic Misplaced(ContentFile file)
    {
        var shape = file.Shape ?? throw new ArgumentException("Only a misplaced file has a shape to report.", nameof(file));
        var name = System.IO.Path.GetFileName(file.Path);
        var folder = DecidingFolder(file.Path);
        var why = folder is not null && folder != FolderOf(shape.Kind)
            ? $"it lies under {folder}/, where YAML files are {PlaceDescription(folder, name)}"
            : IsTestsName(name) ? "its name ends in .tests.yaml, the name of a test file" : "its name does not end in .tests.yaml";
        var source = SourceFileReader.ReadContent(file.Path, new List<Diagnostic>());
        var location = source is null
            ? new SourceLocation(file.Path, shape.At, shape.At)
            : new SourceLocation(source, shape.At, source.GetLinePosition(source.GetOffset(shape.At) + 1));
        return Diagnostic.Create(
            FormatDiagnostics.MisplacedContent, location, Describe(shape.Kind), shape.Evidence, why, Belongs(shape.Kind));
    }

    private static string PlaceDescription(string folder, string name) => folder == PlaybooksFolder
        ? IsTestsName(name) ? "playbook tests" : "playbooks (or automation rules, named NAME.automation.yaml)"
        : IsTestsName(name) ? "rule tests" : "analytics rules";

    private static string Describe(ContentFileKind kind) => kind switch
    {
        ContentFileKind.AnalyticsRule => "an analytics rule",
        ContentFileKind.RuleTests => "rule tests",
        ContentFileKind.Playbook => "a playbook",
        ContentFileKind.PlaybookTests => "playbook tests",
        ContentFileKind.AutomationRule => "an automation rule",
        _ => kind.ToString(),
    };

    private static string Belongs(ContentFileKind kind) => kind switch
    {
        ContentFileKind.AnalyticsRule => $"analytics rules belong under {RulesFolder}/, named NAME.yaml",
        ContentFileKind.RuleTests => $"rule tests belong beside their rule under {RulesFolder}/, named RULE.tests.yaml for RULE.yaml",
        ContentFileKind.Playbook => $"playbooks belong under {PlaybooksFolder}/, named NAME.yaml",
        ContentFileKind.PlaybookTests => $"playbook tests belong under {PlaybooksFolder}/, named PLAYBOOK.tests.yaml for PLAYBOOK.yaml",
        ContentFileKind.AutomationRule => $"automation rules belong under {PlaybooksFolder}/, named NAME.automation.yaml",
        _ => string.Empty,
    };

    private static bool IsTests(ContentFileKind kind) => kind is ContentFileKind.RuleTests or ContentFileKind.PlaybookTests;

    private static bool IsTestsName(string name) =>
        name.EndsWith(".tests.yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tests.yml", StringComparison.OrdinalIgnoreCase);

    private static string FolderOf(ContentFileKind kind) =>
        kind is ContentFileKind.AnalyticsRule or ContentFileKind.RuleTests ? RulesFolder : PlaybooksFolder;

    /// <summary>playbooks or analytics-rules when a folder of the path (not the file) has that name, else null.</summary>
    private static string? DecidingFolder(string path) =>
        IsUnder(path, PlaybooksFolder) ? PlaybooksFolder : IsUnder(path, RulesFolder) ? RulesFolder : null;

    public static ContentFileKind KindOf(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        var tests = IsTestsName(name);
        if (IsUnder(path, PlaybooksFolder))
        {
            if (tests) return ContentFileKind.PlaybookTests;
            return name.EndsWith(".automation.yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".automation.yml", StringComparison.OrdinalIgnoreCase)
                ? ContentFileKind.AutomationRule
                : ContentFileKind.Playbook;
        }
        return tests ? ContentFileKind.RuleTests : ContentFileKind.AnalyticsRule;
    }

    /// <summary>True when a folder of the path (not the file itself) is named <paramref name="folder"/>.</summary>
    private static bool IsUnder(string path, string folder)
    {
        var directory = System.IO.Path.GetDirectoryName(path);
        return directory is not null && directory.Split(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar)
            .Any(part => string.Equals(part, folder, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Dot-folders (.git, .github) hold no content.</summary>
    private static bool IsHidden(string relativePath) =>
        relativePath.Split(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar).Any(part => part.StartsWith('.'));
}
