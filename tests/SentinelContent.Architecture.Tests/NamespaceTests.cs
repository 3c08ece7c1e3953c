using System.Text.RegularExpressions;
using SentinelContent.TestSupport;

namespace SentinelContent.Architecture.Tests;

/// <summary>The folder layout is the architecture: a file's namespace is its project's name followed by its folders.</summary>
public sealed partial class NamespaceTests
{
    [Fact]
    public void Every_namespace_equals_its_folder()
    {
        var wrong = new List<string>();
        foreach (var project in ProjectGraph.ProjectFiles)
        {
            var folder = Path.GetDirectoryName(project)!;
            var name = Path.GetFileNameWithoutExtension(project);
            foreach (var file in SourceFiles.Under(folder))
            {
                var declared = Declaration().Match(File.ReadAllText(file));
                if (!declared.Success) continue; // top-level statements (Program.cs)
                var relative = Path.GetRelativePath(folder, Path.GetDirectoryName(file)!);
                var expected = relative == "." ? name : $"{name}.{relative.Replace(Path.DirectorySeparatorChar, '.')}";
                if (declared.Groups[1].Value != expected)
                    wrong.Add($"{Path.GetRelativePath(RepositoryPaths.Root, file)}: namespace {declared.Groups[1].Value}, expected {expected}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [GeneratedRegex(@"^namespace ([\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex Declaration();
}
