using SentinelContent.Core.Diagnostics;

namespace SentinelContent.RuleTests.Diagnostics;

/// <summary>SC04xx: rule test files (X.tests.yaml) and their samples.</summary>
public static class RuleTestDiagnostics
{
    private const string Category = "RuleTests";

    public static readonly DiagnosticDescriptor InvalidTime = new(
        "SC0401", "Not a UTC date and time", "'{0}' is not an ISO 8601 UTC date and time; write it like 2026-11-20T12:00:00Z", DiagnosticSeverity.Error, Category,
        "Test times (now, replay from/to, inline TimeGenerated values) are ISO 8601 in UTC, ending in Z, so results never depend on the machine's time zone.");

    public static readonly DiagnosticDescriptor SampleFileMissing = new(
        "SC0402", "Sample file missing", "the sample file '{0}' does not exist (looked for {1})", DiagnosticSeverity.Error, Category,
        "Sample paths are relative to the test file; samples usually live in a samples/ folder beside the rule.");

    public static readonly DiagnosticDescriptor RuleMissing = new(
        "SC0403", "Tests without a rule", "no rule file '{0}' beside this test file", DiagnosticSeverity.Error, Category,
        "X.tests.yaml tests the rule X.yaml in the same folder. Rename the test file or add the rule.");

    public static readonly DiagnosticDescriptor UnknownTable = new(
        "SC0404", "Table not in the catalog", "the table '{0}' is not in the schema catalog; its columns are taken from the sample{1}", DiagnosticSeverity.Warning, Category,
        "Tables the catalog does not know are typed from their samples. If the table exists in the workspace, load its schema with --schema so sample mistakes are caught.");

    public static readonly DiagnosticDescriptor InvalidDataEntry = new(
        "SC0405", "Bad data entry", "a data entry is either {{ file: PATH }} or a row of column: value pairs; {0}", DiagnosticSeverity.Error, Category,
        "Under data, each table has a list; each item names a sample file ({ file: samples/x.jsonl }) or is one inline row.");

    public static readonly DiagnosticDescriptor ReplayOrder = new(
        "SC0406", "Replay ends before it starts", "replay 'to' ({0}) must be after 'from' ({1})", DiagnosticSeverity.Error, Category,
        "A replay runs the rule on its schedule from 'from' to 'to'.");

    public static readonly DiagnosticDescriptor DuplicateTestName = new(
        "SC0407", "Test name used twice", "another test in this file is already named '{0}'", DiagnosticSeverity.Error, Category,
        "Test names identify failures in reports and --filter; keep them unique within a file.");

    public static readonly DiagnosticDescriptor TestFailed = new(
        "SC0408", "Rule test failed", "test '{0}' failed: {1}", DiagnosticSeverity.Error, Category,
        "The rule, run on the test's data at its time (or over its replay), did not produce what the test expects. " +
        "`sentinelctl test` shows the expected and actual alerts side by side; fix the rule, or the expectation if the rule is right.");

    public static readonly DiagnosticDescriptor Untested = new(
        "SC0409", "Rule not tested both ways", "the rule has no test {0}; add one to {1}", DiagnosticSeverity.Error, Category,
        "Every rule needs at least one test expecting alerts (expect: { alerts: N } with N > 0) and one expecting none " +
        "(expect: { alerts: 0 }) in X.tests.yaml beside it, so it is known to fire on the attack and to stay quiet on look-alikes. " +
        "validate --allow-untested relaxes this while a rule is being written.");

    public static readonly DiagnosticDescriptor TimeOutOfRange = new(
        "SC0410", "Test time out of range", "'{0}' is outside the years a test can run in; write a time from {1} to {2}",
        DiagnosticSeverity.Error, Category,
        "A test's now and replay times are kept well inside the calendar (1900 to 9000, UTC), so every window a rule reads "
        + "(its look-back, alert grouping, a replay's schedule) is a real date; a time near year 1 or 9999 would fall off the calendar.");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        [InvalidTime, SampleFileMissing, RuleMissing, UnknownTable, InvalidDataEntry, ReplayOrder, DuplicateTestName, TestFailed, Untested,
         TimeOutOfRange];
}
