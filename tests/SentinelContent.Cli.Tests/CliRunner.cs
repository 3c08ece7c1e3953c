using SentinelContent.Cli;
using SentinelContent.Cli.Infrastructure;

namespace SentinelContent.Cli.Tests;

/// <summary>Runs sentinelctl in-process with captured output, as a user would from a folder.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun In(string workingDirectory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = SentinelCtl.Run(args, new CliContext(output, error, workingDirectory, OutputIsTerminal: false));
        return new CliRun(code, output.ToString(), error.ToString());
    }
}

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
