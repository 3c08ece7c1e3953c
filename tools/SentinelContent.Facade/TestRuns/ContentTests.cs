using System.Diagnostics;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Format.Discovery;
using SentinelContent.Kql.Schema;
using SentinelContent.Playbooks.PlaybookTests;
using SentinelContent.RuleTests.Running;

namespace SentinelContent.Facade.TestRuns;

/// <summary>
/// What `test` means: select the rule tests and playbook tests of the files, run them in parallel (the rule tests inside
/// their suite, the playbook test files beside it), and return every outcome with its time.
/// </summary>
public static class ContentTests
{
    public static TestRunResult Run(TestRunRequest request)
    {
        var options = request.Options;
        var ruleTestFiles = TestSelection.RuleTestFiles(request.Files);
        var playbookTestFiles = TestSelection.PlaybookTestFiles(request.Files, options.Replay is not null);
        var catalog = BuiltInSchemas.With(request.Schemas);

        var playbooks = Task.Run(() => RunPlaybookTests(playbookTestFiles, options));
        var rules = new RuleTestSuite(catalog, request.Limits).Run(ruleTestFiles, options);
        var (playbookOutcomes, playbookProblems) = playbooks.GetAwaiter().GetResult();
        // A misplaced file holds no test this run can trust; say where it belongs rather than skip it in silence.
        var misplaced = request.Files.Where(f => f.Kind == ContentFileKind.Misplaced).Select(ContentDiscovery.Misplaced);
        return new TestRunResult(rules, playbookOutcomes, [.. misplaced, .. playbookProblems], [.. ruleTestFiles, .. playbookTestFiles]);
    }

    /// <summary>Each playbook test file in parallel; a file's time is shared evenly by its tests.</summary>
    private static (List<TimedPlaybookOutcome> Outcomes, List<Diagnostic> Problems) RunPlaybookTests(
        IReadOnlyList<string> testFiles, RuleTestSuiteOptions options)
    {
        var runs = new (PlaybookTestRun Run, TimeSpan Time)[testFiles.Count];
        Parallel.For(0, testFiles.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism) }, i =>
        {
            var clock = Stopwatch.StartNew();
            var run = PlaybookTestRunner.Run([testFiles[i]]);
            runs[i] = (run, clock.Elapsed);
        });
        var outcomes = new List<TimedPlaybookOutcome>();
        foreach (var (run, time) in runs)
        {
            var share = run.Outcomes.Count == 0 ? TimeSpan.Zero : time / run.Outcomes.Count;
            outcomes.AddRange(run.Outcomes
                .Where(o => TestSelection.Selects(options.Filter, o))
                .Select(o => new TimedPlaybookOutcome(o, share)));
        }
        return (outcomes, [.. runs.SelectMany(r => r.Run.Diagnostics)]);
    }
}
