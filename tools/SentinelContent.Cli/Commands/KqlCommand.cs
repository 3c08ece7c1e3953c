using System.CommandLine;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Check;

namespace SentinelContent.Cli.Commands;

/// <summary>`sentinelctl kql ...`: the KQL engine's machine interfaces.</summary>
public static class KqlCommand
{
    public static Command Create(CliContext context)
    {
        var schema = new Option<string[]>("--schema")
        {
            Description = "Table schemas to bind against: a workspace CSV export (table_name,column_name,column_type) or JSON {\"Table\":{\"Column\":\"type\"}}. Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var functions = new Option<string?>("--functions") { Description = "Workspace functions (JSON {\"Name\":{\"parameters\",\"body\"}}), as the official oracle takes them." };
        var check = new Command("check", """
            Check KQL queries read as JSON lines {"id","query"} from standard input; write one JSON line per
            query: {"id","syntaxErrors":[{"code","message","start","length"}],"errors":[...],"warnings":[...],"columns":...},
            the shape Microsoft's official KQL language service gives (used to compare the two).

            Example:
              echo '{"id":"1","query":"AuditLogs | take 1"}' | sentinelctl kql check
            Exit codes: 0 every query clean, 1 some query has errors, 2 usage error.
            """);
        check.Options.Add(schema);
        check.Options.Add(functions);
        check.SetAction(parse =>
        {
            // Built-in tables first; schema files extend them and win for tables of the same name.
            if (!SchemaFiles.TryLoad(context, parse.GetValue(schema) ?? [], out var loaded)) return ExitCodes.UsageOrInternalError;
            var catalog = BuiltInSchemas.With(loaded);

            var workspaceFunctions = new List<WorkspaceFunction>();
            if (parse.GetValue(functions) is { } functionsFile)
            {
                try
                {
                    workspaceFunctions.AddRange(WorkspaceFunctionFile.Load(context.Resolve(functionsFile)));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException)
                {
                    context.Error.WriteLine($"{functionsFile}: {ex.Message}");
                    return ExitCodes.UsageOrInternalError;
                }
            }

            var failing = new KqlCheckService(new BindingContext(catalog, workspaceFunctions: workspaceFunctions)).Check(context.Input, context.Out);
            return failing > 0 ? ExitCodes.ContentErrors : ExitCodes.Success;
        });

        var command = new Command("kql", "Work with KQL directly: machine-readable checks of queries.");
        command.Subcommands.Add(check);
        return command;
    }
}
