namespace SentinelContent.Facade.Repository;

/// <summary>
/// Where a content repository keeps what: found from a folder inside it, for jobs whose default is "the repository's own
/// content".
/// </summary>
public static class RepositoryLayout
{
    public const string RulesFolder = "analytics-rules";
    public const string PlaybooksFolder = "playbooks";

    /// <summary>The nearest directory at or above <paramref name="start"/> that holds analytics-rules/, or null.</summary>
    public static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, RulesFolder))) return dir.FullName;
        }
        return null;
    }

    /// <summary>The default content folders of the repository: analytics-rules/, and playbooks/ when it holds files.</summary>
    public static IReadOnlyList<string> DefaultContentPaths(string root) =>
        [.. new[] { RulesFolder, PlaybooksFolder }.Select(f => Path.Combine(root, f)).Where(HoldsFiles)];

    private static bool HoldsFiles(string folder) =>
        Directory.Exists(folder) && Core.Input.FolderWalk.Files(folder).Any();
}
