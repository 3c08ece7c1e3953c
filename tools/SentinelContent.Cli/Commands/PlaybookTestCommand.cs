using System.CommandLine;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Format.Discovery;
using SentinelContent.Playbooks.PlaybookTests;
using SentinelContent.Reporting;
using SentinelContent.Facade.Diagnostics;

namespace SentinelContent.Cli.Commands;

/// <summary>
/// `sentinelctl playbook test`: runs the playbooks' offline tests in the simulator. Failures are diagnostics at the
/// test, so the report formats and exit codes are those of validate; a future `sentinelctl test` calls the same runner.
/// </summary>
public static class PlaybookTestCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Test files (NAME.tests.yaml) or folders. Default: the repository's playbooks/.", Arity = ArgumentArity.ZeroOrMore };
        var report = new ReportOptions();
        var command = new Command("test", """
            Run playbook tests offline: each test runs the playbook in the simulator on a sample trigger payload
            (a Sentinel incident), with every HTTP and connector call answered by the test's mocks, and checks the
            calls made, the final run status, action statuses and the incident's changes. No Azure is needed.

            Examples:
              sentinelctl playbook test
              sentinelctl playbook test playbooks/SecurityInfoDeleted-RevokeSessions.tests.yaml --format junit -o tests.xml
            Exit codes: 0 all tests passed, 1 a test failed or a file has errors, 2 usage or internal error.
            """);
        command.Arguments.Add(paths);
        report.AddTo(command);
        command.SetAction(parse => Run(context, parse.GetValue(paths) ?? [], parse, report));
        return command;
    }

    public static int Run(CliContext context, IReadOnlyList<string> paths, ParseResult parse, ReportOptions report)
    {
        var files = PlaybookCommand.Discover(context, paths);
        if (files is null) return ExitCodes.UsageOrInternalError;
        var testFiles = files.Where(f => f.Kind == ContentFileKind.PlaybookTests).Select(f => f.Path).ToList();
        var run = PlaybookTestRunner.Run(testFiles);
        var diagnostics = run.Diagnostics.Concat(run.Outcomes.SelectMany(o => o.Failures))
            .Select(d => d with { Location = d.Location with { Path = context.Display(d.Location.Path) } })
            .ToList();
        var exit = report.Emit(parse, context, new DiagnosticReport("playbook test", diagnostics, [.. testFiles.Select(context.Display)], DiagnosticCatalog.All));
        context.Error.WriteLine($"playbook test: {run.Passed} passed, {run.Failed} failed ({testFiles.Count} file(s))");
        if (testFiles.Count == 0)
        {
            context.Error.WriteLine("error: no playbook test files (NAME.tests.yaml) found");
            return ExitCodes.ContentErrors;
        }
        return exit;
    }
}
