using System.Text.Json.Nodes;
using SentinelContent.Deploy.Apply;
using SentinelContent.Deploy.Planning;
using SentinelContent.Emulator;
using SentinelContent.Emulator.Samples;

namespace SentinelContent.Deploy.Tests;

/// <summary>Plan and apply against the emulator: the acceptance points of safety, idempotence and robustness.</summary>
public sealed class DeployTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task First_apply_creates_everything_and_an_unchanged_repository_makes_zero_writes()
    {
        await using var fixture = await DeployFixture.StartAsync(pageSize: 7); // small pages: listing must follow nextLink
        SampleRepository.WriteRules(fixture.Root, 20);

        var plan = await fixture.PlanAsync();
        Assert.Equal(20, plan.Count(PlanAction.Create));

        var result = await fixture.ApplyAsync();
        Assert.True(result.Succeeded);
        Assert.Equal(20, result.Count(ApplyOutcome.Done));

        fixture.Emulator.Statistics.Reset();
        var again = await fixture.ApplyAsync();
        Assert.Empty(again.Items);
        Assert.Equal(0, again.WriteRequests);
        Assert.Equal(0, fixture.Emulator.Statistics.WriteRequests); // measured by the server, not the client
        Assert.True(fixture.Emulator.Statistics.Requests >= 6); // 20 rules + 20 records in pages of 7: 3 + 3 pages at least

        var stored = await fixture.Client().ListAsync(DeployFixture.Scope.CollectionPath("alertRules"), Token);
        Assert.Equal(20, stored.Count);
    }

    [Fact]
    public async Task A_changed_rule_is_an_update_with_field_level_changes()
    {
        await using var fixture = await DeployFixture.StartAsync();
        SampleRepository.WriteRules(fixture.Root, 3);
        Assert.True((await fixture.ApplyAsync()).Succeeded);

        var path = Path.Combine(fixture.Root, "analytics-rules", "generated", "rule-0001.yaml");
        File.WriteAllText(path, SampleRepository.Rule(1, revision: 2));
        var plan = await fixture.PlanAsync();

        var update = Assert.Single(plan.Items, i => i.IsWrite);
        Assert.Equal(PlanAction.Update, update.Action);
        Assert.False(update.Drift);
        var change = Assert.Single(update.Changes);
        Assert.Equal("properties.triggerThreshold", change.Path);
        Assert.Equal(1, change.Before!.GetValue<int>());
        Assert.Equal(3, change.After!.GetValue<int>());
        Assert.Equal(2, plan.Count(PlanAction.Unchanged));
    }

    [Fact]
    public async Task A_change_made_in_the_portal_is_reported_as_drift_and_apply_restores_the_repository()
    {
        await using var fixture = await DeployFixture.StartAsync();
        SampleRepository.WriteRules(fixture.Root, 2);
        Assert.True((await fixture.ApplyAsync()).Succeeded);

        var client = fixture.Client();
        var path = DeployFixture.Scope.ResourcePath("alertRules", SampleRepository.RuleId(0));
        var rule = (await client.GetAsync(path, Token))!;
        var body = new JsonObject { ["kind"] = rule.Kind, ["properties"] = rule.Properties.DeepClone() };
        body["properties"]!["severity"] = "Informational";
        body["properties"]!["enabled"] = false;
        await client.PutAsync(path, body, rule.ETag, mustNotExist: false, Token);

        var plan = await fixture.PlanAsync();
        var drifted = Assert.Single(plan.Items, i => i.IsWrite);
        Assert.True(drifted.Drift);
        Assert.Equal(["properties.enabled", "properties.severity"], drifted.Changes.Select(c => c.Path));

        Assert.True((await fixture.ApplyAsync()).Succeeded);
        Assert.False((await fixture.PlanAsync()).HasChanges);
    }

    [Fact]
    public async Task Prune_deletes_only_what_this_repository_deployed_and_never_foreign_or_protected_rules()
    {
        await using var fixture = await DeployFixture.StartAsync();
        SampleRepository.WriteRules(fixture.Root, 6);
        Assert.True((await fixture.ApplyAsync()).Succeeded);

        // Foreign rules: one made in the portal (no ownership record), one deployed by another repository.
        var client = fixture.Client();
        var portal = "aaaaaaaa-0000-0000-0000-000000000001";
        var other = "bbbbbbbb-0000-0000-0000-000000000002";
        var ruleBody = JsonNode.Parse(ForeignRule)!.AsObject();
        await client.PutAsync(DeployFixture.Scope.ResourcePath("alertRules", portal), (JsonObject)ruleBody.DeepClone(), null, true, Token);
        await client.PutAsync(DeployFixture.Scope.ResourcePath("alertRules", other), (JsonObject)ruleBody.DeepClone(), null, true, Token);
        await client.PutAsync(DeployFixture.Scope.ResourcePath("metadata", "alertrules-" + other), new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["contentId"] = other,
                ["parentId"] = DeployFixture.Scope.ResourcePath("alertRules", other),
                ["kind"] = "AnalyticsRule",
                ["source"] = new JsonObject { ["kind"] = "SourceRepository", ["name"] = "another-repository" },
            },
        }, null, false, Token);

        // Remove three of our rules from the repository; protect one of them.
        foreach (var n in new[] { 0, 1, 2 }) File.Delete(Path.Combine(fixture.Root, "analytics-rules", "generated", $"rule-{n:D4}.yaml"));
        fixture.WriteTargets($"    protect:\n      - {SampleRepository.RuleId(2)}");

        var withoutPrune = await fixture.PlanAsync(prune: false);
        Assert.False(withoutPrune.HasChanges);

        var plan = await fixture.PlanAsync(prune: true);
        Assert.Equal(new[] { SampleRepository.RuleId(0), SampleRepository.RuleId(1) }.Order(), plan.Items.Where(i => i.Action == PlanAction.Delete).Select(i => i.Name).Order());
        Assert.Contains(plan.Kept, k => k.Name == portal && k.Reason.StartsWith("not deployed", StringComparison.Ordinal));
        Assert.Contains(plan.Kept, k => k.Name == other && k.Reason.StartsWith("not deployed", StringComparison.Ordinal));
        Assert.Contains(plan.Kept, k => k.Name == SampleRepository.RuleId(2) && k.Reason.Contains("protected", StringComparison.Ordinal));

        var before = await client.ListAsync(DeployFixture.Scope.CollectionPath("alertRules"), Token);
        Assert.True((await fixture.ApplyAsync(prune: true)).Succeeded);
        var after = await client.ListAsync(DeployFixture.Scope.CollectionPath("alertRules"), Token);

        Assert.Equal(before.Count - 2, after.Count);
        foreach (var kept in new[] { portal, other, SampleRepository.RuleId(2) })
            Assert.Equal(before.Single(r => r.Name == kept).ETag, after.Single(r => r.Name == kept).ETag); // untouched, not even rewritten
        Assert.DoesNotContain(after, r => r.Name == SampleRepository.RuleId(0) || r.Name == SampleRepository.RuleId(1));
        var records = await client.ListAsync(DeployFixture.Scope.CollectionPath("metadata"), Token);
        Assert.DoesNotContain(records, m => m.Name.EndsWith(SampleRepository.RuleId(0), StringComparison.Ordinal));
        Assert.Contains(records, m => m.Name == "alertrules-" + other);
        Assert.False((await fixture.PlanAsync(prune: true)).HasChanges);
    }

    [Fact]
    public async Task With_a_fifth_of_requests_failing_a_deploy_converges_to_exactly_the_plan()
    {
        var faults = new FaultOptions { FailureRate = 0.2, RetryAfter = TimeSpan.FromMilliseconds(20), Seed = 1234 };
        await using var fixture = await DeployFixture.StartAsync(faults, pageSize: 25);
        SampleRepository.WriteRules(fixture.Root, 80);
        Directory.CreateDirectory(Path.Combine(fixture.Root, "watchlists"));
        File.WriteAllText(Path.Combine(fixture.Root, "watchlists", "Servers.yaml"), "displayName: Servers\nitemsSearchKey: Host\n");
        File.WriteAllText(Path.Combine(fixture.Root, "watchlists", "Servers.csv"), "Host,Owner\nsrv1,ops\nsrv2,dba\n");

        var plan = await fixture.PlanAsync();
        Assert.Equal(81, plan.Count(PlanAction.Create));
        var result = await fixture.ApplyAsync();

        Assert.True(fixture.Emulator.Statistics.Faults > 20, $"only {fixture.Emulator.Statistics.Faults} faults were injected");
        Assert.True(result.Succeeded, string.Join("\n", result.Items.Where(i => i.Outcome != ApplyOutcome.Done).Select(i => $"{i.Item.Name}: {i.Error}")));

        // Read back without faults: exactly the plan's content, and nothing left to do.
        await fixture.RestartAsync();
        var after = await fixture.PlanAsync();
        Assert.False(after.HasChanges, PlanText(after));
        Assert.Equal(81, after.Count(PlanAction.Unchanged));
        var stored = await fixture.Client().ListAsync(DeployFixture.Scope.CollectionPath("alertRules"), Token);
        var watchlists = await fixture.Client().ListAsync(DeployFixture.Scope.CollectionPath("watchlists"), Token);
        Assert.Equal(plan.Items.Select(i => i.Name).Order(), stored.Concat(watchlists).Select(s => s.Name).Order());
        var records = await fixture.Client().ListAsync(DeployFixture.Scope.CollectionPath("metadata"), Token);
        Assert.Equal(81, records.Count); // one ownership record per item, no duplicates from retried writes
    }

    [Fact]
    public async Task A_deploy_killed_halfway_converges_when_run_again()
    {
        await using var fixture = await DeployFixture.StartAsync(new FaultOptions { Latency = TimeSpan.FromMilliseconds(5) });
        SampleRepository.WriteRules(fixture.Root, 60);

        using var kill = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var done = 0;
        var progress = new SyncProgress<ItemResult>(_ => { if (Interlocked.Increment(ref done) == 30) kill.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.ApplyAsync(parallelism: 4, progress: progress, cancellationToken: kill.Token));

        var remaining = await fixture.PlanAsync();
        Assert.True(remaining.HasChanges);
        Assert.True(remaining.Count(PlanAction.Unchanged) >= 30, PlanText(remaining));

        var rerun = await fixture.ApplyAsync();
        Assert.True(rerun.Succeeded);
        var final = await fixture.PlanAsync();
        Assert.False(final.HasChanges);
        Assert.Equal(60, final.Count(PlanAction.Unchanged));
    }

    [Fact]
    public async Task A_write_refused_for_a_stale_etag_is_a_conflict_and_overwrites_nothing()
    {
        await using var fixture = await DeployFixture.StartAsync();
        SampleRepository.WriteRules(fixture.Root, 1);
        Assert.True((await fixture.ApplyAsync()).Succeeded);
        File.WriteAllText(Path.Combine(fixture.Root, "analytics-rules", "generated", "rule-0000.yaml"), SampleRepository.Rule(0, revision: 1));

        var session = fixture.Session();
        var plan = await fixture.PlanAsync(session: session);
        // Someone edits the rule in the portal between plan and apply.
        var client = fixture.Client();
        var path = DeployFixture.Scope.ResourcePath("alertRules", SampleRepository.RuleId(0));
        var rule = (await client.GetAsync(path, Token))!;
        var body = new JsonObject { ["kind"] = rule.Kind, ["properties"] = rule.Properties.DeepClone() };
        body["properties"]!["displayName"] = "Edited in the portal";
        await client.PutAsync(path, body, rule.ETag, false, Token);

        var result = await session.CreateApplier(2).ApplyAsync(plan, null, Token);
        Assert.Equal(ApplyOutcome.Conflict, Assert.Single(result.Items).Outcome);
        Assert.Equal("Edited in the portal", (await client.GetAsync(path, Token))!.Properties["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Environment_overrides_disable_rules()
    {
        await using var fixture = await DeployFixture.StartAsync();
        SampleRepository.WriteRules(fixture.Root, 3);
        fixture.WriteTargets($"    disabledRules:\n      - {SampleRepository.RuleId(1)}");
        var plan = await fixture.PlanAsync();
        var enabled = plan.Items.ToDictionary(i => i.Name, i => i.Desired!.Body["properties"]!["enabled"]!.GetValue<bool>());
        Assert.False(enabled[SampleRepository.RuleId(1)]);
        Assert.True(enabled[SampleRepository.RuleId(0)]);

        fixture.WriteTargets("    disableAllRules: true");
        plan = await fixture.PlanAsync();
        Assert.All(plan.Items, i => Assert.False(i.Desired!.Body["properties"]!["enabled"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task SC0605_a_disabled_rule_id_that_matches_no_rule_is_a_warning()
    {
        await using var fixture = await DeployFixture.StartAsync();
        SampleRepository.WriteRules(fixture.Root, 1);
        const string Typo = "00000000-0000-4000-8000-00000000dead";
        fixture.WriteTargets($"    disabledRules:\n      - {Typo}");

        var run = TestSupport.Cli.CliRun.In(fixture.Root, "deploy", "plan", "--env", "local");

        Assert.True(run.ExitCode == 3, run.All); // the warning does not stop the plan: one rule to create
        Assert.Contains($"warning SC0605: the rule id '{Typo}' in disabledRules of 'local' matches no rule in the repository", run.All,
            StringComparison.Ordinal);
    }

    internal const string ForeignRule = """
        {"kind":"Scheduled","properties":{"displayName":"Made elsewhere","description":"not ours","severity":"Low","enabled":true,
         "query":"SecurityEvent | take 1","queryFrequency":"PT1H","queryPeriod":"PT1H","triggerOperator":"GreaterThan","triggerThreshold":0,
         "suppressionEnabled":false,"suppressionDuration":"PT5H"}}
        """;

    private static string PlanText(DeploymentPlan plan) =>
        string.Join("\n", plan.Items.Where(i => i.IsWrite).Select(i => $"{i.Action} {i.Name} {string.Join(",", i.Changes.Select(c => c.Path))}"));
}
