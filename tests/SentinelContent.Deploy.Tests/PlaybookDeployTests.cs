using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using SentinelContent.Deploy.Apply;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Desired;
using SentinelContent.Deploy.Desired.Playbooks;
using SentinelContent.Deploy.Planning;
using SentinelContent.Emulator;
using SentinelContent.TestSupport;
using SentinelContent.TestSupport.Cli;

namespace SentinelContent.Deploy.Tests;

/// <summary>
/// Playbooks (Logic Apps and their connections) and automation rules deployed to the emulator: dependency order,
/// idempotence, secrets that reach ARM but never a plan, prune that leaves foreign items alone, export round trip
/// and convergence under faults. The content is the repository's own playbooks/ folder.
/// </summary>
public sealed class PlaybookDeployTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string AutomationRuleId = "9b1c7e52-4d3a-4f0e-8a6b-2e5d1c0f7a93";
    private const string Secret = "https://contoso.webhook.office.com/webhookb2/not-a-real-secret-5f3c";

    private static readonly string[] PlaybookNames =
        ["SecurityInfoDeleted-ConfirmCompromised", "SecurityInfoDeleted-Enrich", "SecurityInfoDeleted-RequireMfaReregistration", "SecurityInfoDeleted-RevokeSessions"];

    /// <summary>Copies the repository's playbooks (YAML files, not the samples) and points the targets at them with a secret in a fresh variable.</summary>
    /// <summary>The environment's random key for the secrets' fingerprint (as `openssl rand -base64 32` makes one).</summary>
    private const string FingerprintKey = "q3Jx0lW2pYc7H8kTnV5rB1sD9fG4hZ6mA0eL2uQ8wXo=";

    private static string Arrange(DeployFixture fixture, string? secret = Secret)
    {
        var folder = Path.Combine(fixture.Root, "playbooks");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "playbooks"), "*.yaml"))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        var variable = $"SC_TEST_WEBHOOK_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, secret);
        var key = $"SC_TEST_FINGERPRINT_KEY_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(key, FingerprintKey);
        fixture.WriteTargets($"""
                fingerprintKeyVariable: {key}
                location: West Europe
                tenantId: 72f988bf-86f1-41af-91ab-2d7cd011db47
                playbookParameters:
                  MfaReregistrationGroupId: 6a0e1f52-8d5b-4a39-9c71-3b2f0e4d5a61
                  NotificationMailbox: soc-notify@contoso.example
                playbookSecrets:
                  SocChannelWebhookUrl: {variable}
            """);
        return variable;
    }

    private static string WorkflowId(string name) => PlaybookArm.WorkflowPath(DeployFixture.Scope, name);

    [Fact]
    public async Task Connections_then_playbooks_then_the_automation_rule_are_created_and_an_unchanged_repository_makes_zero_writes()
    {
        await using var fixture = await DeployFixture.StartAsync(pageSize: 3); // 4 workflows, 4 connections: lists must page
        Arrange(fixture);

        var plan = await fixture.PlanAsync();
        Assert.Equal(9, plan.Count(PlanAction.Create));
        Assert.Equal(4, plan.Items.Count(i => i.Kind == ConnectionKind.Instance));
        Assert.Equal(4, plan.Items.Count(i => i.Kind == PlaybookKind.Instance));
        Assert.Single(plan.Items, i => i.Kind == AutomationRuleKind.Instance);

        var order = new ConcurrentQueue<ItemResult>();
        var result = await fixture.ApplyAsync(progress: new SyncProgress<ItemResult>(order.Enqueue));
        Assert.True(result.Succeeded, string.Join("\n", result.Items.Where(i => i.Outcome != ApplyOutcome.Done).Select(i => $"{i.Item.Name}: {i.Error}")));
        var stages = order.Select(r => r.Item.Kind.Stage).ToList();
        Assert.Equal(stages.Order(), stages); // every connection before any workflow, every workflow before the automation rule

        // What ARM holds: the Logic App wired to its managed-identity connection, the rule running the deployed Logic Apps.
        var client = fixture.Client();
        var workflow = (await client.GetAsync(WorkflowId("SecurityInfoDeleted-Enrich"), Token))!;
        Assert.Equal("westeurope", workflow.Body["location"]!.GetValue<string>());
        Assert.Equal("SystemAssigned", workflow.Body["identity"]!["type"]!.GetValue<string>());
        Assert.NotNull(workflow.Body["identity"]!["principalId"]);
        var sentinel = workflow.Properties["parameters"]!["$connections"]!["value"]!["azuresentinel"]!;
        Assert.Equal(PlaybookArm.ConnectionPath(DeployFixture.Scope, "azuresentinel-SecurityInfoDeleted-Enrich"), sentinel["connectionId"]!.GetValue<string>());
        Assert.Equal("ManagedServiceIdentity", sentinel["connectionProperties"]!["authentication"]!["type"]!.GetValue<string>());
        Assert.EndsWith("/providers/Microsoft.Web/locations/westeurope/managedApis/azuresentinel", sentinel["id"]!.GetValue<string>(), StringComparison.Ordinal);

        var connection = (await client.GetAsync(PlaybookArm.ConnectionPath(DeployFixture.Scope, "azuresentinel-SecurityInfoDeleted-Enrich"), Token))!;
        Assert.Equal("Ready", connection.Properties["overallStatus"]!.GetValue<string>()); // parameterValueType Alternative reached ARM

        var rule = (await client.GetAsync(DeployFixture.Scope.ResourcePath("automationRules", AutomationRuleId), Token))!;
        var actions = rule.Properties["actions"]!.AsArray();
        Assert.Equal(
            ["SecurityInfoDeleted-Enrich", "SecurityInfoDeleted-RevokeSessions", "SecurityInfoDeleted-ConfirmCompromised", "SecurityInfoDeleted-RequireMfaReregistration"],
            actions.Select(a => a!["actionConfiguration"]!["logicAppResourceId"]!.GetValue<string>()[(WorkflowId("x").Length - 1)..]));
        Assert.Equal(
            DeployFixture.Scope.ResourcePath("alertRules", "3c1f5d2a-7b84-4e69-9a1d-6f2e8b0c4d17"),
            rule.Properties["triggeringLogic"]!["conditions"]![0]!["conditionProperties"]!["propertyValues"]![0]!.GetValue<string>());

        var records = await client.ListAsync(DeployFixture.Scope.CollectionPath("metadata"), Token);
        Assert.Equal(9, records.Count);
        Assert.Contains(records, r => r.Properties["kind"]!.GetValue<string>() == "Playbook" && r.Properties["parentId"]!.GetValue<string>() == WorkflowId("SecurityInfoDeleted-Enrich"));

        fixture.Emulator.Statistics.Reset();
        var again = await fixture.ApplyAsync();
        Assert.Empty(again.Items);
        Assert.Equal(0, fixture.Emulator.Statistics.WriteRequests); // measured by the server
    }

    [Fact]
    public async Task A_secret_parameter_reaches_ARM_but_never_a_plan_and_a_rotated_secret_is_an_update()
    {
        await using var fixture = await DeployFixture.StartAsync();
        var variable = Arrange(fixture);
        foreach (var format in new[] { "text", "json", "markdown" })
        {
            var (code, output) = Combined(fixture.Root, "deploy", "plan", "--env", "local", "--format", format, "--verbose");
            Assert.Equal(3, code); // changes pending
            Assert.Contains("SecurityInfoDeleted-RequireMfaReregistration", output, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, output, StringComparison.Ordinal);
        }
        var (applied, applyOutput) = Combined(fixture.Root, "deploy", "apply", "--env", "local", "--verbose");
        Assert.Equal(0, applied);
        Assert.DoesNotContain(Secret, applyOutput, StringComparison.Ordinal);

        var id = WorkflowId("SecurityInfoDeleted-RequireMfaReregistration");
        Assert.Contains(Secret, fixture.Emulator.ReadStored(id)!, StringComparison.Ordinal); // sent with the PUT
        var read = (await fixture.Client().GetAsync(id, Token))!;
        Assert.DoesNotContain(Secret, read.Body.ToJsonString(), StringComparison.Ordinal); // ARM never returns it
        Assert.Equal("soc-notify@contoso.example", read.Properties["parameters"]!["NotificationMailbox"]!["value"]!.GetValue<string>());

        Environment.SetEnvironmentVariable(variable, Secret + "-rotated");
        var rotated = await fixture.PlanAsync();
        var update = Assert.Single(rotated.Items, i => i.IsWrite);
        Assert.Equal(PlanAction.Update, update.Action);
        var change = Assert.Single(update.Changes);
        Assert.Equal("tags." + PlaybookParameterValues.FingerprintTag, change.Path);
        Assert.DoesNotContain(Secret, PlanText(rotated), StringComparison.Ordinal);
        Assert.True((await fixture.ApplyAsync()).Succeeded);
        Assert.Contains(Secret + "-rotated", fixture.Emulator.ReadStored(id)!, StringComparison.Ordinal);
        Assert.False((await fixture.PlanAsync()).HasChanges);
    }

    [Fact]
    public async Task S5_the_fingerprint_tag_cannot_be_used_to_test_guesses_without_the_pipelines_key()
    {
        await using var fixture = await DeployFixture.StartAsync();
        Arrange(fixture);
        Assert.True((await fixture.ApplyAsync()).Succeeded);
        var read = (await fixture.Client().GetAsync(WorkflowId("SecurityInfoDeleted-RequireMfaReregistration"), Token))!;
        var tag = read.Body["tags"]![PlaybookParameterValues.FingerprintTag]!.GetValue<string>();
        Assert.Matches("^v2\\.[0-9a-f]{8}\\.[0-9a-f]{32}$", tag);

        // What a reader of the tag could try: the right guess of the secret, with any key but the pipeline's, never matches.
        var guess = new Dictionary<string, string> { ["SocChannelWebhookUrl"] = JsonValue.Create(Secret).ToJsonString() };
        Assert.Equal(tag, PlaybookParameterValues.FingerprintOf(FingerprintKey, "SecurityInfoDeleted-RequireMfaReregistration", guess));
        Assert.NotEqual(tag, PlaybookParameterValues.FingerprintOf("sentinelcontent:SecurityInfoDeleted-RequireMfaReregistration", "SecurityInfoDeleted-RequireMfaReregistration", guess));
        for (var i = 0; i < 1000; i++)
            Assert.NotEqual(tag, PlaybookParameterValues.FingerprintOf(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), "SecurityInfoDeleted-RequireMfaReregistration", guess));
        // The first version's tag (an HMAC keyed with the playbook's name, a public string) is gone.
        var old = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes("sentinelcontent:SecurityInfoDeleted-RequireMfaReregistration"),
            System.Text.Encoding.UTF8.GetBytes("SocChannelWebhookUrl=" + JsonValue.Create(Secret).ToJsonString())))[..16];
        Assert.DoesNotContain(old, read.Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SC0619_a_fingerprint_key_shorter_than_32_characters_is_refused_and_never_printed()
    {
        await using var fixture = await DeployFixture.StartAsync();
        Arrange(fixture);
        var variable = $"SC_TEST_SHORT_KEY_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, "tooshort-0123456789");
        fixture.WriteTargets(System.Text.RegularExpressions.Regex.Replace(fixture.TargetsExtra, "fingerprintKeyVariable: \\w+",
            $"fingerprintKeyVariable: {variable}"));

        var run = CliRun.In(fixture.Root, "deploy", "plan", "--env", "local");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"error SC0619: the fingerprint key in {variable} is 19 characters long; use a random key of at least 32 characters",
            run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("tooshort-0123456789", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task S5_without_a_fingerprint_key_no_tag_is_written_and_the_plan_says_why()
    {
        await using var fixture = await DeployFixture.StartAsync();
        Arrange(fixture);
        fixture.WriteTargets(fixture.TargetsExtra.Replace("fingerprintKeyVariable: SC_TEST_FINGERPRINT_KEY_", "fingerprintKeyVariable: SC_TEST_UNSET_", StringComparison.Ordinal));
        var (code, output) = Combined(fixture.Root, "deploy", "plan", "--env", "local");
        Assert.Equal(3, code);
        Assert.Contains("SC0618", output, StringComparison.Ordinal);
        var (applied, _) = Combined(fixture.Root, "deploy", "apply", "--env", "local");
        Assert.Equal(0, applied);
        var read = (await fixture.Client().GetAsync(WorkflowId("SecurityInfoDeleted-RequireMfaReregistration"), Token))!;
        Assert.Null(read.Body["tags"]?[PlaybookParameterValues.FingerprintTag]);
        Assert.False((await fixture.PlanAsync()).HasChanges);
    }

    [Fact]
    public async Task Prune_deletes_owned_playbooks_and_rules_in_reverse_order_and_leaves_foreign_ones_alone()
    {
        await using var fixture = await DeployFixture.StartAsync();
        Arrange(fixture);
        Assert.True((await fixture.ApplyAsync()).Succeeded);

        // Made in the portal: a Logic App, its connection and an automation rule running it.
        var client = fixture.Client();
        var enrich = (await client.GetAsync(WorkflowId("SecurityInfoDeleted-Enrich"), Token))!;
        var foreignWorkflow = new JsonObject
        {
            ["location"] = "westeurope",
            ["properties"] = new JsonObject { ["state"] = "Enabled", ["definition"] = enrich.Properties["definition"]!.DeepClone() },
        };
        await client.PutAsync(WorkflowId("Portal-Playbook"), foreignWorkflow, null, mustNotExist: true, Token);
        var foreignConnection = new JsonObject
        {
            ["location"] = "westeurope",
            ["properties"] = new JsonObject { ["displayName"] = "portal", ["api"] = new JsonObject { ["id"] = "/subscriptions/x/providers/Microsoft.Web/locations/westeurope/managedApis/office365" } },
        };
        await client.PutAsync(PlaybookArm.ConnectionPath(DeployFixture.Scope, "office365-portal"), foreignConnection, null, mustNotExist: true, Token);
        var foreignRule = (JsonObject)(await client.GetAsync(DeployFixture.Scope.ResourcePath("automationRules", AutomationRuleId), Token))!.Body.DeepClone();
        foreignRule["properties"]!["actions"]![0]!["actionConfiguration"]!["logicAppResourceId"] = WorkflowId("Portal-Playbook");
        var foreignBody = new JsonObject { ["properties"] = foreignRule["properties"]!.DeepClone() };
        await client.PutAsync(DeployFixture.Scope.ResourcePath("automationRules", "0d5e0f43-0000-4000-8000-000000000001"), foreignBody, null, mustNotExist: true, Token);

        // The repository drops the automation rule and one playbook.
        File.Delete(Path.Combine(fixture.Root, "playbooks", "SecurityInfoDeleted.automation.yaml"));
        File.Delete(Path.Combine(fixture.Root, "playbooks", "SecurityInfoDeleted-Enrich.yaml"));
        File.Delete(Path.Combine(fixture.Root, "playbooks", "SecurityInfoDeleted-Enrich.tests.yaml"));

        var withoutPrune = await fixture.PlanAsync();
        Assert.False(withoutPrune.HasChanges);
        var plan = await fixture.PlanAsync(prune: true);
        Assert.Equal(
            ["automationRules/" + AutomationRuleId, "connections/azuresentinel-SecurityInfoDeleted-Enrich", "workflows/SecurityInfoDeleted-Enrich"],
            plan.Items.Where(i => i.IsWrite).Select(i => $"{i.Kind.Collection}/{i.Name}").Order(StringComparer.Ordinal));
        Assert.Contains(plan.Kept, k => k.Name == "Portal-Playbook" && k.Reason == "not deployed by this repository");
        Assert.Contains(plan.Kept, k => k.Name == "office365-portal");
        Assert.Contains(plan.Kept, k => k.Name == "0d5e0f43-0000-4000-8000-000000000001");

        var order = new ConcurrentQueue<ItemResult>();
        var result = await fixture.ApplyAsync(prune: true, progress: new SyncProgress<ItemResult>(order.Enqueue));
        Assert.True(result.Succeeded, string.Join("\n", result.Items.Where(i => i.Outcome != ApplyOutcome.Done).Select(i => $"{i.Item.Name}: {i.Error}")));
        Assert.Equal([2, 1, 0], order.Select(r => r.Item.Kind.Stage)); // the rule before the Logic App before its connection

        Assert.Null(await client.GetAsync(WorkflowId("SecurityInfoDeleted-Enrich"), Token));
        Assert.NotNull(await client.GetAsync(WorkflowId("Portal-Playbook"), Token));
        Assert.NotNull(await client.GetAsync(PlaybookArm.ConnectionPath(DeployFixture.Scope, "office365-portal"), Token));
        Assert.NotNull(await client.GetAsync(DeployFixture.Scope.ResourcePath("automationRules", "0d5e0f43-0000-4000-8000-000000000001"), Token));
        Assert.NotNull(await client.GetAsync(WorkflowId("SecurityInfoDeleted-RevokeSessions"), Token));
        Assert.False((await fixture.PlanAsync(prune: true)).HasChanges);
    }

    [Fact]
    public async Task Exported_playbooks_and_automation_rules_plan_as_unchanged()
    {
        await using var fixture = await DeployFixture.StartAsync();
        Arrange(fixture);
        Assert.True((await fixture.ApplyAsync()).Succeeded);

        // Adopt the workspace into an empty repository: export, then plan.
        Directory.Delete(Path.Combine(fixture.Root, "playbooks"), recursive: true);
        var session = fixture.Session();
        var written = new List<string>();
        foreach (var kind in new IContentKind[] { PlaybookKind.Instance, ConnectionKind.Instance, AutomationRuleKind.Instance })
        {
            foreach (var resource in await session.Client.ListAsync(kind.CollectionPath(DeployFixture.Scope), Token))
            {
                foreach (var file in kind.Export(resource, session.Environment))
                {
                    var path = Path.Combine(fixture.Root, file.RelativePath);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllText(path, file.Content);
                    written.Add(file.RelativePath.Replace('\\', '/'));
                }
            }
        }
        Assert.Equal(5, written.Count); // four playbooks and the automation rule; connections come with their playbooks
        Assert.Contains(written, w => w.EndsWith(".automation.yaml", StringComparison.Ordinal));
        var exported = File.ReadAllText(Path.Combine(fixture.Root, "playbooks", "exported", "SecurityInfoDeleted-RequireMfaReregistration.yaml"));
        Assert.DoesNotContain(Secret, exported, StringComparison.Ordinal);
        Assert.Contains("[parameters('SocChannelWebhookUrl')]", exported, StringComparison.Ordinal);

        var plan = await fixture.PlanAsync();
        Assert.False(plan.HasChanges, PlanText(plan));
        Assert.Equal(9, plan.Count(PlanAction.Unchanged));
    }

    [Fact]
    public async Task With_a_fifth_of_requests_failing_playbooks_and_automation_rules_converge_to_exactly_the_plan()
    {
        var faults = new FaultOptions { FailureRate = 0.2, RetryAfter = TimeSpan.FromMilliseconds(20), Seed = 4321 };
        await using var fixture = await DeployFixture.StartAsync(faults, pageSize: 2);
        Arrange(fixture);
        Emulator.Samples.SampleRepository.WriteRules(fixture.Root, 20);

        var plan = await fixture.PlanAsync();
        Assert.Equal(29, plan.Count(PlanAction.Create));
        var result = await fixture.ApplyAsync();
        Assert.True(fixture.Emulator.Statistics.Faults > 5, $"only {fixture.Emulator.Statistics.Faults} faults were injected");
        Assert.True(result.Succeeded, string.Join("\n", result.Items.Where(i => i.Outcome != ApplyOutcome.Done).Select(i => $"{i.Item.Name}: {i.Error}")));

        await fixture.RestartAsync();
        var after = await fixture.PlanAsync();
        Assert.False(after.HasChanges, PlanText(after));
        Assert.Equal(29, after.Count(PlanAction.Unchanged));
        var client = fixture.Client();
        var workflows = await client.ListAsync(PlaybookArm.WorkflowsPath(DeployFixture.Scope), Token);
        Assert.Equal(PlaybookNames, workflows.Select(w => w.Name).Order(StringComparer.Ordinal));
        Assert.Equal(4, (await client.ListAsync(PlaybookArm.ConnectionsPath(DeployFixture.Scope), Token)).Count);
        Assert.Single(await client.ListAsync(DeployFixture.Scope.CollectionPath("automationRules"), Token));
        Assert.Equal(29, (await client.ListAsync(DeployFixture.Scope.CollectionPath("metadata"), Token)).Count);
    }

    [Fact]
    public async Task A_deploy_killed_between_the_playbooks_and_the_automation_rule_converges_when_run_again()
    {
        await using var fixture = await DeployFixture.StartAsync(new FaultOptions { Latency = TimeSpan.FromMilliseconds(5) });
        Arrange(fixture);

        // Killed once the last Logic App is written: the automation rule (stage 2) never starts.
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var workflows = 0;
        var progress = new SyncProgress<ItemResult>(r => { if (r.Item.Kind == PlaybookKind.Instance && Interlocked.Increment(ref workflows) == 4) kill.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.ApplyAsync(progress: progress, cancellationToken: kill.Token));

        var remaining = await fixture.PlanAsync();
        Assert.Equal(["automationRules/" + AutomationRuleId], remaining.Items.Where(i => i.IsWrite).Select(i => $"{i.Kind.Collection}/{i.Name}"));
        Assert.True((await fixture.ApplyAsync()).Succeeded);
        var final = await fixture.PlanAsync();
        Assert.False(final.HasChanges, PlanText(final));
        Assert.Equal(9, final.Count(PlanAction.Unchanged));
    }

    private static (int Code, string Output) Combined(string directory, params string[] args)
    {
        var run = CliRun.In(directory, args);
        return (run.ExitCode, run.All);
    }

    private static string PlanText(DeploymentPlan plan) =>
        string.Join("\n", plan.Items.Select(i => $"{i.Action} {i.Kind.Noun} {i.Name}: " + string.Join("; ", i.Changes.Select(c => $"{c.Path}: {c.Before?.ToJsonString()} -> {c.After?.ToJsonString()}"))));
}
