using System.CommandLine;
using System.CommandLine.Parsing;

namespace SentinelContent.Cli.Infrastructure;

/// <summary>
/// A usage error found after parsing (values that parse but do not fit together), with the help hint of the command
/// the user ran.
/// </summary>
internal static class UsageErrors
{
    public static int Report(CliContext context, ParseResult parse, string message)
    {
        context.Error.WriteLine($"error: {message}");
        context.Error.WriteLine($"Run '{CommandPath(parse.CommandResult)} --help' for usage.");
        return ExitCodes.UsageOrInternalError;
    }

    /// <summary>"sentinelctl backtest", "sentinelctl playbook build": the command's names from the root down.</summary>
    public static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result is not null; result = result.Parent)
        {
            if (result is CommandResult c) names.Add(c.Command is RootCommand ? "sentinelctl" : c.Command.Name);
        }
        names.Reverse();
        return string.Join(' ', names);
    }
}
