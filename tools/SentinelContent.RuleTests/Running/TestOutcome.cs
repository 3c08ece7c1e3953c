using SentinelContent.Simulation.Alerts;
using SentinelContent.Simulation.Incidents;
using SentinelContent.RuleTests.Model;

namespace SentinelContent.RuleTests.Running;

/// <summary>The result of one test: pass or fail with each mismatch said plainly, and what came out.</summary>
public sealed record TestOutcome(
    string RulePath,
    RuleTestCase Test,
    IReadOnlyList<TestFailure> Failures,
    IReadOnlyList<SimulatedAlert> Alerts,
    IReadOnlyList<SimulatedIncident> Incidents,
    int? Rows)
{
    public bool Passed => Failures.Count == 0;

    /// <summary>False when the test could not run (bad data, a failing query): then nothing came out to show.</summary>
    public bool Ran { get; init; } = true;
}

/// <summary>One mismatch: the sentence for a report, and both sides when there are two to compare (for a diff).</summary>
public sealed record TestFailure(string Message, string? Expected = null, string? Actual = null)
{
    public override string ToString() => Message;
}
