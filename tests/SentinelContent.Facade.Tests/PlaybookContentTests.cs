using SentinelContent.Facade.Validation;
using SentinelContent.Format.Discovery;
using SentinelContent.TestSupport;

namespace SentinelContent.Facade.Tests;

/// <summary>Validate and check over playbook content: the repository's own playbooks, their tests and automation rule.</summary>
public sealed class PlaybookContentTests
{
    private static IReadOnlyList<ContentFile> Discover(params string[] folders) =>
        ContentDiscovery.Discover([.. folders.Select(f => Path.Combine(RepositoryPaths.Root, f))], new List<string>());

    [Fact]
    public void Check_runs_the_playbook_tests_and_counts_them()
    {
        var check = ContentCheck.Run(new ValidateRequest(Discover("analytics-rules", "playbooks")));

        Assert.True(check.Diagnostics.Count == 0, string.Join("\n", check.Diagnostics));
        Assert.True(check.PlaybookTests.Passed >= 4, $"{check.PlaybookTests}");
        Assert.Equal(0, check.PlaybookTests.Failed);
        Assert.True(check.RuleTests.Passed > 0, $"{check.RuleTests}");
    }

    [Fact]
    public void An_automation_rule_is_checked_against_the_rules_only_when_rules_are_in_the_run()
    {
        // Alone, the playbooks cannot tell whether the automation rule's rule ids exist: nothing is reported about them.
        Assert.Empty(ContentValidation.Validate(new ValidateRequest(Discover("playbooks"))));

        // With a rules folder that lacks the rule the automation rule names, the id is an error.
        using var repo = new ContentRepository();
        repo.Write("analytics-rules/deletions.yaml", ContentRepository.Rule);
        var files = Discover("playbooks").Concat(repo.Files()).ToList();

        var findings = ContentValidation.Validate(new ValidateRequest(files) { AllowUntested = true });

        var missing = Assert.Single(findings);
        Assert.Equal("SC0530", missing.Code);
        Assert.Contains("no analytics rule", missing.Message, StringComparison.Ordinal);
        Assert.EndsWith("SecurityInfoDeleted.automation.yaml", missing.Location.Path, StringComparison.Ordinal);
    }
}
