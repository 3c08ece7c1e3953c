using System.Diagnostics;
using SentinelContent.Content.Loading;
using SentinelContent.Content.Model;
using SentinelContent.Core.Text;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Input;
using SentinelContent.Kql.Schema;
using SentinelContent.RuleTests.Loading;
using SentinelContent.RuleTests.Model;

namespace SentinelContent.RuleTests.Running;

/// <summary>Which tests a suite run selects and how it runs them.</summary>
public sealed record RuleTestSuiteOptions
{
    /// <summary>Selects tests by rule name, rule file stem or test name (case-insensitive substring); null runs all.</summary>
    public string? Filter { get; init; }

    /// <summary>
    /// Backtest: every selected test's data is replayed over this span on the rule's schedule instead of the
    /// test's own run time, and only what came out is reported (the test's expectations are for its own run).
    /// </summary>
    public (DateTime From, DateTime To)? Replay { get; init; }

    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    public static RuleTestSuiteOptions Default { get; } = new();

    public bool Selects(AnalyticsRule rule, RuleTestCase test) =>
        Filter is not { Length: > 0 } filter
        || Contains(test.Name.Value, filter) || Contains(rule.DisplayName, filter) || Contains(Path.GetFileNameWithoutExtension(rule.Source.Path), filter);

    private static bool Contains(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The outcome of every selected test, the problems that kept tests from running, and the time each took.</summary>
public sealed record RuleTestRun(IReadOnlyList<TimedOutcome> Outcomes, IReadOnlyList<Diagnostic> Diagnostics)
{
    public int Passed => Outcomes.Count(o => o.Outcome.Passed);

    public int Failed => Outcomes.Count(o => !o.Outcome.Passed);
}

public sealed record TimedOutcome(TestOutcome Outcome, string RuleName, TimeSpan Duration);

/// <summary>
/// Runs rule test files: reads each X.tests.yaml and its rule X.yaml, then runs the selected tests in parallel
/// through <see cref="RuleTestRunner"/>. Results keep the order of files and tests, whatever order they ran in.
/// </summary>
public sealed class RuleTestSuite(IQueryEngine engine, SchemaCatalog catalog)
{
    /// <summary>A suite over the local engine; <paramref name="limits"/> bound each query run (--max-memory).</summary>
    public RuleTestSuite(SchemaCatalog catalog, Kql.Evaluation.EvaluationLimits? limits = null)
        : this(new KqlQueryEngine(catalog, limits), catalog)
    {
    }

    public RuleTestRun Run(IEnumerable<string> testFiles, RuleTestSuiteOptions? options = null)
    {
        options ??= RuleTestSuiteOptions.Default;
        var diagnostics = new List<Diagnostic>();
        var work = new List<(AnalyticsRule Rule, RuleTestCase Test)>();
        foreach (var path in testFiles)
        {
            if (Load(path, diagnostics) is not { } loaded) continue;
            work.AddRange(loaded.File.Tests.Where(t => options.Selects(loaded.Rule, t)).Select(t => (loaded.Rule, t)));
        }

        var runner = new RuleTestRunner(engine, catalog);
        var outcomes = new TimedOutcome[work.Count];
        var found = new List<Diagnostic>[work.Count];
        Parallel.For(0, work.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism) }, i =>
        {
            var (rule, test) = work[i];
            found[i] = [];
            var clock = Stopwatch.StartNew();
            var outcome = RunOne(runner, rule, Backtest(test, options.Replay), found[i]);
            outcomes[i] = new TimedOutcome(outcome, rule.DisplayName, clock.Elapsed);
        });
        // The same sample problem reported by several tests is one problem.
        diagnostics.AddRange(found.SelectMany(f => f).DistinctBy(d => d.ToString()));
        return new RuleTestRun(outcomes, diagnostics);
    }

    /// <summary>One test; a fault in the engine fails that test with its message instead of ending the whole run.</summary>
    private static TestOutcome RunOne(RuleTestRunner runner, AnalyticsRule rule, RuleTestCase test, List<Diagnostic> diagnostics)
    {
        try
        {
            return runner.Run(rule, test, diagnostics);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new TestOutcome(rule.Source.Path, test, [new TestFailure($"the test could not run: internal error ({e.GetType().Name}: {e.Message}); this is a bug in sentinelctl, please report it")], [], [], null) { Ran = false };
        }
    }

    private static RuleTestCase Backtest(RuleTestCase test, (DateTime From, DateTime To)? span) =>
        span is not { } s ? test : test with
        {
            Replay = new ReplaySpan(new Located<DateTime>(s.From, test.Now.Location), new Located<DateTime>(s.To, test.Now.Location)),
            Expect = new Expectation(null, null, null, [], test.Expect.Location),
        };

    /// <summary>The test file and its rule, or null after reporting why they cannot run.</summary>
    private static (RuleTestFile File, AnalyticsRule Rule)? Load(string path, List<Diagnostic> diagnostics)
    {
        var source = SourceFileReader.ReadContent(path, diagnostics);
        if (source is null) return null;
        var before = diagnostics.Count;
        var file = RuleTestReader.Read(source, diagnostics);
        if (file is null || diagnostics.Skip(before).Any(d => d.Severity == DiagnosticSeverity.Error)) return null;
        var ruleProblems = new List<Diagnostic>();
        var ruleSource = SourceFileReader.ReadContent(file.RulePath, ruleProblems);
        var rule = ruleSource is null ? null : AnalyticsRuleReader.Read(ruleSource, ruleProblems);
        // A rule that does not read cleanly would make every test's result meaningless; validate explains it in full.
        var errors = ruleProblems.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        diagnostics.AddRange(errors);
        return rule is null || errors.Count > 0 ? null : (file, rule);
    }
}
