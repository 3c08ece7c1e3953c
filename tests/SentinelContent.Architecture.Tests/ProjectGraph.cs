using System.Xml.Linq;
using SentinelContent.TestSupport;

namespace SentinelContent.Architecture.Tests;

/// <summary>Every project of the repository (tools/ and tests/) with the references its .csproj declares.</summary>
internal static class ProjectGraph
{
    public const string Prefix = "SentinelContent.";

    public static IReadOnlyList<string> ProjectFiles { get; } =
    [
        .. new[] { "tools", "tests", "dev" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), "*.csproj", SearchOption.AllDirectories))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal),
    ];

    public static IReadOnlySet<string> Projects { get; } = ProjectFiles.Select(Path.GetFileNameWithoutExtension).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>Project references by project name; package and framework references by id.</summary>
    public static IReadOnlySet<string> ReferencesOf(string projectFile)
    {
        var document = XDocument.Load(projectFile);
        var projects = document.Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(((string?)e.Attribute("Include") ?? string.Empty).Replace('\\', Path.DirectorySeparatorChar)));
        var packages = document.Descendants().Where(e => e.Name.LocalName is "PackageReference" or "FrameworkReference")
            .Select(e => (string?)e.Attribute("Include") ?? string.Empty);
        return projects.Concat(packages).ToHashSet(StringComparer.Ordinal);
    }
}
