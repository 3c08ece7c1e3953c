using System.CommandLine;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Playbooks.Import;

namespace SentinelContent.Cli.Commands;

/// <summary>`sentinelctl playbook import FILE.json`: an existing ARM playbook template becomes playbook YAML.</summary>
public static class PlaybookImportCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "An ARM template holding one Logic App (azuredeploy.json)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the YAML to this file (written whole or not at all) instead of standard output." };
        var command = new Command("import", """
            Turn an ARM playbook template into playbook YAML. Sentinel triggers and connector calls get their short
            form; anything without one is kept in raw Logic Apps form, so building the YAML gives the same workflow
            definition back (the command checks this and warns when it does not).

            Examples:
              sentinelctl playbook import azuredeploy.json -o playbooks/MyPlaybook.yaml
            Exit codes: 0 imported, 1 the file cannot be imported, 2 usage or internal error.
            """);
        command.Arguments.Add(file);
        command.Options.Add(output);
        command.SetAction(parse => Run(context, parse.GetValue(file)!, parse.GetValue(output)));
        return command;
    }

    private static int Run(CliContext context, string file, string? output)
    {
        var path = context.Resolve(file);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            context.Error.WriteLine($"error: no such file: {file}");
            return ExitCodes.UsageOrInternalError;
        }
        if (info.Length > ArmPlaybookImporter.MaxBytes)
        {
            context.Error.WriteLine($"{file}: error: the file is {info.Length:N0} bytes; import reads at most {ArmPlaybookImporter.MaxBytes:N0}");
            return ExitCodes.ContentErrors;
        }
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"{file}: error: cannot read the file: {e.Message}");
            return ExitCodes.ContentErrors;
        }
        var imported = ArmPlaybookImporter.Import(json, Path.GetFileName(path));
        if (!imported.Succeeded)
        {
            context.Error.WriteLine($"{file}: error: cannot import: {imported.Failure}");
            return ExitCodes.ContentErrors;
        }
        var check = RoundTrip.Check(json, Path.GetFileName(path));
        if (!check.Equivalent) context.Error.WriteLine($"{file}: warning: building the imported YAML does not give the same definition back ({check.Reason})");
        if (output is null) context.Out.Write(imported.Yaml);
        else
        {
            AtomicFile.Write(context.Resolve(output), w => w.Write(imported.Yaml));
            context.Error.WriteLine($"imported {file} to {output}");
        }
        return ExitCodes.Success;
    }
}
