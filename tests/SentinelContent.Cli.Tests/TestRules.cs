namespace SentinelContent.Cli.Tests;

/// <summary>Rules the CLI tests write into throw-away repositories.</summary>
public static class TestRules
{
    /// <summary>A small valid scheduled rule; its query is the last block before kind.</summary>
    public const string Minimal = """
        id: 0b8f6c1e-2d3a-4e5f-8a9b-0c1d2e3f4a5b
        name: Test rule
        description: Finds things.
        severity: Low
        queryFrequency: PT1H
        queryPeriod: PT1H
        triggerOperator: gt
        triggerThreshold: 0
        query: |
          AuditLogs
          | where TimeGenerated > ago(1h)
          | take 1
        kind: Scheduled
        version: 1.0.0
        """;
}
