using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SentinelContent.Deploy.Arm;
using SentinelContent.Emulator;

namespace SentinelContent.Deploy.Tests;

/// <summary>The emulator behaves as ARM does, checked over plain HTTP (no deployer code in the way).</summary>
public sealed class EmulatorTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly string RulePath = DeployFixture.Scope.ResourcePath("alertRules", "11111111-2222-3333-4444-555555555555");

    private static HttpClient Http(EmulatorServer server, string? token = EmulatorOptions.DefaultDevToken)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonObject> ErrorOf(HttpResponseMessage response) =>
        (JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!["error"] as JsonObject)!;

    [Fact]
    public void The_development_token_is_the_same_on_both_sides() =>
        Assert.Equal(EmulatorOptions.DefaultDevToken, DevelopmentCredential.Token);

    [Fact]
    public void The_emulator_accepts_exactly_the_pinned_api_versions()
    {
        var accepted = new EmulatorOptions { DatabasePath = "unused" }.ApiVersions;
        Assert.Equal(ArmApiVersions.ByProvider.Keys.Order(StringComparer.OrdinalIgnoreCase), accepted.Keys.Order(StringComparer.OrdinalIgnoreCase));
        foreach (var (provider, version) in ArmApiVersions.ByProvider) Assert.Equal([version], accepted[provider]);
    }

    [Fact]
    public async Task Requests_without_a_bearer_token_are_refused_with_401()
    {
        await using var fixture = await DeployFixture.StartAsync();
        using var anonymous = Http(fixture.Emulator, token: null);
        var response = await anonymous.GetAsync(RulePath + "?api-version=2024-09-01", Token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("AuthenticationFailed", (await ErrorOf(response))["code"]!.GetValue<string>());

        using var wrong = Http(fixture.Emulator, token: "not-the-token");
        response = await wrong.GetAsync(RulePath + "?api-version=2024-09-01", Token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("not-the-token", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_version_is_required_and_must_be_supported()
    {
        await using var fixture = await DeployFixture.StartAsync();
        using var http = Http(fixture.Emulator);
        var response = await http.GetAsync(RulePath, Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MissingApiVersionParameter", (await ErrorOf(response))["code"]!.GetValue<string>());

        response = await http.GetAsync(RulePath + "?api-version=2019-01-01-preview", Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidApiVersionParameter", (await ErrorOf(response))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Put_creates_then_updates_with_etags_and_refuses_a_stale_etag_with_412()
    {
        await using var fixture = await DeployFixture.StartAsync();
        using var http = Http(fixture.Emulator);
        var url = RulePath + "?api-version=2024-09-01";

        var created = await http.PutAsync(url, Json(DeployTests.ForeignRule), Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var etag = created.Headers.ETag!.ToString();
        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync(Token))!;
        Assert.Equal(etag, body["etag"]!.GetValue<string>());
        Assert.Equal("Microsoft.SecurityInsights/alertRules", body["type"]!.GetValue<string>());
        Assert.Equal(RulePath, body["id"]!.GetValue<string>());

        var createAgain = new HttpRequestMessage(HttpMethod.Put, url) { Content = Json(DeployTests.ForeignRule) };
        createAgain.Headers.TryAddWithoutValidation("If-None-Match", "*");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await http.SendAsync(createAgain, Token)).StatusCode);

        var update = new HttpRequestMessage(HttpMethod.Put, url) { Content = Json(DeployTests.ForeignRule) };
        update.Headers.TryAddWithoutValidation("If-Match", etag);
        var updated = await http.SendAsync(update, Token);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(etag, updated.Headers.ETag!.ToString());

        var stale = new HttpRequestMessage(HttpMethod.Put, url) { Content = Json(DeployTests.ForeignRule) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var refused = await http.SendAsync(stale, Token);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal("PreconditionFailed", (await ErrorOf(refused))["code"]!.GetValue<string>());

        var staleDelete = new HttpRequestMessage(HttpMethod.Delete, url);
        staleDelete.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await http.SendAsync(staleDelete, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.DeleteAsync(url, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync(url, Token)).StatusCode);
        var missing = await http.GetAsync(url, Token);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("NotFound", (await ErrorOf(missing))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_body_missing_required_properties_is_a_400_with_arms_error_shape()
    {
        await using var fixture = await DeployFixture.StartAsync();
        using var http = Http(fixture.Emulator);
        var response = await http.PutAsync(RulePath + "?api-version=2024-09-01", Json("""{"kind":"Scheduled","properties":{"displayName":"x"}}"""), Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("queryFrequency", (await ErrorOf(response))["message"]!.GetValue<string>(), StringComparison.Ordinal);
        response = await http.PutAsync(RulePath + "?api-version=2024-09-01", Json("not json"), Token);
        Assert.Equal("InvalidRequestContent", (await ErrorOf(response))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lists_are_paged_with_nextLink_and_state_survives_a_restart()
    {
        await using var fixture = await DeployFixture.StartAsync(pageSize: 4);
        var client = fixture.Client();
        var rule = JsonNode.Parse(DeployTests.ForeignRule)!.AsObject();
        for (var i = 0; i < 10; i++)
            await client.PutAsync(DeployFixture.Scope.ResourcePath("alertRules", $"rule-{i:D2}"), (JsonObject)rule.DeepClone(), null, true, Token);

        using var http = Http(fixture.Emulator);
        var first = JsonNode.Parse(await http.GetStringAsync(DeployFixture.Scope.CollectionPath("alertRules") + "?api-version=2024-09-01", Token))!;
        Assert.Equal(4, first["value"]!.AsArray().Count);
        Assert.StartsWith(fixture.Emulator.BaseAddress.ToString().TrimEnd('/'), first["nextLink"]!.GetValue<string>(), StringComparison.Ordinal);

        await fixture.RestartAsync(pageSize: 4);
        var all = await fixture.Client().ListAsync(DeployFixture.Scope.CollectionPath("alertRules"), Token);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"rule-{i:D2}"), all.Select(r => r.Name));
    }

    [Fact]
    public async Task Throttling_is_retried_after_the_time_the_server_asks_for()
    {
        // Every request is throttled with Retry-After: 1; the client's own back-off is 10 ms, so waiting a
        // second can only come from honouring Retry-After.
        await using var fixture = await DeployFixture.StartAsync(new FaultOptions
        {
            FailureRate = 1, ThrottleWeight = 1, InternalErrorWeight = 0, UnavailableWeight = 0, ResetBeforeWeight = 0, ResetAfterWeight = 0,
            RetryAfter = TimeSpan.FromSeconds(1),
        });
        var client = ArmConnection.Create(fixture.Emulator.BaseAddress, new DevelopmentCredential(),
            new ArmConnectionSettings { MaxRetries = 1, Delay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(10) });
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ArmRequestException>(() => client.GetAsync(RulePath, Token));
        Assert.Equal(429, error.Status);
        Assert.Equal("TooManyRequests", error.Code);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"retried after {clock.Elapsed.TotalMilliseconds} ms");
        Assert.Equal(2, fixture.Emulator.Statistics.Requests);
    }

    [Fact]
    public async Task Dropped_connections_and_server_errors_are_retried_until_they_succeed()
    {
        await using var fixture = await DeployFixture.StartAsync(new FaultOptions { FailureRate = 0.5, ThrottleWeight = 0, RetryAfter = TimeSpan.Zero, Seed = 7 });
        var client = fixture.Client();
        for (var i = 0; i < 10; i++) Assert.Null(await client.GetAsync(DeployFixture.Scope.ResourcePath("alertRules", $"missing-{i}"), Token));
        Assert.True(fixture.Emulator.Statistics.Faults > 0);
        // Every injected fault (500, 503, or a reset before or after handling) is an attempt the client saw fail and retried.
        Assert.Equal(fixture.Emulator.Statistics.Faults, client.Statistics.FailedAttempts);
        Assert.Equal(fixture.Emulator.Statistics.Requests, client.Statistics.Reads);
    }
}
