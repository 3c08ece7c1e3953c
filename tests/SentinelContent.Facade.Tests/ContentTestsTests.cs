using SentinelContent.Facade.TestRuns;
using SentinelContent.RuleTests.Running;

namespace SentinelContent.Facade.Tests;

/// <summary>What `test` means: which test files a run reads and which tests it runs.</summary>
public sealed class ContentTestsTests : IDisposable
{
    private readonly ContentRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    private const string Tests = $$"""
        tests:
          - name: a deletion alerts
            now: 2026-11-20T12:00:00Z
            data:
              AuditLogs:
                - {{ContentRepository.Deletion}}
            expect: { alerts: 1 }
          - name: a registration does not
            now: 2026-11-20T12:00:00Z
            data:
              AuditLogs:
                - {{ContentRepository.Registration}}
            expect: { alerts: 0 }
        """;

    [Fact]
    public void Naming_a_rule_runs_the_tests_beside_it_once_even_when_the_test_file_is_named_too()
    {
        _repo.WriteRule(Tests);
        var files = _repo.Files();
        Assert.Equal(2, files.Count); // the rule and its test file

        var run = ContentTests.Run(new TestRunRequest(files));

        Assert.Equal([Path.Combine(_repo.Root, "analytics-rules", "deletions.tests.yaml")], run.TestFiles);
        Assert.Equal(2, run.RuleTests.Passed);
        Assert.Empty(run.Problems);
        Assert.False(run.IsEmpty);
    }

    [Fact]
    public void The_filter_selects_tests_by_name_and_a_filter_matching_nothing_leaves_the_run_empty()
    {
        _repo.WriteRule(Tests);

        var one = ContentTests.Run(new TestRunRequest(_repo.Files()) { Options = new RuleTestSuiteOptions { Filter = "REGISTRATION" } });
        var none = ContentTests.Run(new TestRunRequest(_repo.Files()) { Options = new RuleTestSuiteOptions { Filter = "no such test" } });

        Assert.Equal("a registration does not", Assert.Single(one.RuleTests.Outcomes).Outcome.Test.Name.Value);
        Assert.True(none.IsEmpty);
        Assert.Single(none.TestFiles); // searched, nothing selected
    }

    [Fact]
    public void A_rule_without_tests_gives_an_empty_run()
    {
        _repo.Write("analytics-rules/deletions.yaml", ContentRepository.Rule);

        var run = ContentTests.Run(new TestRunRequest(_repo.Files()));

        Assert.True(run.IsEmpty);
        Assert.Empty(run.TestFiles);
    }
}
