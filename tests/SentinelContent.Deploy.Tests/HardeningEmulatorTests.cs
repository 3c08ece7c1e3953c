using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SentinelContent.Deploy.Arm;
using SentinelContent.Emulator;

namespace SentinelContent.Deploy.Tests;

/// <summary>
/// Issue 24, D8 and S6: bodies that made the emulator answer 500 with an empty body (which the client then retried
/// nine times) are ARM's 400 or 413 with an error body; a chunked body cannot pass the size limit; a 16 KB query
/// that overflowed the stack is a diagnostic.
/// </summary>
public sealed class HardeningEmulatorTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly string RulePath = DeployFixture.Scope.ResourcePath("alertRules", "11111111-2222-3333-4444-555555555555") + "?api-version=2024-09-01";

    private static HttpClient Http(EmulatorServer server)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorOptions.DefaultDevToken);
        return http;
    }

    private const string Valid = """
        "properties":{"displayName":"x","enabled":true,"severity":"Low","query":"T","queryFrequency":"PT1H","queryPeriod":"PT1H",
        "triggerOperator":"GreaterThan","triggerThreshold":0,"suppressionEnabled":false,"suppressionDuration":"PT5H"}
        """;

    public static TheoryData<string> Hostile => new()
    {
        "{\"kind\":\"Scheduled\",\"etag\":5," + Valid + "}",
        "{\"kind\":5," + Valid + "}",
        "{\"kind\":[\"Scheduled\"]," + Valid + "}",
        "{\"kind\":\"Scheduled\",\"kind\":\"NRT\"," + Valid + "}",
        "{\"kind\":\"Scheduled\"," + Valid + ",\"properties\":{}}",
        "{\"kind\":\"Scheduled\"," + Valid.Replace("\"displayName\":\"x\"", "\"displayName\":\"\\ud800\"", StringComparison.Ordinal) + "}",
        "{\"kind\":\"Scheduled\",\"\\udc00\":1," + Valid + "}",
        "{\"kind\":\"Scheduled\",\"properties\":[1,2]}",
        "[]",
        "\"text\"",
        "{\"kind\":\"Scheduled\"," + Valid + ",\"etag\":null}",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task D8_a_hostile_body_is_a_400_with_an_error_body(string body)
    {
        await using var fixture = await DeployFixture.StartAsync();
        using var http = Http(fixture.Emulator);
        var response = await http.PutAsync(RulePath, new StringContent(body, Encoding.UTF8, "application/json"), Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        if (response.StatusCode == HttpStatusCode.BadRequest) Assert.NotNull(JsonNode.Parse(text)!["error"]!["message"]);
        Assert.Equal(0, fixture.Emulator.Statistics.InternalErrors);
    }

    [Fact]
    public async Task D8_a_chunked_body_larger_than_the_limit_is_refused_and_not_stored()
    {
        await using var fixture = await DeployFixture.StartAsync();
        using var http = Http(fixture.Emulator);
        var big = "{\"kind\":\"Scheduled\"," + Valid.Replace("\"query\":\"T\"", "\"query\":\"" + new string('a', 5 * 1024 * 1024) + "\"", StringComparison.Ordinal) + "}";
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Put, RulePath) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await http.SendAsync(request, Token);
        Assert.True((int)response.StatusCode is 413 or 400, $"{(int)response.StatusCode}");
        Assert.Equal(0, fixture.Emulator.Statistics.CommittedWrites);
        Assert.Equal(0, fixture.Emulator.Statistics.InternalErrors);
    }

    [Fact]
    public async Task D8_the_deployer_does_not_retry_a_refused_body()
    {
        await using var fixture = await DeployFixture.StartAsync();
        var client = fixture.Client();
        fixture.Emulator.Statistics.Reset();
        var refused = await Assert.ThrowsAsync<ArmRequestException>(() =>
            client.PutAsync(DeployFixture.Scope.ResourcePath("alertRules", "r1"), JsonNode.Parse("{\"kind\":5," + Valid + "}")!.AsObject(), null, true, Token));
        Assert.Equal(400, refused.Status);
        Assert.Equal(1, fixture.Emulator.Statistics.WriteRequests);
    }
}
