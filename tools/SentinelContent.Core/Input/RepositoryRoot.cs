namespace SentinelContent.Core.Input;

/// <summary>
/// The repository a content file belongs to, which paths named in it must not leave: the nearest folder at or
/// above the file that holds <c>.git</c>, <c>analytics-rules/</c>, <c>playbooks/</c> or <c>sentinel.yaml</c>; for a
/// file outside any repository, its own folder. Found from the path as written (not from where a link leads), so a
/// link cannot move the boundary.
/// </summary>
public static class RepositoryRoot
{
    private static readonly string[] Markers = [".git", "analytics-rules", "playbooks", "sentinel.yaml"];

    public static string Of(string contentFile) =>
        OfFolder(Path.GetDirectoryName(Path.GetFullPath(contentFile)) ?? Path.GetFullPath("."));

    /// <summary>The repository of a file in <paramref name="directory"/>.</summary>
    public static string OfFolder(string directory) => Find(directory) ?? Path.GetFullPath(directory);

    /// <summary>The nearest folder at or above <paramref name="directory"/> with a repository marker, or null.</summary>
    public static string? Find(string directory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
        {
            foreach (var marker in Markers)
            {
                var candidate = Path.Combine(dir.FullName, marker);
                if (Directory.Exists(candidate) || File.Exists(candidate)) return dir.FullName;
            }
        }
        return null;
    }
}
