namespace SentinelContent.Cli.Tests;

/// <summary>
/// Issue 17 point 4: content is recognised by its shape, not only by its folder. A playbook, a test file or a rule
/// outside analytics-rules/ and playbooks/ is read as what it is; one whose folder or name contradicts it gets one
/// SC0181 at the field that gave it away, saying what it looks like and where it belongs, and no cascade of
/// unknown-field errors.
/// </summary>
public sealed class ContentShapeCliTests : IDisposable
{
    private const string Playbook = """
        name: Imported-Notify
        trigger: incident
        connections:
          azuresentinel: {api: azuresentinel, auth: managedIdentity}
        actions:
          - name: Wait
            type: Wait
            inputs: {interval: {count: 1, unit: Second}}
        """;

    private const string RuleTests = """
        tests:
          - name: nothing to find
            now: 2026-11-20T12:00:00Z
            data:
              AuditLogs: []
            expect:
              rows: 0
        """;

    /// <summary>The playbook without its connections: its action's connection is then undeclared (SC0517).</summary>
    private const string Unconnected = """
        name: Imported-Notify
        trigger: incident
        actions:
          - name: Wait
            type: Wait
            inputs: {interval: {count: 1, unit: Second}}
        """;

    private readonly TempRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void A_playbook_in_a_folder_of_its_own_is_validated_as_a_playbook()
    {
        _repo.Write("imported/Imported-Notify.yaml", Playbook);
        var clean = _repo.Run("validate", "imported", "--color", "never");
        Assert.True(clean.ExitCode == 0, clean.All);
        Assert.Contains("1 file checked, 0 errors, 0 warnings", clean.Out);

        // Read as a playbook, its playbook errors are found (an action's connection not declared), and nothing is
        // read as a rule field.
        _repo.Write("imported/Imported-Notify.yaml", Unconnected);
        var broken = _repo.Run("validate", "imported", "--color", "never");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("error SC0517: the connection 'azuresentinel' is not declared under connections", broken.Out);
        Assert.DoesNotContain("SC0101", broken.Out);
        Assert.DoesNotContain("SC0103", broken.Out);
        Assert.DoesNotContain("SC0181", broken.Out);
    }

    [Fact]
    public void A_playbook_under_analytics_rules_is_one_error_that_says_where_it_belongs()
    {
        _repo.Write("analytics-rules/Imported-Notify.yaml", Playbook);
        var run = _repo.Run("validate", "--allow-untested", "--color", "never");
        Assert.Equal(1, run.ExitCode);
        var sep = Path.DirectorySeparatorChar;
        Assert.Contains($"analytics-rules{sep}Imported-Notify.yaml:5:1: error SC0181: "
            + "this file looks like a playbook (`trigger` and `actions`), but it lies under analytics-rules/, "
            + "where YAML files are analytics rules; playbooks belong under playbooks/", run.Out);
        Assert.Contains(" 5 | actions:", run.Out);
        Assert.Contains("1 error", run.Out);
        Assert.DoesNotContain("SC0103", run.Out);
        Assert.DoesNotContain("SC0101", run.Out);
    }

    [Fact]
    public void A_rule_under_playbooks_and_rule_tests_without_their_name_are_each_one_error()
    {
        _repo.Write("playbooks/Rule.yaml", TestRules.Minimal);
        _repo.Write("analytics-rules/a.yaml", TestRules.Minimal);
        _repo.Write("analytics-rules/a-tests.yaml", RuleTests);
        var run = _repo.Run("validate", "--allow-untested", "--color", "never", "analytics-rules", "playbooks");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Rule.yaml:9:1: error SC0181: this file looks like an analytics rule (`query` and `queryFrequency`), "
            + "but it lies under playbooks/, where YAML files are playbooks", run.Out);
        Assert.Contains("analytics rules belong under analytics-rules/", run.Out);
        Assert.Contains("a-tests.yaml:1:1: error SC0181: this file looks like rule tests", run.Out);
        Assert.Contains("its name does not end in .tests.yaml; rule tests belong beside their rule under analytics-rules/, "
            + "named RULE.tests.yaml for RULE.yaml", run.Out);
        Assert.Equal(2, CountOf(run.Out, "error SC"));
    }

    [Fact]
    public void A_rule_and_its_tests_named_on_the_command_line_outside_the_folders_are_validated_and_run()
    {
        _repo.Write("downloads/Found.yaml", TestRules.Minimal);
        _repo.Write("downloads/Found.tests.yaml", RuleTests);
        var validate = _repo.Run(
            "validate", "downloads/Found.yaml", "downloads/Found.tests.yaml", "--allow-untested", "--color", "never");
        Assert.True(validate.ExitCode == 0, validate.All);
        Assert.Contains("2 files checked, 0 errors", validate.Out);

        var test = _repo.Run("test", "downloads/Found.yaml", "--color", "never");
        Assert.True(test.ExitCode == 0, test.All);
        Assert.Contains("test: 1 passed, 0 failed (1 rule test", test.Out);
    }

    [Fact]
    public void Test_and_playbook_build_report_a_misplaced_file_once()
    {
        _repo.Write("analytics-rules/a.yaml", TestRules.Minimal);
        _repo.Write("analytics-rules/a.tests.yaml", RuleTests);
        _repo.Write("analytics-rules/Imported-Notify.yaml", Playbook);
        var test = _repo.Run("test", "--color", "never");
        Assert.NotEqual(0, test.ExitCode);
        Assert.Equal(1, CountOf(test.All, "SC0181"));
        Assert.Contains("1 passed, 0 failed", test.All);

        var build = _repo.Run("playbook", "build", "analytics-rules/Imported-Notify.yaml", "--out-dir", "out");
        Assert.Equal(2, build.ExitCode);
        Assert.Contains("this file looks like a playbook", build.Error);
    }

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;
}
