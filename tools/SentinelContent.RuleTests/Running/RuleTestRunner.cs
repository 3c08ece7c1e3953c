using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Content.Model;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Data.Loading;
using SentinelContent.Kql.Schema;
using SentinelContent.Simulation.Alerts;
using SentinelContent.Simulation.Incidents;
using SentinelContent.Simulation.Schedule;
using SentinelContent.RuleTests.Diagnostics;
using SentinelContent.RuleTests.Model;
using SentinelContent.LogAnalytics.Query;

namespace SentinelContent.RuleTests.Running;

/// <summary>
/// Runs one rule test as Sentinel would run the rule: the test's tables are loaded and typed, each run sees
/// only the rows whose TimeGenerated falls in its query window (reference tables whole: <see cref="QueryScope"/>), the query runs at the run time, and the
/// alert simulator and incident grouping turn results into what the test's expectations are checked against.
/// </summary>
public sealed class RuleTestRunner(IQueryEngine engine, SchemaCatalog catalog)
{

    public TestOutcome Run(AnalyticsRule rule, RuleTestCase test, IList<Diagnostic> diagnostics)
    {
        var tables = LoadTables(test, diagnostics);
        if (tables is null) return Failed(rule, test, "the test data has errors (see the diagnostics above)");
        var query = rule.Query?.Value ?? string.Empty;

        try
        {
            // Planned once per test: a replay runs the same plan on every scheduled run.
            var run = engine.Prepare(query, tables);
            if (test.Replay is { } replay)
            {
                var runs = Replay.Run(rule, replay.From.Value, replay.To.Value, window => run(Within(tables, window), window.End));
                var alerts = runs.SelectMany(r => r.Outcome?.Alerts ?? []).ToList();
                var incidents = IncidentGrouper.Group(rule, alerts);
                return Outcome(rule, test, alerts, incidents, rows: null);
            }

            var now = test.Now.Value;
            var result = run(Within(tables, RuleSchedule.Window(rule, now)), now);
            var outcome = AlertSimulator.Run(rule, result, now);
            return Outcome(rule, test, outcome.Alerts, IncidentGrouper.Group(rule, outcome.Alerts), result.RowCount);
        }
        catch (QueryFailedException e)
        {
            // The engine locates problems in the query text; the rule's block scalar maps them to the file's line and column.
            foreach (var d in e.Diagnostics)
            {
                var location = rule.Query?.LocationOf(d.Span) ?? SourceLocation.FileOnly(rule.Source.Path);
                diagnostics.Add(new Diagnostic(d.Descriptor, d.Severity, d.Message, location));
            }
            return Failed(rule, test, $"the query failed: {e.Message}");
        }
    }

    private static TestOutcome Outcome(AnalyticsRule rule, RuleTestCase test, IReadOnlyList<SimulatedAlert> alerts, IReadOnlyList<SimulatedIncident> incidents, int? rows) =>
        new(rule.Source.Path, test, ExpectationMatcher.Compare(test.Expect, alerts, incidents, rows), alerts, incidents, rows);

    private static TestOutcome Failed(AnalyticsRule rule, RuleTestCase test, string reason) =>
        new(rule.Source.Path, test, [new TestFailure(reason)], [], [], null) { Ran = false };

    private static Dictionary<string, DataTable> Within(IReadOnlyDictionary<string, DataTable> tables, QueryWindow window) =>
        QueryScope.Restrict(tables, window.Start, window.End);

    private Dictionary<string, DataTable>? LoadTables(RuleTestCase test, IList<Diagnostic> diagnostics)
    {
        var tables = new Dictionary<string, DataTable>(StringComparer.Ordinal);
        var ok = true;
        foreach (var data in test.Data)
        {
            var rows = new List<SampleRow>();
            foreach (var entry in data.Entries)
            {
                switch (entry)
                {
                    case SampleFileEntry file:
                        var read = SampleFileReader.Read(file.FullPath, diagnostics);
                        if (read is null) ok = false;
                        else rows.AddRange(read);
                        break;
                    case InlineRowEntry inline:
                        rows.Add(inline.Row);
                        break;
                }
            }
            if (catalog.ForSampleData().Find(data.Table.Value) is null)
                diagnostics.Add(Diagnostic.Create(RuleTestDiagnostics.UnknownTable, data.Table.Location, data.Table.Value, string.Empty));
            var table = SampleTableBuilder.Build(data.Table.Value, rows, catalog, diagnostics);
            if (table is null) ok = false;
            else tables[data.Table.Value] = table;
        }
        return ok ? tables : null;
    }
}
