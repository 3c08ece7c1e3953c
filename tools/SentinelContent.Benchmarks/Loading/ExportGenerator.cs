using System.Globalization;
using System.Text.Json;

namespace SentinelContent.Benchmarks.Loading;

/// <summary>
/// Writes AuditLogs and SigninLogs as a Log Analytics data export writes them (one JSON object per line, TenantId
/// and _ResourceId beside the table's columns, datetimes with seven fraction digits), deterministic from a seed:
/// seven days of events for rows/100 users, with the dynamic columns Entra ID really fills (InitiatedBy,
/// TargetResources with modifiedProperties, AdditionalDetails; LocationDetails, DeviceDetail, Status and
/// ConditionalAccessPolicies) and the repetitive strings (OperationName, Category, Result, AppDisplayName) that
/// make dictionary encoding pay. About 1 in 200 audit events deletes security info, and 1 in 100 sign-ins is
/// risky, so the seed rules find something to alert on.
/// </summary>
public static class ExportGenerator
{
    public static readonly DateTime Start = new(2026, 11, 13, 0, 0, 0, DateTimeKind.Utc);
    public static readonly TimeSpan Span = TimeSpan.FromDays(7);

    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string Workspace = "b1c2d3e4-0000-4000-8000-00000000beef";
    private static readonly string ResourceId = $"/tenants/{Tenant}/providers/Microsoft.aadiam";

    private static readonly (string Operation, string Category, string Type, string Service, int Weight)[] AuditOperations =
    [
        ("Update user", "UserManagement", "Update", "Core Directory", 30),
        ("Add member to group", "GroupManagement", "Assign", "Core Directory", 15),
        ("User registered security info", "UserManagement", "Add", "Authentication Methods", 8),
        ("User changed default security info", "UserManagement", "Update", "Authentication Methods", 4),
        ("Update application", "ApplicationManagement", "Update", "Core Directory", 10),
        ("Reset password (self-service)", "UserManagement", "Update", "Self-service Password Management", 5),
        ("Add app role assignment to service principal", "ApplicationManagement", "Assign", "Core Directory", 6),
        ("Consent to application", "ApplicationManagement", "Assign", "Core Directory", 3),
        ("Remove member from group", "GroupManagement", "Unassign", "Core Directory", 8),
        ("Add device", "Device", "Add", "Core Directory", 10),
        ("User deleted security info", "UserManagement", "Delete", "Authentication Methods", 1),
    ];

    private static readonly string[] Apps = ["Microsoft Teams", "Office 365 Exchange Online", "Azure Portal",
        "Microsoft Authentication Broker", "SharePoint Online", "Outlook Mobile", "Visual Studio Code"];
    private static readonly (string City, string State, string Country, double Lat, double Lon)[] Places =
    [
        ("Redmond", "Washington", "US", 47.67, -122.12), ("London", "England", "GB", 51.51, -0.13), ("Berlin", "Berlin", "DE", 52.52,
            13.40),
        ("Paris", "Ile-de-France", "FR", 48.86, 2.35), ("Amsterdam", "Noord-Holland", "NL", 52.37, 4.90), ("Bengaluru", "Karnataka", "IN",
            12.97, 77.59),
        ("Sao Paulo", "Sao Paulo", "BR", -23.55, -46.63), ("Tokyo", "Tokyo", "JP", 35.68, 139.69),
    ];
    private static readonly string[] Browsers = ["Edge 131.0.0", "Chrome 131.0.0", "Safari 18.1", "Firefox 133.0", "Rich Client 5.2.0.0"];
    private static readonly string[] Systems = ["Windows10", "Windows 11", "MacOs", "Ios 18.1", "Android 15"];
    private static readonly string[] Methods = ["Microsoft Authenticator", "Phone number", "FIDO2 security key", "Email",
        "Windows Hello for Business"];

    /// <summary>Writes AuditLogs.jsonl and SigninLogs.jsonl with <paramref name="rows"/> rows each into <paramref
    /// name="folder"/>.</summary>
    public static void Write(string folder, int rows, int seed = 20261113)
    {
        Directory.CreateDirectory(folder);
        Write(Path.Combine(folder, "AuditLogs.jsonl"), rows, seed, WriteAudit);
        Write(Path.Combine(folder, "SigninLogs.jsonl"), rows, seed + 1, WriteSignin);
    }

    private delegate void RowWriter(Utf8JsonWriter json, Random random, int row, int rows);

