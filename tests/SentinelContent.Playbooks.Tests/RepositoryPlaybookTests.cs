using SentinelContent.Format.Discovery;
using SentinelContent.Playbooks.Automation;
using SentinelContent.Playbooks.Compiler;
using SentinelContent.Playbooks.PlaybookTests;
using SentinelContent.Playbooks.Validation;
using SentinelContent.TestSupport;

namespace SentinelContent.Playbooks.Tests;

/// <summary>The repository's own playbooks: they validate, build to ARM, and their offline tests pass.</summary>
public sealed class RepositoryPlaybookTests(ITestOutputHelper output)
{
    private static IReadOnlyList<ContentFile> Files =>
        ContentDiscovery.Discover([Path.Combine(RepositoryPaths.Root, "playbooks")], new List<string>());

    [Fact]
    public void The_playbooks_and_automation_rules_validate_and_build()
    {
        var result = PlaybookContentValidator.Validate(Files, ["3c1f5d2a-7b84-4e69-9a1d-6f2e8b0c4d17"]);
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
        Assert.Equal(4, result.Playbooks.Count);
        foreach (var playbook in result.Playbooks)
        {
            var template = ArmTemplateWriter.Write(playbook);
            Assert.NotEmpty(template["outputs"]!["graphPermissions"]!["value"]!.AsArray());
            Assert.Contains(template["resources"]!.AsArray(), r => r!["type"]!.GetValue<string>() == "Microsoft.Authorization/roleAssignments");
        }
        var rule = Assert.Single(result.AutomationRules);
        var ruleTemplate = AutomationRuleWriter.Write(rule);
        var actions = ruleTemplate["resources"]![0]!["properties"]!["actions"]!.AsArray();
        Assert.Equal(4, actions.Count);
        Assert.All(actions, a => Assert.Equal("RunPlaybook", a!["actionType"]!.GetValue<string>()));
    }

    [Fact]
    public void An_automation_rule_naming_a_missing_playbook_or_rule_is_an_error()
    {
        var result = PlaybookContentValidator.Validate(Files, ["00000000-0000-0000-0000-000000000000"]);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("no analytics rule", StringComparison.Ordinal));
    }

    [Fact]
    public void The_offline_tests_of_every_playbook_pass()
    {
        var testFiles = Files.Where(f => f.Kind == ContentFileKind.PlaybookTests).Select(f => f.Path).ToList();
        Assert.Equal(4, testFiles.Count);
        var run = PlaybookTestRunner.Run(testFiles);
        foreach (var outcome in run.Outcomes) output.WriteLine($"{(outcome.Passed ? "pass" : "FAIL")} {Path.GetFileName(outcome.File)}: {outcome.Test}");
        var problems = run.Diagnostics.Concat(run.Outcomes.SelectMany(o => o.Failures)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(run.Outcomes.Count >= 11);
    }
}
