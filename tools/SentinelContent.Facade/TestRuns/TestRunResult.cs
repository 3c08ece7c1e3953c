using SentinelContent.Core.Diagnostics;
using SentinelContent.Playbooks.PlaybookTests;
using SentinelContent.RuleTests.Running;

namespace SentinelContent.Facade.TestRuns;

/// <summary>A playbook test's outcome and its share of its file's time (the runner times files, not tests).</summary>
public sealed record TimedPlaybookOutcome(PlaybookTestOutcome Outcome, TimeSpan Duration);

/// <summary>
/// What a test run found: the outcomes of the selected tests, the problems that kept tests from running, and the test
/// files searched.
/// </summary>
/// <param name="OtherProblems">Problems outside the rule test suite: playbook test files that could not run, files in the
/// wrong place (SC0181).</param>
public sealed record TestRunResult(
    RuleTestRun RuleTests,
    IReadOnlyList<TimedPlaybookOutcome> PlaybookTests,
    IReadOnlyList<Diagnostic> OtherProblems,
    IReadOnlyList<string> TestFiles)
{
    /// <summary>Problems reading test files, samples or the content under test, in report order.</summary>
    public IReadOnlyList<Diagnostic> Problems { get; } =
        Diagnostics.DiagnosticIdentity.InReportOrder([.. RuleTests.Diagnostics, .. OtherProblems]);

    /// <summary>Whether the run found anything at all: a test that ran, or a problem.</summary>
    public bool IsEmpty => RuleTests.Outcomes.Count == 0 && PlaybookTests.Count == 0 && Problems.Count == 0;
}
