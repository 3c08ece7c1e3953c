using SentinelContent.Core.Diagnostics;
using SentinelContent.Facade.Diagnostics;
using SentinelContent.Format.Discovery;
using SentinelContent.Playbooks.PlaybookTests;
using SentinelContent.RuleTests.Diagnostics;
using SentinelContent.RuleTests.Running;

namespace SentinelContent.Facade.Validation;

/// <summary>What a check found: validate's findings and the tests' problems and failures in one list, and the test counts.</summary>
public sealed record CheckResult(IReadOnlyList<Diagnostic> Diagnostics, TestCounts RuleTests, TestCounts PlaybookTests);

/// <summary>How many tests of a kind passed and failed.</summary>
public readonly record struct TestCounts(int Passed, int Failed);

/// <summary>
/// What `check` means, the repository's main job: validate, then run the rule tests and the playbooks' offline tests of
/// the same files; a failed test is a finding (SC0408 for a rule test) beside validate's.
/// </summary>
public static class ContentCheck
{
    public static CheckResult Run(ValidateRequest request)
    {
        var findings = ContentValidation.Validate(request);
        var ruleTests = new RuleTestSuite(request.Catalog, request.Limits).Run(FilesOf(request, ContentFileKind.RuleTests));
        var playbookTests = PlaybookTestRunner.Run(FilesOf(request, ContentFileKind.PlaybookTests));

        // The runner reads the samples validate read: a sample's problem is one finding, not two.
        IEnumerable<Diagnostic> all =
        [
            .. findings, .. DiagnosticIdentity.NotIn(ruleTests.Diagnostics, findings),
            .. ruleTests.Outcomes.SelectMany(o => FailureDiagnostics(o.Outcome)),
            .. playbookTests.Diagnostics, .. playbookTests.Outcomes.SelectMany(o => o.Failures),
        ];
        return new CheckResult(
            DiagnosticIdentity.InReportOrder(all),
            new TestCounts(ruleTests.Passed, ruleTests.Failed),
            new TestCounts(playbookTests.Passed, playbookTests.Failed));
    }

    /// <summary>A failed rule test's mismatches as findings at the test's name (SC0408), for reports made of diagnostics.</summary>
    public static IEnumerable<Diagnostic> FailureDiagnostics(TestOutcome outcome) =>
        outcome.Failures.Select(f =>
            Diagnostic.Create(RuleTestDiagnostics.TestFailed, outcome.Test.Name.Location, outcome.Test.Name.Value, f.Message));

    private static IEnumerable<string> FilesOf(ValidateRequest request, ContentFileKind kind) =>
        request.Files.Where(f => f.Kind == kind).Select(f => f.Path);
}
