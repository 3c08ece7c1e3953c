using SentinelContent.TestSupport;

namespace SentinelContent.Cli.Tests;

/// <summary>sentinelctl playbook build/import/test and playbook validation through validate, as a user runs them.</summary>
public sealed class PlaybookCommandTests
{
    private const string Playbook = """
        name: Demo
        trigger: incident
        connections:
          azuresentinel: {api: azuresentinel}
        roles:
          - role: Microsoft Sentinel Responder
        actions:
          - name: Comment
            connector:
              connection: azuresentinel
              method: post
              path: /Incidents/Comment
              body: {incidentArmId: "@triggerBody()?['object']?['id']", message: "hello @{triggerBody()?['object']?['properties']?['title']}"}
        """;

    private const string Tests = """
        tests:
          - name: comments
            trigger: {object: {id: inc-1, properties: {title: T}}}
            mocks:
              - connector: azuresentinel POST /Incidents/Comment
            expect:
              status: Succeeded
              incident: {commentContains: [hello T]}
        """;

    [Fact]
    public void Validate_includes_playbooks_and_does_not_read_them_as_rules()
    {
        using var repo = new TempRepository();
        repo.Write("playbooks/Demo.yaml", Playbook);
        repo.Write("playbooks/Demo.tests.yaml", Tests);
        var run = repo.Run("validate");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains("2 files checked, 0 errors", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_expression_is_reported_at_file_line_and_column()
    {
        using var repo = new TempRepository();
        repo.Write("playbooks/Bad.yaml", Playbook.Replace("triggerBody()?['object']?['id']", "triggerBodyy()?['object']?['id']", StringComparison.Ordinal));
        var run = repo.Run("validate", "--color", "never");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("playbooks/Bad.yaml:13:31: error SC0511: 'triggerBodyy' is not a Workflow Definition Language function (did you mean 'triggerBody'?)", run.Out.Replace('\\', '/'), StringComparison.Ordinal);
    }

    [Fact]
    public void Playbook_test_passes_fails_and_reports_in_every_format()
    {
        using var repo = new TempRepository();
        repo.Write("playbooks/Demo.yaml", Playbook);
        repo.Write("playbooks/Demo.tests.yaml", Tests);
        var pass = repo.Run("playbook", "test");
        Assert.True(pass.ExitCode == 0, pass.Out + pass.Error);
        Assert.Contains("1 passed, 0 failed", pass.Error, StringComparison.Ordinal);

        repo.Write("playbooks/Demo.tests.yaml", Tests.Replace("hello T", "goodbye", StringComparison.Ordinal));
        var fail = repo.Run("playbook", "test", "--color", "never");
        Assert.Equal(1, fail.ExitCode);
        Assert.Contains("error SC0541: test 'comments' failed: no comment contains 'goodbye'", fail.Out, StringComparison.Ordinal);
        var junit = repo.Run("playbook", "test", "--format", "junit");
        Assert.Contains("<testsuite", junit.Out, StringComparison.Ordinal);
        Assert.Contains("SC0541", junit.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_runs_the_playbook_tests_too()
    {
        using var repo = new TempRepository();
        repo.Write("playbooks/Demo.yaml", Playbook);
        repo.Write("playbooks/Demo.tests.yaml", Tests);
        var pass = repo.Run("check");
        Assert.True(pass.ExitCode == 0, pass.Out + pass.Error);
        Assert.Contains("playbook tests: 1 passed, 0 failed", pass.Error, StringComparison.Ordinal);

        repo.Write("playbooks/Demo.tests.yaml", Tests.Replace("status: Succeeded", "status: Failed", StringComparison.Ordinal));
        var fail = repo.Run("check", "--format", "json");
        Assert.Equal(1, fail.ExitCode);
        Assert.Contains("the run ended Succeeded, expected Failed", fail.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unmocked_call_fails_the_test()
    {
        using var repo = new TempRepository();
        repo.Write("playbooks/Demo.yaml", Playbook);
        repo.Write("playbooks/Demo.tests.yaml", Tests.Replace("      - connector: azuresentinel POST /Incidents/Comment\n", "      - connector: azuresentinel PUT /Incidents\n", StringComparison.Ordinal));
        var run = repo.Run("playbook", "test", "--format", "json");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SC0542", run.Out, StringComparison.Ordinal);
        Assert.Contains("which no mock answers", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_writes_definition_and_template_or_nothing()
    {
        using var repo = new TempRepository();
        repo.Write("playbooks/Demo.yaml", Playbook);
        var run = repo.Run("playbook", "build", "--out-dir", "out");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.True(File.Exists(Path.Combine(repo.Root, "out", "Demo.workflow.json")));
        Assert.Contains("Microsoft.Authorization/roleAssignments", File.ReadAllText(Path.Combine(repo.Root, "out", "Demo.azuredeploy.json")), StringComparison.Ordinal);

        repo.Write("playbooks/Broken.yaml", "name: Broken\ntrigger: incident\nactions:\n  - name: X\n    compose: \"@body('Nope')\"\n");
        var broken = repo.Run("playbook", "build", "--out-dir", "out2");
        Assert.Equal(1, broken.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(repo.Root, "out2")));
    }

    [Fact]
    public void Import_turns_an_ARM_playbook_into_yaml_and_refuses_junk()
    {
        var corpus = RepositoryPaths.RequireShared("corpus/playbooks/sentinel-as-code/Entity/RevokeEntraIDSession.json");
        using var repo = new TempRepository();
        var run = repo.Run("playbook", "import", corpus, "-o", "playbooks/Imported.yaml");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("warning", run.Error, StringComparison.Ordinal);
        Assert.Contains("sentinel: entity", File.ReadAllText(Path.Combine(repo.Root, "playbooks", "Imported.yaml")), StringComparison.Ordinal);

        var junk = repo.Write("junk.json", "{ not json");
        var refused = repo.Run("playbook", "import", junk);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("not valid JSON", refused.Error, StringComparison.Ordinal);
        Assert.Equal(2, repo.Run("playbook", "import", "missing.json").ExitCode);
    }
}
