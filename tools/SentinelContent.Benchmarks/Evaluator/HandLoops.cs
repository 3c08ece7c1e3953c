using System.Text.Json.Nodes;
using SentinelContent.Kql.Data;

namespace SentinelContent.Benchmarks.Evaluator;

/// <summary>
/// Each detection written directly in C# over the same columns the engine reads: the managed-code limit, with
/// no query planning, no generic operators and no intermediate tables.
/// </summary>
public static class HandLoops
{
    /// <summary>Runs <paramref name="detection"/>'s loop; the number of result rows.</summary>
    public static int RowCount(Detection detection, SyntheticLogs logs) => detection switch
    {
        Detection.DynamicPathFilter => DynamicPathFilter(logs).Count,
        Detection.SummarizeByUserAndHour => SummarizeByUserAndHour(logs).Count,
        _ => JoinWithinTimeWindow(logs).Count,
    };

    public static List<(DateTime Time, string Actor, string ActorIP, string Target)> DynamicPathFilter(SyntheticLogs logs)
    {
        var time = Column<ValueColumn<DateTime>>(logs.AuditLogs, "TimeGenerated").Values;
        var operation = Column<StringColumn>(logs.AuditLogs, "OperationName").Values;
        var result = Column<StringColumn>(logs.AuditLogs, "Result").Values;
        var initiatedBy = Column<DynamicColumn>(logs.AuditLogs, "InitiatedBy").Values;
        var targets = Column<DynamicColumn>(logs.AuditLogs, "TargetResources").Values;
        var rows = new List<(DateTime, string, string, string)>();
        for (var i = 0; i < operation.Length; i++)
        {
            if (operation[i] != SyntheticLogs.DeletionOperation || result[i] != "success") continue;
            var user = initiatedBy[i]?["user"];
            var actor = Text(user?["userPrincipalName"]);
            var target = Text(FirstTarget(targets[i]));
            if (actor == target) continue;
            rows.Add((time[i], actor, Text(user?["ipAddress"]), target));
        }

        return rows;
    }

    public static List<(string User, DateTime Hour, long Count, long IPs)> SummarizeByUserAndHour(SyntheticLogs logs)
    {
        var time = Column<ValueColumn<DateTime>>(logs.SigninLogs, "TimeGenerated").Values;
        var user = Column<StringColumn>(logs.SigninLogs, "UserPrincipalName").Values;
        var ip = Column<StringColumn>(logs.SigninLogs, "IPAddress").Values;
        var groups = new Dictionary<(string, long), (long Count, HashSet<string> IPs)>();
        for (var i = 0; i < user.Length; i++)
        {
            var key = (user[i], time[i].Ticks / TimeSpan.TicksPerHour);
            if (!groups.TryGetValue(key, out var group)) group = (0, new HashSet<string>(StringComparer.Ordinal));
            group.IPs.Add(ip[i]);
            groups[key] = (group.Count + 1, group.IPs);
        }

        return [.. groups.Select(g => (g.Key.Item1, new DateTime(g.Key.Item2 * TimeSpan.TicksPerHour, DateTimeKind.Utc), g.Value.Count, (long)g.Value.IPs.Count))];
    }

    public static List<(string User, DateTime Deleted, DateTime Signin)> JoinWithinTimeWindow(SyntheticLogs logs)
    {
        var signinTime = Column<ValueColumn<DateTime>>(logs.SigninLogs, "TimeGenerated").Values;
        var signinUser = Column<StringColumn>(logs.SigninLogs, "UserPrincipalName").Values;
        var risk = Column<StringColumn>(logs.SigninLogs, "RiskLevelDuringSignIn").Values;
        var risky = new Dictionary<string, List<DateTime>>(StringComparer.Ordinal);
        for (var i = 0; i < signinUser.Length; i++)
        {
            if (risk[i] != "high") continue;
            if (!risky.TryGetValue(signinUser[i], out var times)) risky[signinUser[i]] = times = [];
            times.Add(signinTime[i]);
        }

        var auditTime = Column<ValueColumn<DateTime>>(logs.AuditLogs, "TimeGenerated").Values;
        var operation = Column<StringColumn>(logs.AuditLogs, "OperationName").Values;
        var targets = Column<DynamicColumn>(logs.AuditLogs, "TargetResources").Values;
        var rows = new List<(string, DateTime, DateTime)>();
        for (var i = 0; i < operation.Length; i++)
        {
            if (operation[i] != SyntheticLogs.DeletionOperation) continue;
            var user = Text(FirstTarget(targets[i]));
            if (!risky.TryGetValue(user, out var times)) continue;
            var deleted = auditTime[i];
            foreach (var signin in times)
                if (signin >= deleted - TimeSpan.FromHours(1) && signin <= deleted) rows.Add((user, deleted, signin));
        }

        return rows;
    }

    private static JsonNode? FirstTarget(JsonNode? targets) =>
        targets is JsonArray array && array.Count > 0 ? array[0]?["userPrincipalName"] : null;

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;

    private static T Column<T>(DataTable table, string name) where T : Column =>
        table.Find(name) as T ?? throw new InvalidOperationException($"{table.Schema.Name}.{name} is not a {typeof(T).Name}");
}
