using SentinelContent.Format.Discovery;
using SentinelContent.TestSupport.Content;

namespace SentinelContent.Facade.Tests;

/// <summary>A throw-away content repository: one rule about deleted security info, and the tests written beside it.</summary>
internal sealed class ContentRepository : IDisposable
{
    public const string Rule = DeletionRule.Rule;
    public const string Deletion = DeletionRule.Deletion;
    public const string Registration = DeletionRule.Registration;

    public string Root { get; } = Directory.CreateTempSubdirectory("sc-facade-").FullName;

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>The rule at analytics-rules/deletions.yaml with <paramref name="tests"/> beside it.</summary>
    public void WriteRule(string tests)
    {
        Write("analytics-rules/deletions.yaml", Rule);
        Write("analytics-rules/deletions.tests.yaml", tests);
    }

    public IReadOnlyList<ContentFile> Files() => ContentDiscovery.Discover([Path.Combine(Root, "analytics-rules")], new List<string>());

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
