namespace SentinelContent.Reporting.TestResults;

/// <summary>
/// SARIF for code scanning: each failed test's mismatches are results at the test (their codes say rule test or
/// playbook test failed), alongside the problems; passing tests produce nothing, as passing code does.
/// </summary>
public sealed class SarifTestReporter : ITestReporter
{
    public void Write(TestReport report, TextWriter writer) =>
        new SarifReporter().Write(report.Problems with { Diagnostics = report.AllDiagnostics }, writer);
}
