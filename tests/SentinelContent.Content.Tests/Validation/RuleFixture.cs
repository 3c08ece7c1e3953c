using SentinelContent.Core.Diagnostics;
using SentinelContent.Format.Discovery;
using SentinelContent.Content.Validation;

namespace SentinelContent.Content.Tests.Validation;

/// <summary>A valid rule to mutate, and a helper that validates YAML text as a file.</summary>
public static class RuleFixture
{
    public const string ValidScheduledRule = """
        id: 5f3c2a1e-8b7d-4c6e-9a0b-1d2e3f4a5b6c
        name: Security info deleted
        description: |
          A user's authentication methods were deleted.
        severity: Medium
        requiredDataConnectors:
          - connectorId: AzureActiveDirectory
            dataTypes:
              - AuditLogs
        queryFrequency: PT1H
        queryPeriod: PT1H
        triggerOperator: gt
        triggerThreshold: 0
        tactics:
          - CredentialAccess
          - Persistence
        relevantTechniques:
          - T1556.006
          - T1098
        query: |
          AuditLogs
          | where TimeGenerated > ago(1h)
          | where OperationName == "User deleted security info"
          | extend TargetUpn = tostring(TargetResources[0].userPrincipalName), IPAddress = tostring(InitiatedBy.user.ipAddress)
          | extend InitiatorUpn = tostring(InitiatedBy.user.userPrincipalName)
        entityMappings:
          - entityType: Account
            fieldMappings:
              - identifier: FullName
                columnName: TargetUpn
          - entityType: IP
            fieldMappings:
              - identifier: Address
                columnName: IPAddress
        customDetails:
          Initiator: InitiatorUpn
        alertDetailsOverride:
          alertDisplayNameFormat: Security info deleted for {{TargetUpn}}
          alertDescriptionFormat: "{{InitiatorUpn}} deleted security info of {{TargetUpn}}"
        eventGroupingSettings:
          aggregationKind: AlertPerResult
        incidentConfiguration:
          createIncident: true
          groupingConfiguration:
            enabled: true
            reopenClosedIncident: false
            lookbackDuration: PT5H
            matchingMethod: Selected
            groupByEntities:
              - Account
            groupByAlertDetails: []
            groupByCustomDetails:
              - Initiator
        suppressionEnabled: false
        suppressionDuration: PT5H
        version: 1.0.0
        kind: Scheduled
        enabled: true
        tags:
          - Identity
        """;

    /// <summary>Validates the given files (name → YAML) in a fresh folder and returns every diagnostic.</summary>
    public static IReadOnlyList<Diagnostic> Validate(params (string Name, string Yaml)[] files)
    {
        var dir = Directory.CreateTempSubdirectory("sc-rules-").FullName;
        try
        {
            foreach (var (name, yaml) in files) File.WriteAllText(Path.Combine(dir, name), yaml);
            var discovered = ContentDiscovery.Discover([dir], new List<string>());
            return new ContentValidator().Validate(discovered).Diagnostics;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public static IReadOnlyList<Diagnostic> Validate(string yaml) => Validate(("rule.yaml", yaml));

    /// <summary>The valid rule with one exact piece of text replaced; fails loudly if the text is not there.</summary>
    public static string Mutate(string from, string to, string? rule = null)
    {
        rule ??= ValidScheduledRule;
        Assert.Contains(from, rule);
        return rule.Replace(from, to, StringComparison.Ordinal);
    }
}
