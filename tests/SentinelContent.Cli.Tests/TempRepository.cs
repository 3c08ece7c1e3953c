using SentinelContent.TestSupport.Cli;

namespace SentinelContent.Cli.Tests;

/// <summary>A throw-away content repository with an analytics-rules/ folder.</summary>
public sealed class TempRepository : IDisposable
{
    public TempRepository()
    {
        Root = Directory.CreateTempSubdirectory("sc-repo-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, "analytics-rules"));
    }

    public string Root { get; }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public CliRun Run(params string[] args) => CliRun.In(Root, args);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
