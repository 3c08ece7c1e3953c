using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Desired.Playbooks;
using SentinelContent.Emulator;

namespace SentinelContent.Deploy.Tests;

/// <summary>The emulator's Logic Apps, API connections and automation rule checks, over plain HTTP.</summary>
public sealed class EmulatorPlaybookTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly string Workflows = PlaybookArm.WorkflowsPath(DeployFixture.Scope);
    private static readonly string Logic = "?api-version=" + ArmApiVersions.Logic;

    private const string IncidentWorkflow = """
        {"location":"westeurope","identity":{"type":"SystemAssigned"},"properties":{"state":"Enabled",
         "definition":{"$schema":"https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#","contentVersion":"1.0.0.0",
           "parameters":{"Hook":{"type":"SecureString"},"Group":{"type":"String"}},
           "triggers":{"Microsoft_Sentinel_incident":{"type":"ApiConnectionWebhook","inputs":{"path":"/incident-creation"}}},"actions":{},"outputs":{}},
         "parameters":{"Hook":{"value":"https://hook.example/secret-value"},"Group":{"value":"g1"}}}}
        """;

    private static HttpClient Http(EmulatorServer server)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorOptions.DefaultDevToken);
        return http;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonObject> Body(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!.AsObject();

    [Fact]
    public async Task Logic_apps_need_the_logic_api_version_not_the_sentinel_one()
    {
        await using var fixture = await DeployFixture.StartAsync();
        using var http = Http(fixture.Emulator);
        var missing = await http.GetAsync(Workflows + "/a", Token);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("MissingApiVersionParameter", (await Body(missing))["error"]!["code"]!.GetValue<string>());

        var sentinelVersion = await http.GetAsync(Workflows + "/a?api-version=" + ArmApiVersions.SecurityInsights, Token);
        Assert.Equal(HttpStatusCode.BadRequest, sentinelVersion.StatusCode);
        var error = (await Body(sentinelVersion))["error"]!;
        Assert.Equal("InvalidApiVersionParameter", error["code"]!.GetValue<string>());
        Assert.Contains(ArmApiVersions.Logic, error["message"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(Workflows + "/a" + Logic, Token)).StatusCode);
        var connections = PlaybookArm.ConnectionsPath(DeployFixture.Scope);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync(connections + Logic, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(connections + "?api-version=" + ArmApiVersions.Web, Token)).StatusCode);
    }

    [Fact]
    public async Task A_logic_app_gets_arms_read_only_fields_keeps_secure_values_to_itself_and_honours_etags()
    {
        await using var fixture = await DeployFixture.StartAsync();
        using var http = Http(fixture.Emulator);
        var url = Workflows + "/Enrich" + Logic;
        var created = await http.PutAsync(url, Json(IncidentWorkflow), Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await Body(created);
        Assert.Equal("Microsoft.Logic/workflows", body["type"]!.GetValue<string>());
        Assert.Equal(Workflows + "/Enrich", body["id"]!.GetValue<string>());
        Assert.Equal("Succeeded", body["properties"]!["provisioningState"]!.GetValue<string>());
        Assert.NotNull(body["properties"]!["accessEndpoint"]);
        Assert.NotNull(body["identity"]!["principalId"]);
        Assert.Null(body["properties"]!["parameters"]!["Hook"]); // secure values are write-only
        Assert.Equal("g1", body["properties"]!["parameters"]!["Group"]!["value"]!.GetValue<string>());
        var read = await (await http.GetAsync(url, Token)).Content.ReadAsStringAsync(Token);
        Assert.DoesNotContain("secret-value", read, StringComparison.Ordinal);

        var stale = new HttpRequestMessage(HttpMethod.Put, url) { Content = Json(IncidentWorkflow) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"not-the-etag\"");
        var refused = await http.SendAsync(stale, Token);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal("PreconditionFailed", (await Body(refused))["error"]!["code"]!.GetValue<string>());

        var noLocation = await http.PutAsync(Workflows + "/Other" + Logic, Json("""{"properties":{"definition":{}}}"""), Token);
        Assert.Equal(HttpStatusCode.BadRequest, noLocation.StatusCode);
        Assert.Contains("location", (await Body(noLocation))["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logic_apps_are_listed_in_pages_behind_next_link()
    {
        await using var fixture = await DeployFixture.StartAsync(pageSize: 2);
        using var http = Http(fixture.Emulator);
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
            Assert.Equal(HttpStatusCode.Created, (await http.PutAsync(Workflows + "/" + name + Logic, Json(IncidentWorkflow), Token)).StatusCode);
        var first = await Body(await http.GetAsync(Workflows + Logic, Token));
        Assert.Equal(2, first["value"]!.AsArray().Count);
        Assert.Contains("api-version=" + ArmApiVersions.Logic, first["nextLink"]!.GetValue<string>(), StringComparison.Ordinal);
        var all = await fixture.Client().ListAsync(Workflows, Token);
        Assert.Equal(["a", "b", "c", "d", "e"], all.Select(w => w.Name));
    }

    [Fact]
    public async Task An_automation_rule_must_run_an_existing_incident_triggered_logic_app()
    {
        await using var fixture = await DeployFixture.StartAsync();
        using var http = Http(fixture.Emulator);
        var rule = DeployFixture.Scope.ResourcePath("automationRules", "5a0c7d51-0000-4000-8000-000000000001") + "?api-version=" + ArmApiVersions.SecurityInsights;
        string Rule(string playbook) => $$$"""
            {"properties":{"displayName":"r","order":1,"triggeringLogic":{"isEnabled":true,"triggersOn":"Incidents","triggersWhen":"Created"},
             "actions":[{"order":1,"actionType":"RunPlaybook","actionConfiguration":{"logicAppResourceId":"{{{Workflows}}}/{{{playbook}}}"}}]}}
            """;

        var missing = await http.PutAsync(rule, Json(Rule("Nowhere")), Token);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Nowhere", (await Body(missing))["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var recurrence = IncidentWorkflow.Replace("\"inputs\":{\"path\":\"/incident-creation\"}", "\"recurrence\":{\"frequency\":\"Day\",\"interval\":1}", StringComparison.Ordinal);
        await http.PutAsync(Workflows + "/Scheduled" + Logic, Json(recurrence), Token);
        var wrongTrigger = await http.PutAsync(rule, Json(Rule("Scheduled")), Token);
        Assert.Equal(HttpStatusCode.BadRequest, wrongTrigger.StatusCode);
        Assert.Contains("incident trigger", (await Body(wrongTrigger))["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        await http.PutAsync(Workflows + "/Incident" + Logic, Json(IncidentWorkflow), Token);
        var accepted = await http.PutAsync(rule, Json(Rule("Incident")), Token);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.NotNull((await Body(accepted))["properties"]!["lastModifiedTimeUtc"]);
    }

    [Fact]
    public async Task A_connection_answers_its_status_and_expanded_api_and_never_its_parameter_values()
    {
        await using var fixture = await DeployFixture.StartAsync();
        using var http = Http(fixture.Emulator);
        var url = PlaybookArm.ConnectionPath(DeployFixture.Scope, "azuresentinel-x") + "?api-version=" + ArmApiVersions.Web;
        var created = await http.PutAsync(url, Json("""
            {"location":"westeurope","kind":"V1","properties":{"displayName":"azuresentinel-x","parameterValueType":"Alternative",
             "parameterValues":{"token":"do-not-return"},"api":{"id":"/subscriptions/s/providers/Microsoft.Web/locations/westeurope/managedApis/azuresentinel"}}}
            """), Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var text = await (await http.GetAsync(url, Token)).Content.ReadAsStringAsync(Token);
        Assert.DoesNotContain("do-not-return", text, StringComparison.Ordinal);
        var body = JsonNode.Parse(text)!;
        Assert.Equal("azuresentinel", body["properties"]!["api"]!["name"]!.GetValue<string>());
        Assert.Equal("Ready", body["properties"]!["overallStatus"]!.GetValue<string>());

        var noApi = await http.PutAsync(url, Json("""{"location":"westeurope","properties":{"displayName":"x"}}"""), Token);
        Assert.Equal(HttpStatusCode.BadRequest, noApi.StatusCode);
    }
}