    private static void Write(string path, int rows, int seed, RowWriter writeRow)
    {
        var random = new Random(seed);
        var temporary = path + ".partial";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            using var json = new Utf8JsonWriter(file, new JsonWriterOptions { SkipValidation = true });
            for (var i = 0; i < rows; i++)
            {
                writeRow(json, random, i, rows);
                json.Flush();
                file.WriteByte((byte)'\n');
                json.Reset(file);
            }
        }
        File.Move(temporary, path, overwrite: true);
    }

    // Events in time order over the seven days, a little jitter each.
    private static DateTime Time(Random random, int row, int rows) =>
        Start.AddTicks((long)((row + random.NextDouble()) / rows * Span.Ticks));

    private static string Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new System.Guid(bytes).ToString();
    }

    private static string User(int n) => $"user{n}@contoso.com";

    private static string Ip(Random random) => $"{random.Next(1, 224)}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}";

    private static void WriteAudit(Utf8JsonWriter json, Random random, int row, int rows)
    {
        var users = Math.Max(rows / 100, 10);
        var pick = random.Next(AuditOperations.Sum(o => o.Weight));
        var operation = AuditOperations[0];
        foreach (var candidate in AuditOperations)
        {
            if (pick < candidate.Weight) { operation = candidate; break; }
            pick -= candidate.Weight;
        }
        var time = Time(random, row, rows);
        var actor = random.Next(users);
        var target = random.Next(users);
        var selfService = operation.Service == "Authentication Methods" && random.Next(4) > 0;
        var success = random.Next(50) > 0;

        json.WriteStartObject();
        json.WriteString("TenantId", Workspace);
        json.WriteString("SourceSystem", "Azure AD");
        json.WriteString("TimeGenerated", time.ToString("O", CultureInfo.InvariantCulture));
        json.WriteString("ResourceId", ResourceId);
        json.WriteString("OperationName", operation.Operation);
        json.WriteString("OperationVersion", "1.0");
        json.WriteString("Category", operation.Category);
        json.WriteString("ResultType", "");
        json.WriteString("ResultSignature", "None");
        json.WriteString("ResultDescription", "");
        json.WriteNumber("DurationMs", 0);
        json.WriteString("CorrelationId", Guid(random));
        json.WriteString("Resource", "Microsoft.aadiam");
        json.WriteString("ResourceGroup", "Microsoft.aadiam");
        json.WriteString("ResourceProvider", "");
        json.WriteString("Identity", "");
        json.WriteString("Level", "4");
        json.WriteString("Location", "");
        json.WriteStartArray("AdditionalDetails");
        json.WriteStartObject();
        json.WriteString("key", "User-Agent");
        json.WriteString("value",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0");
        json.WriteEndObject();
        if (operation.Service == "Authentication Methods")
        {
            json.WriteStartObject();
            json.WriteString("key", "Method");
            json.WriteString("value", Methods[random.Next(Methods.Length)]);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("Id", $"Directory_{Guid(random)}_{random.Next(1 << 20):X5}_{random.Next(1000)}");
        json.WriteStartObject("InitiatedBy");
        json.WriteStartObject("user");
        json.WriteString("id", Guid(random));
        json.WriteNull("displayName");
        json.WriteString("userPrincipalName", User(selfService ? target : actor));
        json.WriteString("ipAddress", Ip(random));
        json.WriteStartArray("roles");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteString("LoggedByService", operation.Service);
        json.WriteString("Result", success ? "success" : "failure");
        json.WriteString("ResultReason", success ? "" : "Microsoft.Online.Workflows.ObjectAlreadyExistsException");
        json.WriteStartArray("TargetResources");
        json.WriteStartObject();
        json.WriteString("id", Guid(random));
        json.WriteNull("displayName");
        json.WriteString("type", "User");
        json.WriteString("userPrincipalName", User(target));
        json.WriteStartArray("modifiedProperties");
        if (operation.Type is "Update" or "Delete")
        {
            json.WriteStartObject();
            json.WriteString("displayName",
                operation.Service == "Authentication Methods" ? "StrongAuthenticationMethod" : "AccountEnabled");
            json.WriteString("oldValue",
                operation.Service == "Authentication Methods"
                    ? "[{\"MethodType\":6,\"Default\":true},{\"MethodType\":7,\"Default\":false}]" : "[false]");
            json.WriteString("newValue", operation.Type == "Delete" ? "[{\"MethodType\":7,\"Default\":true}]" : "[true]");
            json.WriteEndObject();
            json.WriteStartObject();
            json.WriteString("displayName", "Included Updated Properties");
            json.WriteNull("oldValue");
            json.WriteString("newValue", "\"StrongAuthenticationMethod\"");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("administrativeUnits");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("AADTenantId", Tenant);
        json.WriteString("ActivityDisplayName", operation.Operation);
        json.WriteString("ActivityDateTime", time.ToString("O", CultureInfo.InvariantCulture));
        json.WriteString("AADOperationType", operation.Type);
        json.WriteString("Type", "AuditLogs");
        json.WriteString("_ResourceId", ResourceId.ToLowerInvariant());
        json.WriteEndObject();
    }

    private static void WriteSignin(Utf8JsonWriter json, Random random, int row, int rows)
    {
        var users = Math.Max(rows / 100, 10);
        var user = random.Next(users);
        var time = Time(random, row, rows);
        var place = Places[user % 7 == 0 ? random.Next(Places.Length) : user % Places.Length];
        var failed = random.Next(20) == 0;
        var risky = random.Next(100) == 0;
        var app = Apps[random.Next(Apps.Length)];
        var risk = risky ? (random.Next(2) == 0 ? "high" : "medium") : "none";

        json.WriteStartObject();
        json.WriteString("TenantId", Workspace);
        json.WriteString("SourceSystem", "Azure AD");
        json.WriteString("TimeGenerated", time.ToString("O", CultureInfo.InvariantCulture));
        json.WriteString("ResourceId", ResourceId);
        json.WriteString("OperationName", "Sign-in activity");
        json.WriteString("OperationVersion", "1.0");
        json.WriteString("Category", "SignInLogs");
        json.WriteString("ResultType", failed ? "50126" : "0");
        json.WriteString("ResultDescription", failed ? "Error validating credentials due to invalid username or password." : "");
        json.WriteNumber("DurationMs", 0);
        json.WriteString("CorrelationId", Guid(random));
        json.WriteString("Identity", $"User {user}");
        json.WriteString("Level", "4");
        json.WriteString("Location", place.Country);
        json.WriteString("AppDisplayName", app);
        json.WriteString("AppId", "1fec8e78-bce4-4aaf-ab1b-5451cc387264");
        json.WriteString("AuthenticationRequirement", random.Next(3) == 0 ? "multiFactorAuthentication" : "singleFactorAuthentication");
        json.WriteString("ClientAppUsed", random.Next(5) == 0 ? "Mobile Apps and Desktop clients" : "Browser");
        json.WriteStartArray("ConditionalAccessPolicies");
        foreach (var (name, control) in new[] { ("Require MFA for admins", "Mfa"), ("Block legacy authentication", "Block"),
            ("Require compliant device", "RequireCompliantDevice") })
        {
            json.WriteStartObject();
            json.WriteString("id", Guid(random));
            json.WriteString("displayName", name);
            json.WriteStartArray("enforcedGrantControls");
            json.WriteStringValue(control);
            json.WriteEndArray();
            json.WriteStartArray("enforcedSessionControls");
            json.WriteEndArray();
            json.WriteString("result", random.Next(3) == 0 ? "success" : "notApplied");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("ConditionalAccessStatus", "success");
        json.WriteString("CreatedDateTime", time.ToString("O", CultureInfo.InvariantCulture));
        json.WriteStartObject("DeviceDetail");
        json.WriteString("deviceId", user % 3 == 0 ? Guid(random) : "");
        json.WriteString("operatingSystem", Systems[user % Systems.Length]);
        json.WriteString("browser", Browsers[random.Next(Browsers.Length)]);
        json.WriteEndObject();
        json.WriteBoolean("IsInteractive", random.Next(3) > 0);
        json.WriteString("Id", Guid(random));
        json.WriteString("IPAddress", Ip(random));
        json.WriteBoolean("IsRisky", risky);
        json.WriteStartObject("LocationDetails");
        json.WriteString("city", place.City);
        json.WriteString("state", place.State);
        json.WriteString("countryOrRegion", place.Country);
        json.WriteStartObject("geoCoordinates");
        json.WriteNumber("latitude", place.Lat);
        json.WriteNumber("longitude", place.Lon);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("MfaDetail");
        json.WriteEndObject();
        json.WriteString("NetworkLocationDetails", "[]");
        json.WriteString("RiskDetail", "none");
        json.WriteString("RiskEventTypes", risky ? "[\"unfamiliarFeatures\"]" : "[]");
        json.WriteString("RiskEventTypes_V2", risky ? "[\"unfamiliarFeatures\"]" : "[]");
        json.WriteString("RiskLevelAggregated", risk);
        json.WriteString("RiskLevelDuringSignIn", risk);
        json.WriteString("RiskState", risky ? "atRisk" : "none");
        json.WriteString("ResourceDisplayName", "Microsoft Graph");
        json.WriteString("ResourceIdentity", "00000003-0000-0000-c000-000000000000");
        json.WriteString("ServicePrincipalId", "");
        json.WriteStartObject("Status");
        json.WriteNumber("errorCode", failed ? 50126 : 0);
        if (failed) json.WriteString("failureReason", "Error validating credentials due to invalid username or password.");
        json.WriteEndObject();
        json.WriteString("TokenIssuerType", "AzureAD");
        json.WriteString("UserAgent",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36");
        json.WriteString("UserDisplayName", $"User {user}");
        json.WriteString("UserId", $"00000000-0000-4000-8000-{user:D12}");
        json.WriteString("UserPrincipalName", User(user));
        json.WriteString("AADTenantId", Tenant);
        json.WriteString("UserType", "Member");
        json.WriteString("AuthenticationDetails", "[{\"authenticationStepDateTime\":\"" + time.ToString("s",
            CultureInfo.InvariantCulture) + "Z\",\"authenticationMethod\":\"Password\",\"succeeded\":" + (failed
                ? "false" : "true") + "}]");
        json.WriteString("AuthenticationProcessingDetails",
            "[{\"key\":\"Legacy TLS (TLS 1.0, 1.1, 3DES)\",\"value\":\"False\"},{\"key\":\"Is CAE Token\",\"value\":\"False\"}]");
        json.WriteString("Type", "SigninLogs");
        json.WriteString("_ResourceId", ResourceId.ToLowerInvariant());
        json.WriteEndObject();
    }
}
