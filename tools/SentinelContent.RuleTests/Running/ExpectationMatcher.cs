using SentinelContent.Simulation.Alerts;
using SentinelContent.Simulation.Incidents;
using SentinelContent.RuleTests.Model;

namespace SentinelContent.RuleTests.Running;

/// <summary>Compares what came out with what a test expects; each mismatch becomes one readable failure with both sides.</summary>
public static class ExpectationMatcher
{
    public static IReadOnlyList<TestFailure> Compare(Expectation expect, IReadOnlyList<SimulatedAlert> alerts, IReadOnlyList<SimulatedIncident> incidents, int? rows)
    {
        var failures = new List<TestFailure>();
        if (expect.Alerts is { } a && a.Value != alerts.Count)
            failures.Add(new($"expected {Plural(a.Value, "alert")}, got {alerts.Count}{Titles(alerts)}", Plural(a.Value, "alert"), Plural(alerts.Count, "alert")));
        if (expect.Rows is { } r && r.Value != rows)
        {
            failures.Add(rows is null
                ? new("rows can only be asserted for a single run, not a replay")
                : new($"expected the query to return {Plural(r.Value, "row")}, got {rows}", Plural(r.Value, "row"), Plural(rows.Value, "row")));
        }
        if (expect.Incidents is { } i && i.Value != incidents.Count)
            failures.Add(new($"expected {Plural(i.Value, "incident")}, got {incidents.Count}", Plural(i.Value, "incident"), Plural(incidents.Count, "incident")));

        for (var n = 0; n < expect.AlertDetails.Count; n++)
        {
            if (n >= alerts.Count)
            {
                failures.Add(new($"alert {n + 1}: expected, but only {Plural(alerts.Count, "alert")} came out", $"alert {n + 1}", "no such alert"));
                continue;
            }
            CompareAlert(n + 1, expect.AlertDetails[n], alerts[n], failures);
        }
        return failures;
    }

    private static void CompareAlert(int number, AlertExpectation expected, SimulatedAlert actual, List<TestFailure> failures)
    {
        void Field(string name, string? want, string got)
        {
            if (want is not null && want != got) failures.Add(new($"alert {number}: {name}: expected '{want}', got '{got}'", want, got));
        }

        Field("displayName", expected.DisplayName?.Value, actual.DisplayName);
        Field("description", expected.Description?.Value, actual.Description);
        Field("severity", expected.Severity?.Value, actual.Severity);
        if (expected.Tactics is { } tactics && !tactics.Select(t => t.Value).SequenceEqual(actual.Tactics))
        {
            var (want, got) = (List(tactics.Select(t => t.Value)), List(actual.Tactics));
            failures.Add(new($"alert {number}: tactics: expected {want}, got {got}", want, got));
        }

        foreach (var entity in expected.Entities)
        {
            var found = actual.Entities.Any(e => e.Type == entity.Type && entity.Identifiers.All(p => e.Identifiers.TryGetValue(p.Key, out var v) && v == p.Value));
            if (found) continue;
            var entities = actual.Entities.Count == 0 ? "none" : string.Join("; ", actual.Entities.Select(e => $"{e.Type} {Describe(e.Identifiers)}"));
            failures.Add(new($"alert {number}: no {entity.Type} entity with {Describe(entity.Identifiers)}; entities: {entities}", $"{entity.Type} {Describe(entity.Identifiers)}", entities));
        }

        foreach (var detail in expected.CustomDetails)
        {
            var got = actual.CustomDetails.GetValueOrDefault(detail.Key) ?? [];
            if (!detail.Values.SequenceEqual(got))
                failures.Add(new($"alert {number}: customDetails.{detail.Key}: expected {List(detail.Values)}, got {List(got)}", List(detail.Values), List(got)));
        }
    }

    private static string List(IEnumerable<string> values) => $"[{string.Join(", ", values)}]";

    private static string Describe(IReadOnlyDictionary<string, string> identifiers) =>
        string.Join(", ", identifiers.Select(p => $"{p.Key}={p.Value}"));

    private static string Titles(IReadOnlyList<SimulatedAlert> alerts) =>
        alerts.Count == 0 ? string.Empty : $" ({string.Join("; ", alerts.Take(3).Select(a => $"'{a.DisplayName}'"))}{(alerts.Count > 3 ? "; ..." : "")})";

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
