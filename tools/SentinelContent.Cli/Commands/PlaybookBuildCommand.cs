using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Core.Input;
using SentinelContent.Core.Text;
using SentinelContent.Playbooks.Automation;
using SentinelContent.Playbooks.Compiler;
using SentinelContent.Playbooks.Validation;
using SentinelContent.Reporting;
using SentinelContent.Facade.Diagnostics;
using SentinelContent.Facade.Repository;

namespace SentinelContent.Cli.Commands;

/// <summary>
/// `sentinelctl playbook build`: validates the playbooks and automation rules, then writes for each playbook its
/// workflow definition and its ARM template, and an ARM template for each automation rule. Nothing is written when
/// anything has an error.
/// </summary>
public static class PlaybookBuildCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Playbook files or folders. Default: the repository's playbooks/.", Arity = ArgumentArity.ZeroOrMore };
        var outDir = new Option<string>("--out-dir") { Description = "Where to write the compiled files (default .build/playbooks under the repository, or the current folder outside one).", };
        var report = new ReportOptions();
        var command = new Command("build", """
            Compile playbooks (playbooks/NAME.yaml) into NAME.workflow.json (the Logic Apps workflow definition,
            schema 2016-06-01) and NAME.azuredeploy.json (an ARM template: the Logic App with its managed identity,
            its API connections, role assignments on the workspace, and outputs listing the Graph permissions to grant).
            Automation rules (NAME.automation.yaml) compile to NAME.azuredeploy.json. Validation runs first;
            with any error nothing is written.

            Examples:
              sentinelctl playbook build
              sentinelctl playbook build playbooks/SecurityInfoDeleted-RevokeSessions.yaml --out-dir out
            Exit codes: 0 built, 1 content errors, 2 usage or internal error.
            """);
        command.Arguments.Add(paths);
        command.Options.Add(outDir);
        report.AddTo(command);
        command.SetAction(parse => Run(context, parse.GetValue(paths) ?? [], parse.GetValue(outDir), parse, report));
        return command;
    }

    private static int Run(CliContext context, IReadOnlyList<string> paths, string? outDir, ParseResult parse, ReportOptions report)
    {
        var files = PlaybookCommand.Discover(context, paths);
        if (files is null) return ExitCodes.UsageOrInternalError;
        var result = PlaybookContentValidator.Validate(files, knownAnalyticsRuleIds: null);
        var diagnostics = result.Diagnostics.Select(d => d with { Location = d.Location with { Path = context.Display(d.Location.Path) } }).ToList();
        var emitted = report.Emit(parse, context, new DiagnosticReport("playbook build", diagnostics, [.. files.Select(f => context.Display(f.Path))], DiagnosticCatalog.All));
        if (emitted != ExitCodes.Success) return emitted;

        // Everything is rendered before anything is written, so a failure cannot leave half a build.
        var outputs = new List<(string Name, string Text)>();
        foreach (var playbook in result.Playbooks)
        {
            outputs.Add(($"{playbook.Name}.workflow.json", Render(playbook.Definition)));
            outputs.Add(($"{playbook.Name}.azuredeploy.json", Render(ArmTemplateWriter.Write(playbook))));
        }
        foreach (var rule in result.AutomationRules)
        {
            var name = Path.GetFileName(rule.Path);
            name = name[..name.IndexOf(".automation.", StringComparison.OrdinalIgnoreCase)];
            outputs.Add(($"{name}.automationrule.azuredeploy.json", Render(AutomationRuleWriter.Write(rule))));
        }
        if (outputs.Count == 0)
        {
            context.Error.WriteLine($"playbook build: no playbooks or automation rules found{(paths.Count > 0 ? " in " + string.Join(", ", paths) : string.Empty)}; nothing written");
            return paths.Count > 0 ? ExitCodes.ContentErrors : ExitCodes.Success;
        }
        var directory = outDir is not null ? context.Resolve(outDir)
            : RepositoryLayout.FindRoot(context.WorkingDirectory) is { } root ? Path.Combine(root, ".build", "playbooks") : context.WorkingDirectory;
        // Names are checked (SC0543) before this point; every file must still land directly in the output folder (docs/security.md).
        var targets = new List<(string Path, string Text)>();
        foreach (var (name, text) in outputs)
        {
            var path = Path.Combine(directory, name);
            if (Path.GetFileName(path) != name || SafeFileName.IsReservedWindowsName(name) || !ContainedPath.IsUnder(Path.GetFullPath(directory), Path.GetFullPath(path)))
            {
                context.Error.WriteLine($"error: '{TerminalText.Escape(name)}' is not a file name that stays in {context.Display(directory)}; nothing written");
                return ExitCodes.ContentErrors;
            }
            targets.Add((path, text));
        }
        foreach (var (path, text) in targets) AtomicFile.Write(path, w => w.Write(text));
        context.Error.WriteLine($"playbook build: wrote {outputs.Count} file(s) to {context.Display(directory)}");
        return ExitCodes.Success;
    }

    private static string Render(JsonNode node) => node.ToJsonString(Indented) + "\n";
}
