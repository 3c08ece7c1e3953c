using SentinelContent.Format.Discovery;

namespace SentinelContent.Facade.Tests;

/// <summary>A throw-away content repository: one rule about deleted security info, and the tests written beside it.</summary>
internal sealed class ContentRepository : IDisposable
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

    public const string Deletion = "{ TimeGenerated: 2026-11-20T11:30:00Z, OperationName: User deleted security info, "
        + "TargetResources: [ { userPrincipalName: alice@contoso.com } ] }";

    public const string Registration = "{ TimeGenerated: 2026-11-20T11:40:00Z, OperationName: User registered security info, "
        + "TargetResources: [ { userPrincipalName: bob@contoso.com } ] }";

    public string Root { get; } = Directory.CreateTempSubdirectory("sc-facade-").FullName;

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>The rule at analytics-rules/deletions.yaml with <paramref name="tests"/> beside it.</summary>
    public void WriteRule(string tests)
    {
        Write("analytics-rules/deletions.yaml", Rule);
        Write("analytics-rules/deletions.tests.yaml", tests);
    }

    public IReadOnlyList<ContentFile> Files() => ContentDiscovery.Discover([Path.Combine(Root, "analytics-rules")], new List<string>());

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
