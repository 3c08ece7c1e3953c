using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SentinelContent.Live.Tests;

/// <summary>
/// A deterministic week of Entra ID logs (AuditLogs and SigninLogs, plus the IdentityInfo and VIP watchlist
/// reference rows the privileged-target rule joins), written one file per table. Background traffic (sign-ins,
/// self-service deletions and registrations) comes from a seeded random source; on top of it the patterns
/// the seed rules look for are planted: deletions after risky sign-ins, a deletion followed by a
/// re-registration from a new country, an admin wiping many users' methods in one hour, and deletions
/// on a privileged and a VIP account. Nothing here knows what alerts to expect: the test compares two engines.
/// </summary>
internal static class WeekOfLogs
{
    public static readonly DateTime Start = new(2026, 11, 16, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime End = Start.AddDays(7);
    private const string Tenant = "5f0c2c3e-8a1b-4d6e-9f27-3b8e1c4d0a55";

    public static void Write(string directory, int seed = 20261116)
    {
        var random = new Random(seed);
        var users = Enumerable.Range(1, 40).Select(i => $"user{i:D2}@contoso.com").ToList();
        var audit = new List<JsonObject>();
        var signins = new List<JsonObject>();

        for (var day = 0; day < 7; day++)
        {
            var date = Start.AddDays(day);
            foreach (var user in users)
            {
                var count = random.Next(1, 4);
                for (var s = 0; s < count; s++)
                    signins.Add(Signin(user, date.AddHours(7 + random.Next(0, 11)).AddMinutes(random.Next(60)), HomeIp(user), "US", "Windows10", risk: null));
            }
            // Self-service deletions and registrations: ordinary noise.
            for (var n = 0; n < 6; n++)
            {
                var user = users[random.Next(users.Count)];
                var at = date.AddHours(8 + random.Next(0, 10)).AddMinutes(random.Next(60)).AddSeconds(random.Next(60));
                audit.Add(Audit(at, "User deleted security info", "User deleted Mobile Phone Call and SMS", initiator: user, target: user, HomeIp(user)));
                if (random.Next(3) == 0)
                    audit.Add(Audit(at.AddMinutes(random.Next(5, 200)), "User registered security info", "User registered Authenticator App", initiator: user, target: user, HomeIp(user)));
            }
            // Look-alike operations that no rule should pick up.
            audit.Add(Audit(date.AddHours(10), "User started security info registration", "User started the registration", users[day], users[day], HomeIp(users[day])));

            // A risky sign-in, then the user's methods deleted a few hours later (every other day).
            if (day % 2 == 0)
            {
                var victim = users[10 + day];
                var riskAt = date.AddHours(9).AddMinutes(random.Next(60));
                signins.Add(Signin(victim, riskAt, "203.0.113." + (50 + day), "NL", "Linux", risk: day % 4 == 0 ? "high" : "medium"));
                audit.Add(Audit(riskAt.AddHours(2).AddMinutes(random.Next(60)), "User deleted security info", "User deleted Authenticator App with Notification and Code", victim, victim, "203.0.113." + (50 + day)));
            }
        }

        // Deleted, then re-registered from a new country and device two hours later (day 2).
        var hijacked = users[20];
        var deleted = Start.AddDays(2).AddHours(13).AddMinutes(12);
        audit.Add(Audit(deleted, "Admin deleted security info", "Admin deleted phone method for user", "helpdesk1@contoso.com", hijacked, "192.0.2.200"));
        signins.Add(Signin(hijacked, deleted.AddHours(1).AddMinutes(50), "198.51.100.23", "BR", "Android", risk: null));
        audit.Add(Audit(deleted.AddHours(2), "User registered security info", "User registered Authenticator App", hijacked, hijacked, "198.51.100.23"));

        // One account deleting eight users' methods within 40 minutes (day 3).
        var wipe = Start.AddDays(3).AddHours(15).AddMinutes(5);
        for (var i = 0; i < 8; i++)
            audit.Add(Audit(wipe.AddMinutes(i * 5), "Admin deleted security info", "Admin deleted phone method for user", "mallory.admin@contoso.com", users[25 + i], "198.51.100.77"));

        // Deletions on a privileged account (IdentityInfo) and on a VIP (watchlist), day 4 and 5.
        var privileged = users[35];
        var vip = users[36];
        audit.Add(Audit(Start.AddDays(4).AddHours(11).AddMinutes(31), "Admin deleted security info", "Admin deleted phone method for user", "helpdesk2@contoso.com", privileged, "192.0.2.201"));
        audit.Add(Audit(Start.AddDays(5).AddHours(16).AddMinutes(2), "User deleted security info", "User deleted Mobile Phone Call and SMS", vip, vip, HomeIp(vip)));

        Directory.CreateDirectory(directory);
        WriteLines(Path.Combine(directory, "AuditLogs.jsonl"), audit.OrderBy(r => (string)r["TimeGenerated"]!, StringComparer.Ordinal));
        WriteLines(Path.Combine(directory, "SigninLogs.jsonl"), signins.OrderBy(r => (string)r["TimeGenerated"]!, StringComparer.Ordinal));
        // The same sign-ins as the ASIM Authentication schema gives them (the table ASIM parser calls read; docs/asim.md).
        WriteLines(Path.Combine(directory, "Authentication.jsonl"),
            signins.OrderBy(r => (string)r["TimeGenerated"]!, StringComparer.Ordinal).Select(Normalised));
        WriteLines(Path.Combine(directory, "IdentityInfo.jsonl"), [Identity(privileged, Start.AddDays(-2), "Global Administrator"), Identity(users[0], Start.AddDays(-2), "Reports Reader")]);
        WriteLines(Path.Combine(directory, "Watchlist.jsonl"), [Watchlist(vip, Start.AddDays(-6))]);
    }

    public static string Id(string name) => new Guid(MD5.HashData(Encoding.UTF8.GetBytes(name))).ToString();

    private static string HomeIp(string user) => "192.0.2." + (MD5.HashData(Encoding.UTF8.GetBytes(user))[0] % 50 + 1).ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTime time) => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static JsonObject Audit(DateTime at, string operation, string reason, string initiator, string target, string ip) => new()
    {
        ["TimeGenerated"] = Time(at),
        ["ActivityDateTime"] = Time(at),
        ["OperationName"] = operation,
        ["ActivityDisplayName"] = operation,
        ["Category"] = "UserManagement",
        ["LoggedByService"] = "Authentication Methods",
        ["Result"] = "success",
        ["ResultReason"] = reason,
        ["CorrelationId"] = Id($"{operation}|{target}|{Time(at)}"),
        ["InitiatedBy"] = new JsonObject { ["user"] = new JsonObject { ["id"] = Id(initiator), ["userPrincipalName"] = initiator, ["ipAddress"] = ip } },
        ["TargetResources"] = new JsonArray(new JsonObject { ["id"] = Id(target), ["type"] = "User", ["userPrincipalName"] = target }),
        ["AdditionalDetails"] = new JsonArray(new JsonObject { ["key"] = "User-Agent", ["value"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64)" }),
        ["AADTenantId"] = Tenant,
        ["Type"] = "AuditLogs",
    };

    private static JsonObject Signin(string user, DateTime at, string ip, string country, string os, string? risk) => new()
    {
        ["TimeGenerated"] = Time(at),
        ["UserPrincipalName"] = user,
        ["UserId"] = Id(user),
        ["IPAddress"] = ip,
        ["ResultType"] = "0",
        ["AppDisplayName"] = "My Signins",
        ["LocationDetails"] = new JsonObject { ["countryOrRegion"] = country },
        ["DeviceDetail"] = new JsonObject { ["operatingSystem"] = os },
        ["RiskLevelDuringSignIn"] = risk ?? "none",
        ["RiskLevelAggregated"] = risk ?? "none",
        ["RiskState"] = risk is null ? "none" : "atRisk",
        ["RiskEventTypes_V2"] = risk is null ? "[]" : "[\"unfamiliarFeatures\"]",
        ["Type"] = "SigninLogs",
    };

    /// <summary>A SigninLogs row as _Im_Authentication normalises it (Learn, ASIM authentication schema).</summary>
    private static JsonObject Normalised(JsonObject signin) => new()
    {
        ["TimeGenerated"] = (string)signin["TimeGenerated"]!,
        ["EventType"] = "Logon",
        ["EventResult"] = (string)signin["ResultType"]! == "0" ? "Success" : "Failure",
        ["EventProduct"] = "Entra ID",
        ["EventVendor"] = "Microsoft",
        ["TargetUsername"] = (string)signin["UserPrincipalName"]!,
        ["TargetUserId"] = (string)signin["UserId"]!,
        ["SrcIpAddr"] = (string)signin["IPAddress"]!,
        ["SrcGeoCountry"] = (string)signin["LocationDetails"]!["countryOrRegion"]!,
        ["TargetAppName"] = (string)signin["AppDisplayName"]!,
    };

    private static JsonObject Identity(string user, DateTime at, string role) => new()
    {
        ["TimeGenerated"] = Time(at),
        ["AccountObjectId"] = Id(user),
        ["AccountUPN"] = user,
        ["AssignedRoles"] = new JsonArray(role),
        ["Type"] = "IdentityInfo",
    };

    private static JsonObject Watchlist(string user, DateTime at) => new()
    {
        ["TimeGenerated"] = Time(at),
        ["WatchlistAlias"] = "VIPUsers",
        ["SearchKey"] = user,
        ["_DTItemId"] = Id("vip|" + user),
        ["_DTItemStatus"] = "Create",
        ["_DTTimestamp"] = Time(at),
        ["WatchlistItem"] = new JsonObject { ["User Principal Name"] = user },
        ["Type"] = "Watchlist",
    };

    private static void WriteLines(string path, IEnumerable<JsonObject> rows) =>
        File.WriteAllLines(path, rows.Select(r => r.ToJsonString()));
}
