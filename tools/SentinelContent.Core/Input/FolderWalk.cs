using System.IO.Enumeration;

namespace SentinelContent.Core.Input;

/// <summary>
/// Lists the files under a folder without following links to folders: the BCL's recursive enumeration follows
/// them, so one link to / in a pull request made `validate` walk the whole machine, and a link to its own parent
/// looped until paths grew too long. Links to files are listed (reading them applies the repository rule).
/// Hidden entries (names starting with '.') are skipped: .git and .github hold no content.
/// </summary>
public static class FolderWalk
{
    public static IEnumerable<string> Files(string folder, bool recursive = true)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = recursive, IgnoreInaccessible = true, AttributesToSkip = 0 };
        return new FileSystemEnumerable<string>(folder, (ref FileSystemEntry entry) => entry.ToFullPath(), options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && !entry.FileName.StartsWith('.'),
            ShouldRecursePredicate = (ref FileSystemEntry entry) =>
                !entry.Attributes.HasFlag(FileAttributes.ReparsePoint) && !entry.FileName.StartsWith('.'),
        };
    }
}
