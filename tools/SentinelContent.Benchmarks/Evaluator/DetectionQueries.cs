namespace SentinelContent.Benchmarks.Evaluator;

/// <summary>Each detection as KQL (for our engine) and as the equivalent SQL (for DuckDB).</summary>
public static class DetectionQueries
{
    public static string Kql(Detection detection) => detection switch
    {
        Detection.DynamicPathFilter => """
            AuditLogs
            | where OperationName == "User deleted security info" and Result == "success"
            | extend Actor = tostring(InitiatedBy.user.userPrincipalName), ActorIP = tostring(InitiatedBy.user.ipAddress),
                Target = tostring(TargetResources[0].userPrincipalName)
            | where Actor != Target
            | project TimeGenerated, Actor, ActorIP, Target
            """,
        Detection.SummarizeByUserAndHour => """
            SigninLogs
            | summarize Count = count(), IPs = dcount(IPAddress) by UserPrincipalName, bin(TimeGenerated, 1h)
            """,
        Detection.JoinWithinTimeWindow => """
            let Deletions = AuditLogs
                | where OperationName == "User deleted security info"
                | project DeletedTime = TimeGenerated, User = tostring(TargetResources[0].userPrincipalName);
            let RiskySignins = SigninLogs
                | where RiskLevelDuringSignIn == "high"
                | project SigninTime = TimeGenerated, User = UserPrincipalName;
            Deletions
            | join kind=inner RiskySignins on User
            | where SigninTime between ((DeletedTime - 1h) .. DeletedTime)
            | project User, DeletedTime, SigninTime
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(detection)),
    };

    public static string Sql(Detection detection) => detection switch
    {
        Detection.DynamicPathFilter => """
            SELECT TimeGenerated, Actor, ActorIP, Target FROM (
                SELECT TimeGenerated,
                       json_extract_string(InitiatedBy, '$.user.userPrincipalName') AS Actor,
                       json_extract_string(InitiatedBy, '$.user.ipAddress') AS ActorIP,
                       json_extract_string(TargetResources, '$[0].userPrincipalName') AS Target
                FROM AuditLogs
                WHERE OperationName = 'User deleted security info' AND Result = 'success')
            WHERE Actor <> Target
            """,
        Detection.SummarizeByUserAndHour => """
            SELECT UserPrincipalName, date_trunc('hour', TimeGenerated) AS TimeGenerated, count(*) AS Count,
                   count(DISTINCT IPAddress) AS IPs
            FROM SigninLogs
            GROUP BY UserPrincipalName, date_trunc('hour', TimeGenerated)
            """,
        Detection.JoinWithinTimeWindow => """
            SELECT d.User, d.DeletedTime, s.SigninTime
            FROM (SELECT TimeGenerated AS DeletedTime, json_extract_string(TargetResources, '$[0].userPrincipalName') AS User
                  FROM AuditLogs WHERE OperationName = 'User deleted security info') d
            JOIN (SELECT TimeGenerated AS SigninTime, UserPrincipalName AS User
                  FROM SigninLogs WHERE RiskLevelDuringSignIn = 'high') s
              ON d.User = s.User
            WHERE s.SigninTime BETWEEN d.DeletedTime - INTERVAL 1 HOUR AND d.DeletedTime
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(detection)),
    };
}
