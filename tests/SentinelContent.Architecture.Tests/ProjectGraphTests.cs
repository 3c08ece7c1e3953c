using SentinelContent.TestSupport;

namespace SentinelContent.Architecture.Tests;

/// <summary>docs/architecture.md is the allowed project graph; these tests keep the projects and the page equal.</summary>
public sealed class ProjectGraphTests
{
    public static TheoryData<string> Projects => [.. ProjectGraph.ProjectFiles.Select(p => Path.GetRelativePath(RepositoryPaths.Root, p))];

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_project_references_exactly_what_the_architecture_page_allows(string relativePath)
    {
        var name = Path.GetFileNameWithoutExtension(relativePath);
        Assert.True(ArchitectureDocument.AllowedReferences.TryGetValue(name, out var allowed),
            $"{name} is not in the project tables of {ArchitectureDocument.RelativePath}; add a row with what it holds and depends on");
        var actual = ProjectGraph.ReferencesOf(Path.Combine(RepositoryPaths.Root, relativePath));
        var unexpected = actual.Except(allowed).Order(StringComparer.Ordinal).ToList();
        var missing = allowed.Except(actual).Order(StringComparer.Ordinal).ToList();
        Assert.True(unexpected.Count == 0, $"{name} references {string.Join(", ", unexpected)}, which {ArchitectureDocument.RelativePath} does not allow");
        Assert.True(missing.Count == 0, $"{ArchitectureDocument.RelativePath} says {name} depends on {string.Join(", ", missing)}, but it does not: keep the page true");
    }

    [Fact]
    public void Every_project_on_the_architecture_page_exists()
    {
        var gone = ArchitectureDocument.AllowedReferences.Keys.Where(name => !ProjectGraph.Projects.Contains(name)).ToList();
        Assert.True(gone.Count == 0, $"{ArchitectureDocument.RelativePath} lists projects that do not exist: {string.Join(", ", gone)}");
    }

    [Fact]
    public void Every_project_is_in_the_solution()
    {
        var solution = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "SentinelContent.sln"));
        var outside = ProjectGraph.ProjectFiles
            .Select(p => Path.GetRelativePath(RepositoryPaths.Root, p).Replace('/', '\\'))
            .Where(p => !solution.Contains($"\"{p}\"", StringComparison.Ordinal))
            .ToList();
        Assert.True(outside.Count == 0, $"not in SentinelContent.sln (dotnet sln add): {string.Join(", ", outside)}");
    }

    [Fact]
    public void The_graph_has_no_cycle()
    {
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var project in ArchitectureDocument.AllowedReferences.Keys) Visit(project, []);

        void Visit(string project, List<string> path)
        {
            if (done.Contains(project)) return;
            Assert.False(visiting.Contains(project), $"cycle: {string.Join(" -> ", path.Append(project))}");
            visiting.Add(project);
            path.Add(project);
            foreach (var next in ArchitectureDocument.AllowedReferences.GetValueOrDefault(project) ?? new HashSet<string>())
                if (ProjectGraph.Projects.Contains(next)) Visit(next, path);
            path.RemoveAt(path.Count - 1);
            visiting.Remove(project);
            done.Add(project);
        }
    }
}
