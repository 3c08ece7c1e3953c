using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Deploy.Arm;
using SentinelContent.Emulator;
using SentinelContent.Emulator.Samples;
using SentinelContent.TestSupport.Cli;

namespace SentinelContent.Deploy.Tests;

/// <summary>
/// Issue 24's findings about deploy and export, each reproduced with its original input: names from a hostile
/// workspace (S1, S4), the --targets trap (D5), mass deletes, Retry-After (D9), an unreachable endpoint (D12).
/// </summary>
public sealed class HardeningDeployTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static JsonObject Rule(string displayName, string? description = "Hostile workspace content.")
    {
        var properties = new JsonObject
        {
            ["displayName"] = displayName, ["severity"] = "Low", ["enabled"] = true, ["query"] = "Heartbeat | take 1",
            ["queryFrequency"] = "PT1H", ["queryPeriod"] = "PT1H", ["triggerOperator"] = "GreaterThan", ["triggerThreshold"] = 0,
            ["suppressionEnabled"] = false, ["suppressionDuration"] = "PT5H",
        };
        if (description is not null) properties["description"] = description;
        return new JsonObject { ["kind"] = "Scheduled", ["properties"] = properties };
    }

    private static JsonObject Watchlist(string alias) => new()
    {
        ["properties"] = new JsonObject
        {
            ["watchlistAlias"] = alias, ["displayName"] = "x", ["provider"] = "p", ["itemsSearchKey"] = "k",
            ["contentType"] = "text/csv", ["numberOfLinesToSkip"] = 0, ["rawContent"] = "k\nroot:x:0:0\n",
        },
    };

    /// <summary>Every file under <paramref name="folder"/>, so a test can show nothing was written anywhere else.</summary>
    private static HashSet<string> FilesUnder(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)];

    [Fact]
    public async Task S1_export_never_writes_outside_the_repository_whatever_the_workspace_names()
    {
        await using var fixture = await DeployFixture.StartAsync();
        var client = fixture.Client();
        var outside = Path.Combine(Path.GetDirectoryName(fixture.Root)!, "outside");
        // The finding's names, sent URL-encoded (%2F) in the PUT as the finding did; a display name without letters made the raw name the file name.
        foreach (var name in new[] { "../../../../outside/x", "/tmp/sc-absolute-x", "x\\..\\..\\y", "CON" })
            await client.PutAsync(DeployFixture.Scope.ResourcePath("alertRules", name), Rule("!!!"), null, true, Token);
        await client.PutAsync(DeployFixture.Scope.ResourcePath("watchlists", "../../../../outside/x"), Watchlist("../../../../outside/x"), null, true, Token);
        await client.PutAsync(DeployFixture.Scope.ResourcePath("watchlists", "/tmp/sc-absolute-w"), Watchlist("/tmp/sc-absolute-w"), null, true, Token);

        var run = CliRun.In(fixture.Root, "export", "--env", "local", "--kind", "rule", "--kind", "watchlist");
        Assert.True(run.ExitCode == 0, run.All);

        Assert.False(Directory.Exists(outside));
        Assert.False(File.Exists("/tmp/sc-absolute-x.yaml") || File.Exists("/tmp/sc-absolute-w.csv"));
        // The rules are exported under sanitised names, in their folder; the watchlists (whose alias is their file name) are refused.
        var rules = Directory.GetFiles(Path.Combine(fixture.Root, "analytics-rules", "exported"));
        Assert.True(rules.Length == 4, run.All);
        Assert.All(rules, f => Assert.Matches("^[A-Za-z0-9_][A-Za-z0-9_.-]*\\.yaml$", Path.GetFileName(f)));
        Assert.False(Directory.Exists(Path.Combine(fixture.Root, "watchlists")));
        Assert.Equal(2, run.Error.Split('\n').Count(l => l.StartsWith("skipped watchlist", StringComparison.Ordinal)));
        Assert.Contains("cannot be a file name", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task S1_export_refuses_a_folder_that_is_a_symbolic_link_out_of_the_repository()
    {
        await using var fixture = await DeployFixture.StartAsync();
        var outside = Directory.CreateTempSubdirectory("sc-export-outside-").FullName;
        try
        {
            Directory.CreateSymbolicLink(Path.Combine(fixture.Root, "analytics-rules", "exported"), outside);
            await fixture.Client().PutAsync(DeployFixture.Scope.ResourcePath("alertRules", "0f6a7c39-1b52-4c56-a1a5-4c3e1d9c0b01"), Rule("Plain rule"), null, true, Token);
            var run = CliRun.In(fixture.Root, "export", "--env", "local", "--kind", "rule");
            Assert.Empty(Directory.GetFiles(outside));
            Assert.Contains("symbolic link that leads outside", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task S4_hostile_display_names_are_shown_escaped_in_the_text_plan_never_sent_to_the_terminal()
    {
        await using var fixture = await DeployFixture.StartAsync();
        var hostile = "evil\u001b[2J\u001b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\u0007\rOK: all clear\u009b31m\u202e";
        await fixture.Client().PutAsync(DeployFixture.Scope.ResourcePath("alertRules", "0f6a7c39-1b52-4c56-a1a5-4c3e1d9c0c01"), Rule(hostile), null, true, Token);
        SampleRepository.WriteRules(fixture.Root, 1);

        foreach (var format in new[] { "text", "markdown" })
        {
            var run = CliRun.In(fixture.Root, "deploy", "plan", "--env", "local", "--prune", "--format", format);
            Assert.True(run.ExitCode == 3, run.All);
            foreach (var c in new[] { '\u001b', '\u0007', '\r', '\u009b', '\u202e' }) Assert.DoesNotContain(c, run.Out);
            if (format == "text") Assert.Contains("evil\\x1b[2J\\x1b]52;c;", run.Out, StringComparison.Ordinal);
        }
        // The JSON contract keeps the exact value (JSON escapes control characters itself).
        var json = CliRun.In(fixture.Root, "deploy", "plan", "--env", "local", "--prune", "--format", "json");
        Assert.Contains(JsonNode.Parse(json.Out)!["kept"]!.AsArray(), k => k!["displayName"]!.GetValue<string>() == hostile);
    }

    [Fact]
    public async Task D5_targets_elsewhere_is_refused_and_a_plan_that_would_delete_everything_stops()
    {
        await using var fixture = await DeployFixture.StartAsync();
        SampleRepository.WriteRules(fixture.Root, 5);
        Assert.Equal(0, CliRun.In(fixture.Root, "deploy", "apply", "--env", "local").ExitCode);
        var elsewhere = Directory.CreateTempSubdirectory("sc-elsewhere-").FullName;
        try
        {
            var targets = Path.Combine(fixture.Root, "sentinel.yaml");
            // The finding: run from another folder with --targets, the folder of the targets file became the repository...
            var trap = CliRun.In(elsewhere, "deploy", "plan", "--env", "local", "--prune", "--targets", targets);
            Assert.Equal(2, trap.ExitCode);
            Assert.Contains("--repository", trap.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("delete", trap.Out, StringComparison.Ordinal);

            // ...and naming an empty repository explicitly plans to delete all five: the mass-delete guard stops it.
            fixture.Emulator.Statistics.Reset();
            var empty = CliRun.In(elsewhere, "deploy", "apply", "--env", "local", "--prune", "--targets", targets, "--repository",
                elsewhere);
            Assert.Equal(1, empty.ExitCode);
            Assert.Contains("deletes 5 of the 5 item(s)", empty.Error, StringComparison.Ordinal);
            Assert.Contains("--allow-mass-delete", empty.Error, StringComparison.Ordinal);
            Assert.Equal(0, fixture.Emulator.Statistics.WriteRequests);

            var plan = CliRun.In(elsewhere, "deploy", "plan", "--env", "local", "--prune", "--targets", targets, "--repository", elsewhere);
            Assert.Equal(1, plan.ExitCode);
            Assert.Contains("- delete", plan.Out, StringComparison.Ordinal); // the plan is still shown
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public async Task Mass_delete_threshold_is_configurable_and_allow_mass_delete_goes_ahead()
    {
        await using var fixture = await DeployFixture.StartAsync();
        SampleRepository.WriteRules(fixture.Root, 5);
        Assert.Equal(0, CliRun.In(fixture.Root, "deploy", "apply", "--env", "local").ExitCode);
        foreach (var i in new[] { 1, 2 }) File.Delete(Path.Combine(fixture.Root, "analytics-rules", "generated", $"rule-{i:D4}.yaml"));

        // 2 of 5 = 40% > 20%.
        Assert.Equal(1, CliRun.In(fixture.Root, "deploy", "apply", "--env", "local", "--prune").ExitCode);
        Assert.Equal(3, CliRun.In(fixture.Root, "deploy", "plan", "--env", "local", "--prune", "--mass-delete-threshold", "40").ExitCode);
        fixture.WriteTargets("    massDeleteThreshold: 50");
        Assert.Equal(3, CliRun.In(fixture.Root, "deploy", "plan", "--env", "local", "--prune").ExitCode);
        fixture.WriteTargets(string.Empty);
        var applied = CliRun.In(fixture.Root, "deploy", "apply", "--env", "local", "--prune", "--allow-mass-delete");
        Assert.True(applied.ExitCode == 0, applied.All);
        Assert.Contains("going ahead", applied.Error, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.In(fixture.Root, "deploy", "plan", "--env", "local", "--prune").ExitCode);
    }

    [Fact]
    public async Task D9_retry_after_3600_is_capped_and_each_wait_is_announced()
    {
        // Every third request is throttled with Retry-After: 3600; the deploy still finishes, each wait cut to the cap.
        await using var fixture = await DeployFixture.StartAsync(new FaultOptions { FailureRate = 0.3, ThrottleWeight = 1, InternalErrorWeight = 0, UnavailableWeight = 0, ResetBeforeWeight = 0, ResetAfterWeight = 0, RetryAfter = TimeSpan.FromSeconds(3600), Seed = 7 });
        SampleRepository.WriteRules(fixture.Root, 4);
        var notices = new List<RetryNotice>();
        var observer = new RecordingObserver(notices);
        var settings = DeployFixture.FastRetries with { MaxRetryAfter = TimeSpan.FromMilliseconds(300), Observer = observer };
        var clock = Stopwatch.StartNew();
        var session = fixture.Session(settings);
        var plan = await fixture.PlanAsync(session: session);
        var result = await session.CreateApplier().ApplyAsync(plan, null, Token);
        Assert.True(result.Succeeded);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"took {clock.Elapsed}");
        Assert.NotEmpty(notices);
        Assert.All(notices, n =>
        {
            Assert.Equal(TimeSpan.FromMilliseconds(300), n.Delay);
            Assert.Equal(TimeSpan.FromSeconds(3600), n.RequestedDelay);
            Assert.Contains("429", n.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void D9_the_countdown_says_what_the_service_asked_for_and_what_is_waited()
    {
        var error = new StringWriter();
        var countdown = new RetryCountdown(new CliContext(TextWriter.Null, error, ".", OutputIsTerminal: false));
        var notice = new RetryNotice("management.azure.com", "HTTP 429, throttled", 2, 9, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(3600));
        countdown.Waiting(notice, TimeSpan.FromSeconds(60));
        countdown.Waiting(notice, TimeSpan.FromSeconds(59)); // a pipe gets one line per wait, not one per second
        Assert.Equal("management.azure.com: HTTP 429, throttled; retrying in 60 s (attempt 2 of 9; the service asked for 3600 s, capped)" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public void D12_an_endpoint_that_refuses_connections_fails_within_seconds_with_one_line_that_says_what_to_do()
    {
        var root = Directory.CreateTempSubdirectory("sc-unreachable-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "analytics-rules"));
            SampleRepository.WriteTargets(root, new Uri($"http://127.0.0.1:{ClosedPort()}"));
            foreach (var args in new[] { new[] { "deploy", "plan", "--env", "local" }, ["deploy", "apply", "--env", "local"], ["export", "--env", "local"] })
            {
                var clock = Stopwatch.StartNew();
                var run = CliRun.In(root, args);
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{string.Join(' ', args)} took {clock.Elapsed}");
                Assert.Equal(4, run.ExitCode);
                var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
                Assert.Matches(@"^error: cannot reach http://127\.0\.0\.1:\d+ \(connection refused\); is the local emulator running\? Start it with `sentinelctl emulator", line);
                foreach (var sdk in new[] { "ClientOptions", "Retry failed", "RequestFailedException", "Azure.Core", "AggregateException" })
                    Assert.DoesNotContain(sdk, run.All, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task D12_a_name_that_does_not_resolve_fails_within_seconds()
    {
        var client = ArmConnection.Create(new Uri("https://sentinelctl-unresolvable.invalid"), new StaticToken(), new ArmConnectionSettings());
        var clock = Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<EndpointUnreachableException>(() => client.ListAsync(DeployFixture.Scope.CollectionPath("alertRules"), Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.StartsWith("cannot reach https://sentinelctl-unresolvable.invalid (", refused.Message, StringComparison.Ordinal);
        Assert.Contains("endpoint:", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>A loopback port nothing listens on.</summary>
    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class RecordingObserver(List<RetryNotice> notices) : IRetryObserver
    {
        public void Waiting(RetryNotice notice, TimeSpan remaining)
        {
            lock (notices)
            {
                if (!notices.Contains(notice)) notices.Add(notice);
            }
        }
    }

    private sealed class StaticToken : Azure.Core.TokenCredential
    {
        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) => new("t", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) => new(GetToken(requestContext, cancellationToken));
    }
}
