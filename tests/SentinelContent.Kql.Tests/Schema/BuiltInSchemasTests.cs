using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Tests.Schema;

public class BuiltInSchemasTests
{
    public static TheoryData<string> RequiredTables => new()
    {
        "AuditLogs", "SigninLogs", "AADNonInteractiveUserSignInLogs", "AADServicePrincipalSignInLogs", "AADUserRiskEvents",
        "AADRiskyUsers", "IdentityInfo", "SecurityAlert", "SecurityIncident", "SecurityEvent", "OfficeActivity", "AzureActivity",
        "BehaviorAnalytics", "Syslog", "CommonSecurityLog", "DeviceProcessEvents", "DeviceNetworkEvents", "DeviceLogonEvents",
        "DeviceEvents", "EmailEvents", "CloudAppEvents", "ThreatIntelligenceIndicator", "Watchlist",
    };

    [Theory]
    [MemberData(nameof(RequiredTables))]
    public void Detection_tables_are_built_in_with_a_time_column(string table)
    {
        var schema = BuiltInSchemas.Default.Find(table);
        Assert.NotNull(schema);
        Assert.Equal(ScalarType.DateTime, schema.Find("TimeGenerated")?.Type);
        Assert.Equal(schema.Columns.Count, schema.Columns.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [InlineData("AuditLogs", "OperationName", ScalarType.String)]
    [InlineData("AuditLogs", "InitiatedBy", ScalarType.Dynamic)]
    [InlineData("AuditLogs", "TargetResources", ScalarType.Dynamic)]
    [InlineData("AuditLogs", "AdditionalDetails", ScalarType.Dynamic)]
    [InlineData("SigninLogs", "RiskLevelDuringSignIn", ScalarType.String)]
    [InlineData("SigninLogs", "LocationDetails", ScalarType.Dynamic)]
    [InlineData("AADUserRiskEvents", "RiskEventType", ScalarType.String)]
    [InlineData("IdentityInfo", "AssignedRoles", ScalarType.Dynamic)]
    [InlineData("SecurityEvent", "EventID", ScalarType.Int)]
    public void Seed_content_columns_have_their_documented_types(string table, string column, ScalarType type) =>
        Assert.Equal(type, BuiltInSchemas.Default.Find(table)!.Find(column)?.Type);
}
