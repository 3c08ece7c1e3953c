using System.Reflection;

namespace SentinelContent.Kql.Tests.Infrastructure;

/// <summary>Where the repository and the read-only ../shared folder are, from the build's RepositoryRoot metadata.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Corpus => Path.Combine(Shared, "corpus");

    public static string Forms => Path.Combine(Root, "tests", "SentinelContent.Kql.Tests", "Syntax", "Forms");

    private static string FindRoot()
    {
        var root = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (string.IsNullOrEmpty(root) || !Directory.Exists(root))
            throw new InvalidOperationException("The test assembly has no RepositoryRoot metadata pointing at an existing folder.");
        return Path.GetFullPath(root);
    }
}
