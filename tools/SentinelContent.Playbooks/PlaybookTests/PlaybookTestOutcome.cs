using SentinelContent.Core.Diagnostics;

namespace SentinelContent.Playbooks.PlaybookTests;

/// <summary>One test's result; failures are diagnostics at the test (file, line, column), so every reporter shows them.</summary>
public sealed record PlaybookTestOutcome(string File, string Test, IReadOnlyList<Diagnostic> Failures)
{
    public bool Passed => Failures.Count == 0;
}

/// <summary>The results of a test run over files: outcomes and the problems that kept tests from running.</summary>
public sealed record PlaybookTestRun(IReadOnlyList<PlaybookTestOutcome> Outcomes, IReadOnlyList<Diagnostic> Diagnostics)
{
    public int Passed => Outcomes.Count(o => o.Passed);

    public int Failed => Outcomes.Count(o => !o.Passed);
}
