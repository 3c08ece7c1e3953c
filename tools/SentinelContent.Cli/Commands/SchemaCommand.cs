using System.CommandLine;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Live.Schema;

namespace SentinelContent.Cli.Commands;

/// <summary>`sentinelctl schema pull`: a workspace's table schemas (custom _CL tables included) and functions, as a schema file.</summary>
public static class SchemaCommand
{
    public static Command Create(CliContext context)
    {
        var connection = new DeployOptions();
        var tables = new Option<string[]>("--tables") { Description = "Only these tables (names, repeatable or comma-separated). Default: every table.", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--output", "-o") { Description = "The schema file to write (written whole or not at all).", DefaultValueFactory = _ => "workspace-schema.json" };
        var pull = new Command("pull", """
            Read an environment's workspace schemas (sentinel.yaml, as deploy) over ARM: every table's
            columns, including custom _CL tables, and the workspace functions (saved searches with a
            function alias). Writes them as one JSON schema file, {"tables":[...],"functions":{...}},
            which --schema of validate, query and backtest reads.

            Examples:
              sentinelctl schema pull --env local
              sentinelctl schema pull --env prod --tables SigninLogs,MyApp_CL --output schemas/prod.json
              sentinelctl validate analytics-rules --schema workspace-schema.json
            Exit codes: 0 written, 2 usage error, 4 the workspace could not be reached or refused.
            """);
        foreach (var option in new Option[] { tables, output, connection.Environment, connection.Targets, connection.Credential, connection.Endpoint, connection.Verbose, connection.Color })
            pull.Options.Add(option);
        pull.SetAction(async (parse, token) =>
        {
            var only = (parse.GetValue(tables) ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            using var setup = LiveSetup.Create(context, parse, connection, out var exitCode);
            if (setup is null) return exitCode;
            WorkspaceSchema schema;
            try
            {
                schema = await WorkspaceSchema.PullAsync(setup.Workspace.Arm, setup.Workspace.Environment.Scope, only, token);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                return LiveSetup.Failed(context, e);
            }
            var missing = only.Where(name => !schema.Tables.Any(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase))).ToList();
            foreach (var name in missing) context.Error.WriteLine($"warning: the workspace has no table '{name}'");
            var path = context.Resolve(parse.GetValue(output)!);
            AtomicFile.Write(path, writer => writer.Write(schema.ToJson()));
            context.Out.WriteLine($"Wrote {context.Display(path)}: {schema.Tables.Count} table(s) ({schema.Tables.Count(t => t.Name.EndsWith("_CL", StringComparison.Ordinal))} custom), {schema.Functions.Count} function(s).");
            return ExitCodes.Success;
        });
        var command = new Command("schema", "Workspace schemas: pull them into a schema file for validate, query and backtest.");
        command.Subcommands.Add(pull);
        return command;
    }
}
