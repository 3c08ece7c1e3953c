using System.CommandLine;
using SentinelContent.Cli.Commands;
using SentinelContent.Cli.Infrastructure;

namespace SentinelContent.Cli;

/// <summary>The command tree of sentinelctl and its top-level error handling.</summary>
public static class SentinelCtl
{
    public static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand("""
            sentinelctl: Microsoft Sentinel content as code.

            Validate analytics rules written in Sentinel's YAML format, with compiler-style diagnostics
            (path:line:col: error SC0101: message) and reports for CI (json, junit, sarif), test them offline
            against sample logs (test: the alerts and incidents Sentinel would raise), and deploy
            them to Sentinel workspaces (deploy plan, deploy apply, export; emulator for local runs).
            Run `sentinelctl COMMAND --help` for the options and examples of each command.
            """);
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(TestCommand.Create(context));
        root.Subcommands.Add(KqlCommand.Create(context));
        root.Subcommands.Add(QueryCommand.Create(context));
        root.Subcommands.Add(PlaybookCommand.Create(context));
        root.Subcommands.Add(DocsCommand.Create(context));
        root.Subcommands.Add(DeployCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(EmulatorCommand.Create(context));
        return root;
    }

    /// <summary>Runs a command line. Usage errors exit 2; unexpected failures exit 2 with a message, not a stack trace.</summary>
    public static int Run(string[] args, CliContext context)
    {
        var root = CreateRoot(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) context.Error.WriteLine($"error: {error.Message}");
            context.Error.WriteLine("Run 'sentinelctl --help' for usage.");
            return ExitCodes.UsageOrInternalError;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            context.Error.WriteLine($"internal error: {e.Message}");
            if (Environment.GetEnvironmentVariable("SENTINELCTL_DEBUG") is "1" or "true") context.Error.WriteLine(e);
            else context.Error.WriteLine("This is a bug in sentinelctl; set SENTINELCTL_DEBUG=1 for details and report it.");
            return ExitCodes.UsageOrInternalError;
        }
    }
}
