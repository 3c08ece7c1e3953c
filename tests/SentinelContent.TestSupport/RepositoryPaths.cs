using System.Reflection;

namespace SentinelContent.TestSupport;

/// <summary>Where the repository and the read-only ../shared material are, from the build's own record, not the working directory.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared beside the repository: the corpus, schemas and tools used by tests (read-only).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>A gitignored folder for tools the tests install (npm packages, converted schemas).</summary>
    public static string BuildFolder => Path.Combine(Root, ".build");

    public static string RequireShared(string relative)
    {
        var path = Path.Combine(Shared, relative);
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new InvalidOperationException($"Test material missing: {path}. The tests expect ../shared beside the repository.");
        return path;
    }

    private static string FindRoot()
    {
        var fromBuild = Assembly.GetEntryAssembly()?.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (fromBuild is not null && File.Exists(Path.Combine(fromBuild, "SentinelContent.sln"))) return Path.GetFullPath(fromBuild);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SentinelContent.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root (SentinelContent.sln) above " + AppContext.BaseDirectory);
    }
}
