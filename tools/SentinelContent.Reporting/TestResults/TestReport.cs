using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;

namespace SentinelContent.Reporting.TestResults;

/// <summary>
/// The results of a test run (rule tests and playbook tests alike) in a form every reporter can write: each test
/// with its failures, and the problems (bad test files, failing queries) that are diagnostics like validate's.
/// </summary>
public sealed record TestReport(string Command, IReadOnlyList<TestResult> Tests, DiagnosticReport Problems)
{
    public int Passed => Tests.Count(t => t.Passed);

    public int Failed => Tests.Count(t => !t.Passed);

    /// <summary>Failures and problems as diagnostics, for formats that only know diagnostics (SARIF).</summary>
    public IReadOnlyList<Diagnostic> AllDiagnostics =>
        [.. Problems.Diagnostics, .. Tests.SelectMany(t => t.Failures).Select(f => f.Diagnostic)];
}

/// <summary>One test: which kind (rule or playbook), where it is, its suite (the rule or playbook name), and how it went.</summary>
public sealed record TestResult(
    string Kind,
    SourceLocation Location,
    string Suite,
    string Name,
    IReadOnlyList<TestResultFailure> Failures,
    TimeSpan Duration)
{
    public bool Passed => Failures.Count == 0;

    /// <summary>What came out, one line each (the alerts a rule raised, counts of a replay), shown beside failures and in backtests.</summary>
    public IReadOnlyList<string> Output { get; init; } = [];
}

/// <summary>One mismatch: its sentence, both sides when there are two (for a diff), and the same as a located diagnostic.</summary>
public sealed record TestResultFailure(string Message, string? Expected, string? Actual, Diagnostic Diagnostic);

/// <summary>Writes a test report in one output format.</summary>
public interface ITestReporter
{
    void Write(TestReport report, TextWriter writer);
}

public static class TestReporters
{
    public static ITestReporter For(ReportFormat format, bool color) => format switch
    {
        ReportFormat.Json => new JsonTestReporter(),
        ReportFormat.Junit => new JUnitTestReporter(),
        ReportFormat.Sarif => new SarifTestReporter(),
        _ => new TextTestReporter(color),
    };
}
