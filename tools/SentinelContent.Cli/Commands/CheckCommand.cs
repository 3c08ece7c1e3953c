using System.CommandLine;
using SentinelContent.Cli.Infrastructure;

namespace SentinelContent.Cli.Commands;

/// <summary>
/// `sentinelctl check`: the main job on a repository (what CI and a newcomer run): validate all content, then run
/// the rule tests and the playbooks' offline tests, all in one report.
/// </summary>
public static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var report = new ReportOptions();
        var allowUntested = ValidateCommand.AllowUntestedOption();
        var command = new Command("check", """
            Run the repository's main job: validate every analytics rule under analytics-rules/ and every playbook,
            automation rule and playbook test under playbooks/, then run every rule test (X.tests.yaml, through the
            local KQL engine and alert simulator) and every playbook test (in the playbook simulator).
            No Azure access is needed. Use it locally before a pull request and in CI.
            `sentinelctl test` runs the tests alone, with a diff of expected and actual alerts.

            Examples:
              sentinelctl check
              sentinelctl check --format junit --output check.xml
            Exit codes: 0 clean, 1 content errors or failed tests, 2 usage or internal error.
            """);
        var maxMemory = MaxMemoryOption.Create();
        command.Options.Add(allowUntested);
        command.Options.Add(maxMemory);
        report.AddTo(command);
        command.SetAction(parse =>
        {
            var defaults = Kql.Evaluation.EvaluationLimits.Default;
            if (!MaxMemoryOption.TryApply(parse.GetValue(maxMemory), defaults, out var limits, out var error))
            {
                context.Error.WriteLine($"error: {error}");
                return ExitCodes.UsageOrInternalError;
            }
            var settings = new ValidateSettings { RunTests = true, AllowUntested = parse.GetValue(allowUntested), Limits = limits };
            return ValidateCommand.Run(context, [], parse, report, settings);
        });
        return command;
    }
}
