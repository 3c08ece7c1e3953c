using SentinelContent.Cli;
using SentinelContent.Cli.Infrastructure;

namespace SentinelContent.TestSupport.Cli;

/// <summary>
/// sentinelctl run in-process, as a user runs it from a folder in a pipe (no terminal, so no colour): its exit code
/// and both streams. The one runner of the test projects that drive the CLI.
/// </summary>
/// <remarks>
/// This file is compiled into each test project that references the CLI (tests/Directory.Build.targets), not into
/// TestSupport itself, so TestSupport depends on nothing and a test project of a library does not build the CLI.
/// </remarks>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>Standard output then standard error, for assertions about what the user saw anywhere.</summary>
    public string All => Out + Error;

    public static CliRun In(string workingDirectory, params string[] args) => Run(workingDirectory, TextReader.Null, args);

    /// <summary>The same with <paramref name="input"/> on standard input (queries or data from a pipe).</summary>
    public static CliRun WithInput(string workingDirectory, string input, params string[] args) =>
        Run(workingDirectory, new StringReader(input), args);

    private static CliRun Run(string workingDirectory, TextReader input, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = SentinelCtl.Run(args, new CliContext(output, error, workingDirectory, OutputIsTerminal: false) { Input = input });
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
