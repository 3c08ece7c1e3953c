using System.Text.Json.Nodes;
using SentinelContent.Emulator;
using SentinelContent.Emulator.Samples;
using SentinelContent.TestSupport.Cli;

namespace SentinelContent.Deploy.Tests;

/// <summary>sentinelctl deploy, export and their exit codes, run in-process against the emulator as a pipeline would.</summary>
public sealed class CliDeployTests
{
    [Fact]
    public async Task Plan_exits_3_while_changes_are_pending_and_0_after_apply()
    {
        await using var fixture = await DeployFixture.StartAsync();
        SampleRepository.WriteRules(fixture.Root, 3);

        var plan = CliRun.In(fixture.Root, "deploy", "plan", "--env", "local");
        Assert.Equal(3, plan.ExitCode);
        Assert.Contains("+ create ", plan.Out, StringComparison.Ordinal);
        Assert.Contains("Plan: 3 to create", plan.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", plan.Out, StringComparison.Ordinal); // no colour in a pipe

        var apply = CliRun.In(fixture.Root, "deploy", "apply", "--env", "local");
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Contains("Applied: 3 created", apply.Out, StringComparison.Ordinal);
        Assert.Contains("[3/3]", apply.Error, StringComparison.Ordinal);

        var again = CliRun.In(fixture.Root, "deploy", "plan", "--env", "local");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("No changes", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_as_json_is_a_stable_contract_with_field_changes()
    {
        await using var fixture = await DeployFixture.StartAsync();
        SampleRepository.WriteRules(fixture.Root, 2);
        Assert.Equal(0, CliRun.In(fixture.Root, "deploy", "apply", "--env", "local").ExitCode);
        File.WriteAllText(Path.Combine(fixture.Root, "analytics-rules", "generated", "rule-0000.yaml"), SampleRepository.Rule(0, revision: 4));

        var run = CliRun.In(fixture.Root, "deploy", "plan", "--env", "local", "--format", "json");
        Assert.Equal(3, run.ExitCode);
        var json = JsonNode.Parse(run.Out)!;
        Assert.True(json["changesPending"]!.GetValue<bool>());
        Assert.Equal(1, json["summary"]!["update"]!.GetValue<int>());
        Assert.Equal(1, json["summary"]!["unchanged"]!.GetValue<int>());
        var update = json["items"]!.AsArray().Single(i => i!["action"]!.GetValue<string>() == "update")!;
        Assert.Equal(SampleRepository.RuleId(0), update["name"]!.GetValue<string>());
        Assert.Equal("properties.triggerThreshold", update["changes"]![0]!["path"]!.GetValue<string>());
        Assert.Equal(4, update["changes"]![0]!["after"]!.GetValue<int>());
    }

    [Fact]
    public async Task Plan_as_markdown_is_a_table_for_a_pull_request_comment_written_to_a_file()
    {
        await using var fixture = await DeployFixture.StartAsync();
        SampleRepository.WriteRules(fixture.Root, 2);
        var run = CliRun.In(fixture.Root, "deploy", "plan", "--env", "local", "--format", "markdown", "--output", "plan.md");
        Assert.Equal(3, run.ExitCode);
        var markdown = File.ReadAllText(Path.Combine(fixture.Root, "plan.md"));
        Assert.Contains("### Sentinel deployment plan: `local`", markdown, StringComparison.Ordinal);
        Assert.Contains("| create | rule | Sample rule 0 - sign-ins from a rare country |", markdown, StringComparison.Ordinal);
        Assert.Contains("2 to create", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_targets_file_is_reported_with_file_line_and_column_and_exit_1()
    {
        var root = Directory.CreateTempSubdirectory("sc-targets-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "sentinel.yaml"), """
                repository: soc
                environments:
                  - name: dev
                    subscriptionId: my-subscription
                    resourceGroup: rg
                    workspace: law-dev
                    endpoint: http://10.1.2.3:5099
                """);
            var run = CliRun.In(root, "deploy", "plan", "--env", "dev");
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("sentinel.yaml:4:21: error SC0602", run.Error, StringComparison.Ordinal);
            Assert.Contains("sentinel.yaml:7:15: error SC0603", run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal); // no stack trace
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Usage_errors_exit_2_with_a_message()
    {
        await using var fixture = await DeployFixture.StartAsync();
        var missing = CliRun.In(fixture.Root, "deploy", "plan");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--env", missing.Error, StringComparison.Ordinal);
        var unknown = CliRun.In(fixture.Root, "deploy", "plan", "--env", "prod");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no environment 'prod'", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_errors_stop_the_plan_with_exit_1()
    {
        await using var fixture = await DeployFixture.StartAsync();
        SampleRepository.WriteRules(fixture.Root, 1);
        File.WriteAllText(Path.Combine(fixture.Root, "analytics-rules", "broken.yaml"), SampleRepository.Rule(5).Replace("severity: Medium", "severity: Meduim", StringComparison.Ordinal));
        var run = CliRun.In(fixture.Root, "deploy", "plan", "--env", "local");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("broken.yaml:6:11: error SC0104", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_never_appear_in_logs_or_errors()
    {
        const string secret = "s3cr3t-emulator-token-that-must-not-leak";
        await using var fixture = await DeployFixture.StartAsync(devToken: secret);
        SampleRepository.WriteRules(fixture.Root, 1);

        // The client sends the standard development token; this emulator wants another: 401, reported without tokens.
        var refused = CliRun.In(fixture.Root, "deploy", "plan", "--env", "local", "--verbose");
        Assert.Equal(4, refused.ExitCode);
        Assert.Contains("401", refused.Error, StringComparison.Ordinal);
        Assert.Contains("Authorization", refused.Error, StringComparison.Ordinal); // the verbose log names the header...
        Assert.DoesNotContain(EmulatorOptions.DefaultDevToken, refused.All, StringComparison.Ordinal); // ...but never its value
        Assert.DoesNotContain(secret, refused.All, StringComparison.Ordinal);

        await fixture.RestartAsync();
        var verbose = CliRun.In(fixture.Root, "deploy", "apply", "--env", "local", "--verbose");
        Assert.Equal(0, verbose.ExitCode);
        Assert.Contains("Request [", verbose.Error, StringComparison.Ordinal); // Azure.Core's request log was on
        Assert.DoesNotContain(EmulatorOptions.DefaultDevToken, verbose.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_development_credential_is_refused_for_a_non_loopback_endpoint()
    {
        await using var fixture = await DeployFixture.StartAsync();
        var run = CliRun.In(fixture.Root, "deploy", "plan", "--env", "local", "--endpoint", "https://management.azure.com", "--credential",
            "development");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("loopback", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_then_plan_shows_no_content_changes_and_the_first_apply_only_records_ownership()
    {
        await using var fixture = await DeployFixture.StartAsync();
        var client = fixture.Client();
        foreach (var (name, body) in PortalRules())
            await client.PutAsync(DeployFixture.Scope.ResourcePath("alertRules", name), JsonNode.Parse(body)!.AsObject(), null, true, TestContext.Current.CancellationToken);

        var export = CliRun.In(fixture.Root, "export", "--env", "local", "--kind", "rule");
        Assert.True(export.ExitCode == 0, export.All);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(fixture.Root, "analytics-rules", "exported")).Length);

        // Exported rules come without tests; adopting them is the point here, testing them comes after.
        var validate = CliRun.In(fixture.Root, "validate", "--allow-untested");
        Assert.True(validate.ExitCode == 0, validate.All);

        var plan = CliRun.In(fixture.Root, "deploy", "plan", "--env", "local", "--format", "json");
        var summary = JsonNode.Parse(plan.Out)!["summary"]!;
        Assert.Equal(0, summary["create"]!.GetValue<int>());
        Assert.True(summary["update"]!.GetValue<int>() == 0, plan.Out);
        Assert.Equal(0, summary["delete"]!.GetValue<int>());
        Assert.Equal(3, summary["adopt"]!.GetValue<int>());

        Assert.Equal(0, CliRun.In(fixture.Root, "deploy", "apply", "--env", "local").ExitCode);
        Assert.Equal(0, CliRun.In(fixture.Root, "deploy", "plan", "--env", "local").ExitCode);

        var again = CliRun.In(fixture.Root, "export", "--env", "local");
        Assert.Contains("0 file(s) written, 3 item(s) already in the repository", again.Out, StringComparison.Ordinal);
    }

    /// <summary>Rules as the portal makes them: NRT, odd text (quotes, colons, trailing spaces, leading blanks), no entity mappings.</summary>
    private static IEnumerable<(string Name, string Body)> PortalRules()
    {
        yield return ("0f6a7c39-1b52-4c56-a1a5-4c3e1d9c0a01", """
            {"kind":"Scheduled","properties":{"displayName":"Portal: \"quoted\" name: with colon #hash","description":"Line one  \n  indented second line\n\ntrailing   ","severity":"High","enabled":false,
             "query":"  SecurityEvent\n| where EventID == 4625\n| summarize count() by Account","queryFrequency":"PT5M","queryPeriod":"P1D","triggerOperator":"LessThan","triggerThreshold":3,
             "suppressionEnabled":true,"suppressionDuration":"PT1H","tactics":["CredentialAccess"],"techniques":["T1110"],"subTechniques":[]}}
            """);
        yield return ("0f6a7c39-1b52-4c56-a1a5-4c3e1d9c0a02", """
            {"kind":"NRT","properties":{"displayName":"Portal NRT rule","description":"Near real time.\n","severity":"Medium","enabled":true,
             "query":"AuditLogs\n| where OperationName == 'Add member to role'\n","suppressionEnabled":false,"suppressionDuration":"PT5H",
             "tactics":["PrivilegeEscalation","Persistence"],"techniques":["T1098"],"subTechniques":["T1098.003"],
             "entityMappings":[{"entityType":"Account","fieldMappings":[{"identifier":"FullName","columnName":"InitiatedBy"}]}],
             "eventGroupingSettings":{"aggregationKind":"AlertPerResult"},
             "incidentConfiguration":{"createIncident":true,"groupingConfiguration":{"enabled":true,"reopenClosedIncident":false,"lookbackDuration":"PT5H","matchingMethod":"AllEntities","groupByEntities":[],"groupByAlertDetails":[],"groupByCustomDetails":[]}}}}
            """);
        yield return ("0f6a7c39-1b52-4c56-a1a5-4c3e1d9c0a03", """
            {"kind":"Scheduled","properties":{"displayName":"true","description":"12345","severity":"Low","enabled":true,
             "query":"Heartbeat | take 1","queryFrequency":"PT1H","queryPeriod":"PT1H","triggerOperator":"GreaterThan","triggerThreshold":0,
             "suppressionEnabled":false,"suppressionDuration":"PT5H","customDetails":{"Computer":"Computer"},
             "alertDetailsOverride":{"alertDisplayNameFormat":"{{Computer}} is alive"}}}
            """);
        // A Fusion rule is not content this repository can express: export and prune leave it alone.
        yield return ("BuiltInFusion", """{"kind":"Fusion","properties":{"alertRuleTemplateName":"f71aba3d-28fb-450b-b192-4e76a83015c8","enabled":true}}""");
    }
}
