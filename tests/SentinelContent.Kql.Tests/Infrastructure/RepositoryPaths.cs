namespace SentinelContent.Kql.Tests.Infrastructure;

/// <summary>The KQL suites' own folders, on top of the shared <see cref="TestSupport.RepositoryPaths"/>.</summary>
internal static class RepositoryPaths
{
    public static string Root => TestSupport.RepositoryPaths.Root;

    public static string Shared => TestSupport.RepositoryPaths.Shared;

    public static string Corpus => Path.Combine(Shared, "corpus");

    public static string Forms => Path.Combine(Root, "tests", "SentinelContent.Kql.Tests", "Syntax", "Forms");
}
