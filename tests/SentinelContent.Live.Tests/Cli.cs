using SentinelContent.Cli;
using SentinelContent.Cli.Infrastructure;

namespace SentinelContent.Live.Tests;

/// <summary>sentinelctl run in-process in a folder, with its exit code and both streams.</summary>
internal static class Cli
{
    public static (int Code, string Out, string Error) Run(string directory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = SentinelCtl.Run(args, new CliContext(output, error, directory, OutputIsTerminal: false));
        return (code, output.ToString(), error.ToString());
    }
}
