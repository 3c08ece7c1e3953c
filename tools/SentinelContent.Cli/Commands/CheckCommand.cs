using System.CommandLine;
using SentinelContent.Cli.Infrastructure;

namespace SentinelContent.Cli.Commands;

/// <summary>
/// `sentinelctl check`: the main job on a repository (what CI and a newcomer run): validate all content and run
/// the playbooks' offline tests. Rule tests join it once `sentinelctl test` exists, so the one command stays the one to run.
/// </summary>
public static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var report = new ReportOptions();
        var command = new Command("check", """
            Run the repository's main job: validate every analytics rule under analytics-rules/ and every playbook,
            automation rule and playbook test under playbooks/, then run the playbooks' offline tests.
            No Azure access is needed. Use it locally before a pull request and in CI.

            Example:
              sentinelctl check
            Exit codes: 0 clean, 1 content errors or failed tests, 2 usage or internal error.
            """);
        report.AddTo(command);
        command.SetAction(parse => ValidateCommand.Run(context, [], parse, report, runPlaybookTests: true));
        return command;
    }
}
