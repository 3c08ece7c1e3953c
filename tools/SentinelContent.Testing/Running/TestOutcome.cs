using SentinelContent.Simulation.Alerts;
using SentinelContent.Simulation.Incidents;
using SentinelContent.Testing.Model;

namespace SentinelContent.Testing.Running;

/// <summary>The result of one test: pass or fail with each mismatch said plainly, and what came out.</summary>
public sealed record TestOutcome(
    string RulePath,
    RuleTestCase Test,
    IReadOnlyList<string> Failures,
    IReadOnlyList<SimulatedAlert> Alerts,
    IReadOnlyList<SimulatedIncident> Incidents,
    int? Rows)
{
    public bool Passed => Failures.Count == 0;
}
