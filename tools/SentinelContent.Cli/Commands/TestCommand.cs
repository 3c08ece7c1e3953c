using System.CommandLine;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Facade.TestRuns;
using SentinelContent.Kql.Schema;
using SentinelContent.Reporting;
using SentinelContent.Reporting.TestResults;
using SentinelContent.RuleTests.Loading;
using SentinelContent.RuleTests.Running;
using SentinelContent.Facade.Diagnostics;

namespace SentinelContent.Cli.Commands;

/// <summary>
/// `sentinelctl test`: runs every rule test (X.tests.yaml beside a rule: the query through the local KQL engine,
/// the results through the alert simulator) and every playbook test under the paths, in parallel, and reports
/// each failure with what was expected and what came out.
/// </summary>
public static class TestCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Rule test files, rules, playbook test files or folders. Default: the repository's analytics-rules/ and playbooks/.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var filter = new Option<string?>("--filter") { Description = "Run only tests whose name, rule name, or rule or playbook file name contains this text (case-insensitive)." };
        var replay = new Option<string?>("--replay")
        {
            Description = "Backtest: replay every rule test's data over FROM..TO (ISO 8601 UTC) on the rule's schedule and report the alerts and incidents it raises, " +
                "instead of checking the tests' expectations. Playbook tests are not run.",
        };
        var schema = new Option<string[]>("--schema") { Description = "Table schemas for tables outside the built-in catalog (CSV export or JSON); repeatable." };
        var report = new ReportOptions();
        var command = new Command("test", """
            Run the rules' and playbooks' tests offline, in parallel.

            A rule test (X.tests.yaml beside rule X.yaml) loads its sample rows, runs the rule's query with the local
            KQL engine at the test's `now` over the rule's query window (or on the rule's schedule over a replay),
            turns the results into alerts and incidents as Sentinel would (trigger, grouping, entities, custom details,
            overrides, suppression, incident grouping) and checks what the test expects. Playbook tests
            (playbooks/NAME.tests.yaml) run in the playbook simulator. Each failure shows the rule, the test, the
            expected and actual values (- and +) and the alerts that came out; then `N passed, N failed`.

            Examples:
              sentinelctl test
              sentinelctl test analytics-rules/entra-id-security-info --filter "mass deletion"
              sentinelctl test --format junit --output test-results.xml
              sentinelctl test analytics-rules/entra-id-security-info/SecurityInfoDeleted.yaml --replay 2026-11-20T00:00:00Z..2026-11-21T00:00:00Z
            Exit codes: 0 all tests passed, 1 a test failed or a file has errors, 2 usage or internal error.
            """);
        command.Arguments.Add(paths);
        command.Options.Add(filter);
        command.Options.Add(replay);
        command.Options.Add(schema);
        var maxMemory = MaxMemoryOption.Create();
        command.Options.Add(maxMemory);
        report.AddTo(command);
        command.SetAction(parse =>
        {
            (DateTime, DateTime)? span = null;
            if (parse.GetValue(replay) is { } text)
            {
                if (!TryParseSpan(text, out var parsed))
                {
                    context.Error.WriteLine($"error: --replay '{text}' is not FROM..TO with ISO 8601 UTC times and FROM before TO, e.g. 2026-11-20T00:00:00Z..2026-11-21T00:00:00Z");
                    return ExitCodes.UsageOrInternalError;
                }
                span = parsed;
            }
            if (!SchemaFiles.TryLoad(context, parse.GetValue(schema) ?? [], out var schemas)) return ExitCodes.UsageOrInternalError;
            var defaults = Kql.Evaluation.EvaluationLimits.Default;
            if (!MaxMemoryOption.TryApply(parse.GetValue(maxMemory), defaults, out var limits, out var memoryError))
            {
                context.Error.WriteLine($"error: {memoryError}");
                return ExitCodes.UsageOrInternalError;
            }
            var options = new RuleTestSuiteOptions { Filter = parse.GetValue(filter), Replay = span };
            return Run(context, parse.GetValue(paths) ?? [], options, schemas, limits, parse, report);
        });
        return command;
    }

    public static bool TryParseSpan(string text, out (DateTime From, DateTime To) span)
    {
        span = default;
        var parts = text.Split("..");
        if (parts.Length != 2 || !RuleTestReader.TryParseTime(parts[0], out var from) || !RuleTestReader.TryParseTime(parts[1], out var to) || to <= from) return false;
        span = (from, to);
        return true;
    }

    private static int Run(
        CliContext context, IReadOnlyList<string> paths, RuleTestSuiteOptions options, SchemaCatalog? schemas,
        Kql.Evaluation.EvaluationLimits limits, ParseResult parse, ReportOptions report)
    {
        if (!ContentPaths.TryResolve(context, paths, out var files, out _)) return ExitCodes.UsageOrInternalError;
        var run = ContentTests.Run(new TestRunRequest(files) { Schemas = schemas, Options = options, Limits = limits });

        var replay = options.Replay is not null;
        var tests = run.RuleTests.Outcomes.Select(o => TestResults.FromRule(o, context, replay))
            .Concat(run.PlaybookTests.Select(p => TestResults.FromPlaybook(p.Outcome, p.Duration, context)))
            .ToList();
        var problems = run.Problems.Select(d => TestResults.Displayed(d, context)).ToList();
        var testedFiles = run.TestFiles.Select(context.Display).ToList();

        if (run.IsEmpty)
        {
            if (options.Filter is { } f)
            {
                context.Error.WriteLine($"error: no test matches --filter '{f}' ({testedFiles.Count} test file(s) searched)");
                return ExitCodes.UsageOrInternalError;
            }
            context.Error.WriteLine(
                "error: no tests found (rule tests are X.tests.yaml beside X.yaml; playbook tests are playbooks/NAME.tests.yaml)");
            return ExitCodes.ContentErrors;
        }
        var diagnostics = new DiagnosticReport("test", problems, testedFiles, DiagnosticCatalog.All);
        return report.Emit(parse, context, new TestReport("test", tests, diagnostics));
    }
}
