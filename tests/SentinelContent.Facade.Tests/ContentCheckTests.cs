using SentinelContent.Facade.Validation;

namespace SentinelContent.Facade.Tests;

/// <summary>What validate and check mean, called as a front end calls them: which checks run and how findings combine.</summary>
public sealed class ContentCheckTests : IDisposable
{
    private readonly ContentRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    private static string Tests(string firstExpect, string firstSample = ContentRepository.Deletion) => $$"""
        tests:
          - name: a deletion alerts
            now: 2026-11-20T12:00:00Z
            data:
              AuditLogs:
                - {{firstSample}}
            expect: {{firstExpect}}
          - name: a registration does not
            now: 2026-11-20T12:00:00Z
            data:
              AuditLogs:
                - {{ContentRepository.Registration}}
            expect: { alerts: 0 }
        """;

    [Fact]
    public void A_tested_rule_validates_and_checks_clean()
    {
        _repo.WriteRule(Tests("{ alerts: 1 }"));
        var request = new ValidateRequest(_repo.Files());

        Assert.Empty(ContentValidation.Validate(request));
        var check = ContentCheck.Run(request);
        Assert.Empty(check.Diagnostics);
        Assert.Equal(new TestCounts(2, 0), check.RuleTests);
        Assert.Equal(new TestCounts(0, 0), check.PlaybookTests);
    }

    [Fact]
    public void Validate_requires_both_kinds_of_test_unless_untested_rules_are_allowed()
    {
        _repo.Write("analytics-rules/deletions.yaml", ContentRepository.Rule);
        var request = new ValidateRequest(_repo.Files());

        var untested = Assert.Single(ContentValidation.Validate(request));
        Assert.Equal("SC0409", untested.Code);
        Assert.Empty(ContentValidation.Validate(request with { AllowUntested = true }));
    }

    [Fact]
    public void Check_reports_a_sample_problem_once_though_validate_and_the_runner_both_meet_it()
    {
        // A column AuditLogs does not have: validate reads the sample (RuleTestFileValidator), and so does the runner.
        var sample = ContentRepository.Deletion.Replace("OperationName:", "OperatioName:", StringComparison.Ordinal);
        _repo.WriteRule(Tests("{ alerts: 1 }", sample));
        var request = new ValidateRequest(_repo.Files());

        var validated = Assert.Single(ContentValidation.Validate(request), d => d.Code == "SC0703");
        var testFile = Path.Combine(_repo.Root, "analytics-rules", "deletions.tests.yaml");
        var ran = new RuleTests.Running.RuleTestSuite(request.Catalog).Run([testFile]);
        var runner = Assert.Single(ran.Diagnostics, d => d.Code == "SC0703");
        Assert.Equal(Place(validated), Place(runner)); // both meet it

        var check = ContentCheck.Run(request);

        Assert.Equal(Place(validated), Place(Assert.Single(check.Diagnostics, d => d.Code == "SC0703")));
    }

    private static (string, Core.Text.LinePosition, Core.Text.LinePosition) Place(Core.Diagnostics.Diagnostic d) =>
        (d.Location.Path, d.Location.Start, d.Location.End);

    [Fact]
    public void Several_mismatches_of_one_test_are_each_a_finding_at_its_name()
    {
        _repo.WriteRule(Tests("{ alerts: 2, incidents: 3 }"));

        var check = ContentCheck.Run(new ValidateRequest(_repo.Files()));

        var failures = check.Diagnostics.Where(d => d.Code == "SC0408").ToList();
        Assert.Equal(2, failures.Count);
        Assert.All(failures, d => Assert.Equal(new Core.Text.LinePosition(2, 11), d.Location.Start));
        Assert.Contains(failures, d => d.Message.Contains("expected 2 alerts", StringComparison.Ordinal));
        Assert.Contains(failures, d => d.Message.Contains("expected 3 incidents", StringComparison.Ordinal));
        Assert.Equal(new TestCounts(1, 1), check.RuleTests);
    }

    [Fact]
    public void Findings_come_in_report_order_by_file_then_position_then_code()
    {
        _repo.WriteRule(Tests("{ alerts: 1 }"));
        _repo.Write("analytics-rules/broken.yaml", ContentRepository.Rule
            .Replace("severity: Medium", "severity: Meduim", StringComparison.Ordinal)
            .Replace("0b8f6c1e-2d3a-4e5f-8a9b-0c1d2e3f4a5b", "not-a-guid", StringComparison.Ordinal));

        var findings = ContentValidation.Validate(new ValidateRequest(_repo.Files()) { AllowUntested = true });

        Assert.True(findings.Count >= 2, string.Join("\n", findings));
        var keys = findings.Select(d => (d.Location.Path, d.Location.Start)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Path, StringComparer.Ordinal).ThenBy(k => k.Start), keys);
    }
}
