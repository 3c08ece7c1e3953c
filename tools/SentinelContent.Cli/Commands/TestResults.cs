using SentinelContent.Cli.Infrastructure;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Playbooks.PlaybookTests;
using SentinelContent.Reporting.TestResults;
using SentinelContent.Simulation.Alerts;
using SentinelContent.RuleTests.Diagnostics;
using SentinelContent.RuleTests.Running;

namespace SentinelContent.Cli.Commands;

/// <summary>Turns rule-test and playbook-test outcomes into the reporters' test results, with paths as the user sees them.</summary>
internal static class TestResults
{
    private const int AlertsShown = 5;

    public static TestResult FromRule(TimedOutcome timed, CliContext context, bool backtest)
    {
        var outcome = timed.Outcome;
        var location = Displayed(outcome.Test.Name.Location, context);
        var failures = outcome.Failures
            .Select(f => new TestResultFailure(f.Message, f.Expected, f.Actual, Diagnostic.Create(RuleTestDiagnostics.TestFailed, location, outcome.Test.Name.Value, f.Message)))
            .ToList();
        IReadOnlyList<string> output = backtest && outcome.Ran
            ? [$"{Count(outcome.Alerts.Count, "alert")}, {Count(outcome.Incidents.Count, "incident")}"]
            : failures.Count > 0 && outcome.Ran ? Describe(outcome) : [];
        return new TestResult("rule", location, timed.RuleName, outcome.Test.Name.Value, failures, timed.Duration) { Output = output };
    }

    public static TestResult FromPlaybook(PlaybookTestOutcome outcome, TimeSpan duration, CliContext context)
    {
        var failures = outcome.Failures.Select(d => Displayed(d, context)).Select(d => new TestResultFailure(d.Message, null, null, d)).ToList();
        var location = failures.Count > 0 ? failures[0].Diagnostic.Location : SourceLocation.FileOnly(context.Display(outcome.File));
        var suite = Path.GetFileName(PlaybookTestRunner.DefaultPlaybookPath(outcome.File));
        return new TestResult("playbook", location, suite, outcome.Test, failures, duration);
    }

    public static Diagnostic Displayed(Diagnostic d, CliContext context) => d with { Location = Displayed(d.Location, context) };

    private static SourceLocation Displayed(SourceLocation location, CliContext context) => location with { Path = context.Display(location.Path) };

    /// <summary>What a failed rule test produced: rows, then each alert's title, severity, entities and custom details.</summary>
    private static List<string> Describe(TestOutcome outcome)
    {
        var lines = new List<string>();
        var counts = $"{Count(outcome.Alerts.Count, "alert")}, {Count(outcome.Incidents.Count, "incident")}";
        lines.Add(outcome.Rows is { } rows ? $"{Count(rows, "row")}, {counts}" : counts);
        foreach (var (alert, n) in outcome.Alerts.Take(AlertsShown).Select((a, i) => (a, i + 1)))
            lines.Add($"alert {n}: {Describe(alert)}");
        if (outcome.Alerts.Count > AlertsShown) lines.Add($"... and {outcome.Alerts.Count - AlertsShown} more");
        return lines;
    }

    private static string Describe(SimulatedAlert alert)
    {
        var entities = alert.Entities.Count == 0 ? "none" : string.Join(", ", alert.Entities.Select(e => $"{e.Type}({string.Join(", ", e.Identifiers.Select(p => $"{p.Key}={p.Value}"))})"));
        var details = alert.CustomDetails.Count == 0 ? "none" : string.Join(", ", alert.CustomDetails.Select(p => $"{p.Key}=[{string.Join(", ", p.Value)}]"));
        return $"'{alert.DisplayName}' {alert.Severity}; entities: {entities}; customDetails: {details}";
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
