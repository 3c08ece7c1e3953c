namespace SentinelContent.TestSupport.Content;

/// <summary>
/// The small rule the CLI and façade tests run end to end: every deletion of security info, one alert per result,
/// and two inline AuditLogs rows, one it matches and one it does not.
/// </summary>
public static class DeletionRule
{
    public const string Rule = """
        id: 0b8f6c1e-2d3a-4e5f-8a9b-0c1d2e3f4a5b
        name: Deletions
        description: Finds deletions.
        severity: Medium
        queryFrequency: PT1H
        queryPeriod: PT1H
        triggerOperator: gt
        triggerThreshold: 0
        query: |
          AuditLogs
          | where OperationName == "User deleted security info"
          | extend User = tostring(TargetResources[0].userPrincipalName)
          | project TimeGenerated, User, OperationName
        entityMappings:
          - entityType: Account
            fieldMappings:
              - identifier: FullName
                columnName: User
        alertDetailsOverride:
          alertDisplayNameFormat: Deleted for {{User}}
        eventGroupingSettings:
          aggregationKind: AlertPerResult
        kind: Scheduled
        version: 1.0.0
        """;

    /// <summary>An inline row the rule matches: alice's security info deleted.</summary>
    public const string Deletion = "{ TimeGenerated: 2026-11-20T11:30:00Z, OperationName: User deleted security info, "
        + "TargetResources: [ { userPrincipalName: alice@contoso.com } ] }";

    /// <summary>An inline row the rule does not match: bob registering security info.</summary>
    public const string Registration = "{ TimeGenerated: 2026-11-20T11:40:00Z, OperationName: User registered security info, "
        + "TargetResources: [ { userPrincipalName: bob@contoso.com } ] }";
}
