using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using SentinelContent.Emulator;
using SentinelContent.TestSupport.Fuzzing;

namespace SentinelContent.Deploy.Tests;

/// <summary>
/// The standing fuzz suite's emulator target (issue 24, point 7): valid ARM bodies of each resource the emulator
/// serves, mutated (<see cref="TextMutator"/>: truncated, noise, hostile values, duplicated and swapped members), PUT to
/// it. Every answer must be a success or a 4xx with an ARM error body; no 500, and the emulator's internal-error
/// counter stays at zero. Prints "emulator fuzz: N inputs in S s (seed X)" (docs/fuzzing.md).
/// </summary>
public sealed class ArmBodyFuzzTests
{
    private static readonly TimeSpan CiBudget = TimeSpan.FromSeconds(6);

    private static readonly (string Collection, string Body)[] Resources =
    [
        ("alertRules", """
            {
              "kind": "Scheduled",
              "properties": {
                "displayName": "x",
                "enabled": true,
                "severity": "Low",
                "query": "SigninLogs | take 1",
                "queryFrequency": "PT1H",
                "queryPeriod": "PT1H",
                "triggerOperator": "GreaterThan",
                "triggerThreshold": 0,
                "suppressionEnabled": false,
                "suppressionDuration": "PT5H",
                "tactics": ["Persistence"],
                "entityMappings": [{"entityType": "Account", "fieldMappings": [{"identifier": "FullName", "columnName": "User"}]}]
              }
            }
            """),
        ("watchlists", """
            {
              "properties": {
                "displayName": "Servers",
                "provider": "SentinelContent",
                "source": "Local file",
                "itemsSearchKey": "Host",
                "contentType": "text/csv",
                "numberOfLinesToSkip": 0,
                "rawContent": "Host,Owner\nsrv1,ops\n"
              }
            }
            """),
        ("automationRules", """
            {
              "properties": {
                "displayName": "Run a playbook",
                "order": 1,
                "triggeringLogic": {"isEnabled": true, "triggersOn": "Incidents", "triggersWhen": "Created", "conditions": []},
                "actions": [{"order": 1, "actionType": "ModifyProperties", "actionConfiguration": {"severity": "High"}}]
              }
            }
            """),
    ];

    [Fact]
    public async Task Mutated_arm_bodies_are_answered_never_with_a_500()
    {
        var (iterations, budget, seed) = TextMutator.Settings(CiBudget);
        var random = new Random(seed);
        await using var fixture = await DeployFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = fixture.Emulator.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorOptions.DefaultDevToken);
        var clock = Stopwatch.StartNew();
        var count = 0L;
        while (iterations is { } limit ? count < limit : clock.Elapsed < budget)
        {
            var (collection, body) = Resources[random.Next(Resources.Length)];
            var mutated = TextMutator.Mutate(body, random);
            var hostile = TextMutator.HostileValues;
            var name = random.Next(4) == 0 ? hostile[random.Next(hostile.Length)] : $"r{random.Next(50)}";
            var path = DeployFixture.Scope.ResourcePath(collection, name) + "?api-version=2024-09-01";
            var token = TestContext.Current.CancellationToken;
            using var response = await http.PutAsync(path, new StringContent(mutated, Encoding.UTF8, "application/json"), token);
            var text = await response.Content.ReadAsStringAsync(token);
            Assert.True((int)response.StatusCode < 500,
                $"input {count} (seed {seed}): {(int)response.StatusCode} {text}\n--- PUT {path} ---\n{mutated}");
            Assert.Equal(0, fixture.Emulator.Statistics.InternalErrors);
            count++;
        }

        TestContext.Current.TestOutputHelper!.WriteLine(
            $"emulator fuzz: {count} inputs in {clock.Elapsed.TotalSeconds:F1} s (seed {seed}), no 500 or internal error");
        Assert.True(count > 0);
    }
}
