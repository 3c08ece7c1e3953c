using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SentinelContent.Emulator.Samples;

/// <summary>
/// Writes a content repository of generated, valid analytics rules and a sentinel.yaml pointing at an
/// emulator: what the tests, the benchmark and the README's walkthrough deploy.
/// </summary>
public static class SampleRepository
{
    public const string Subscription = "00000000-0000-0000-0000-000000000001";
    public const string ResourceGroup = "rg-sentinel";
    public const string Workspace = "law-sentinel";

    public static void WriteTargets(string root, Uri endpoint, string repository = "sample-detections", string extra = "")
    {
        File.WriteAllText(Path.Combine(root, "sentinel.yaml"), $"""
            # yaml-language-server: $schema=docs/schemas/targets.schema.json
            repository: {repository}
            environments:
              - name: local
                subscriptionId: {Subscription}
                resourceGroup: {ResourceGroup}
                workspace: {Workspace}
                endpoint: {endpoint.GetLeftPart(UriPartial.Authority)}
            {extra}
            """);
    }

    /// <summary>A stable GUID per rule number, so a regenerated repository has the same ids.</summary>
    public static string RuleId(int number) =>
        new Guid(MD5.HashData(Encoding.UTF8.GetBytes($"sample-rule-{number}"))).ToString();

    public static void WriteRules(string root, int count, int revision = 0)
    {
        var folder = Path.Combine(root, "analytics-rules", "generated");
        Directory.CreateDirectory(folder);
        for (var i = 0; i < count; i++) File.WriteAllText(Path.Combine(folder, $"rule-{i:D4}.yaml"), Rule(i, revision));
    }

    public static string Rule(int number, int revision = 0)
    {
        var threshold = (number % 5 + revision).ToString(CultureInfo.InvariantCulture);
        var severity = (number % 4) switch { 0 => "Low", 1 => "Medium", 2 => "High", _ => "Informational" };
        return $"""
            id: {RuleId(number)}
            name: Sample rule {number} - sign-ins from a rare country
            description: |
              Generated rule {number} for deployment tests: successful sign-ins from a country the user
              has not signed in from in the last two weeks.
            severity: {severity}
            requiredDataConnectors:
              - connectorId: AzureActiveDirectory
                dataTypes:
                  - SigninLogs
            queryFrequency: PT1H
            queryPeriod: PT1H
            triggerOperator: gt
            triggerThreshold: {threshold}
            tactics:
              - InitialAccess
            relevantTechniques:
              - T1078.004
            query: |
              // rule {number}
              SigninLogs
              | where ResultType == "0"
              | summarize Count = count() by UserPrincipalName, IPAddress, Location
              | where Count > {number % 7}
            entityMappings:
              - entityType: Account
                fieldMappings:
                  - identifier: FullName
                    columnName: UserPrincipalName
              - entityType: IP
                fieldMappings:
                  - identifier: Address
                    columnName: IPAddress
            customDetails:
              Country: Location
            incidentConfiguration:
              createIncident: true
              groupingConfiguration:
                enabled: false
                reopenClosedIncident: false
                lookbackDuration: PT5H
                matchingMethod: AllEntities
            eventGroupingSettings:
              aggregationKind: SingleAlert
            suppressionEnabled: false
            suppressionDuration: PT5H
            version: 1.0.{revision}
            kind: Scheduled

            """;
    }
}
