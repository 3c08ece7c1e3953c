using System.Collections;
using System.Text.Json.Nodes;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Benchmarks.Evaluator;

/// <summary>
/// Generated AuditLogs- and SigninLogs-shaped data, deterministic from a seed: the columns the detections read
/// carry realistic values (InitiatedBy and TargetResources as the nested objects Entra ID writes, LocationDetails
/// as a bag), and every other column of the tables' built-in schemas is present and null, as in a real workspace
/// where a detection reads a few of thirty-odd columns.
/// </summary>
public sealed class SyntheticLogs
{
    public const string DeletionOperation = "User deleted security info";
    private static readonly string[] AuditOperations =
    [
        "Update user", "Add member to group", "User registered security info", "Update application",
        "Reset password (self-service)", "Add app role assignment to service principal", "Consent to application",
    ];
    private static readonly string[] RiskLevels = ["none", "none", "none", "low", "medium"];
    private static readonly string[] Countries = ["US", "GB", "DE", "FR", "NL", "IN", "BR", "JP"];

    private SyntheticLogs(DataTable auditLogs, DataTable signinLogs, DateTime start)
    {
        AuditLogs = auditLogs;
        SigninLogs = signinLogs;
        Start = start;
    }

    public DataTable AuditLogs { get; }

    public DataTable SigninLogs { get; }

    /// <summary>The first event's time; all events fall within one day from it.</summary>
    public DateTime Start { get; }

    public IReadOnlyDictionary<string, DataTable> Tables => new Dictionary<string, DataTable>
    {
        ["AuditLogs"] = AuditLogs,
        ["SigninLogs"] = SigninLogs,
    };

    /// <summary>
    /// <paramref name="rows"/> rows in each table, over one day, for rows/50 users: 1% of audit events are
    /// deletions of security info and 1% of sign-ins are high risk, so the join finds a realistic handful.
    /// </summary>
    public static SyntheticLogs Generate(int rows, int seed = 20261127)
    {
        var random = new Random(seed);
        var start = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
        var users = Math.Max(rows / 50, 10);
        string User(int n) => $"user{n}@contoso.com";
        string Ip() => $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}";
        // Whole microseconds, the precision DuckDB's TIMESTAMP keeps, so all three implementations see equal times.
        DateTime Time() => start.AddTicks((long)(random.NextDouble() * TimeSpan.TicksPerDay) / 10 * 10);

        var audit = new TableBuilder(Schema("AuditLogs"), rows);
        for (var i = 0; i < rows; i++)
        {
            var deletion = random.Next(100) == 0;
            var initiatorNumber = random.Next(users);
            var initiator = User(initiatorNumber);
            var target = deletion && random.Next(4) > 0 ? initiator : User(random.Next(users));
            audit.Set("TimeGenerated", i, Time());
            audit.Set("OperationName", i, deletion ? DeletionOperation : AuditOperations[random.Next(AuditOperations.Length)]);
            audit.Set("Category", i, "UserManagement");
            audit.Set("Result", i, random.Next(50) == 0 ? "failure" : "success");
            audit.Set("LoggedByService", i, "Authentication Methods");
            audit.Set("InitiatedBy", i, new JsonObject
            {
                ["user"] = new JsonObject
                {
                    ["id"] = $"00000000-0000-0000-0000-{initiatorNumber:D12}",
                    ["userPrincipalName"] = initiator,
                    ["ipAddress"] = Ip(),
                },
            });
            audit.Set("TargetResources", i, new JsonArray(new JsonObject
            {
                ["type"] = "User",
                ["userPrincipalName"] = target,
                ["modifiedProperties"] = new JsonArray(new JsonObject { ["displayName"] = "StrongAuthenticationMethod" }),
            }));
        }

        var signins = new TableBuilder(Schema("SigninLogs"), rows);
        for (var i = 0; i < rows; i++)
        {
            signins.Set("TimeGenerated", i, Time());
            signins.Set("UserPrincipalName", i, User(random.Next(users)));
            signins.Set("IPAddress", i, Ip());
            signins.Set("ResultType", i, random.Next(20) == 0 ? "50126" : "0");
            signins.Set("RiskLevelDuringSignIn", i, random.Next(100) == 0 ? "high" : RiskLevels[random.Next(RiskLevels.Length)]);
            signins.Set("AppDisplayName", i, "Office 365");
            signins.Set("LocationDetails", i, new JsonObject
            {
                ["countryOrRegion"] = Countries[random.Next(Countries.Length)],
                ["city"] = "Somewhere",
            });
        }

        return new SyntheticLogs(audit.Build(), signins.Build(), start);
    }

    private static TableSchema Schema(string table) =>
        BuiltInSchemas.Default.Find(table) ?? throw new InvalidOperationException($"{table} is not in the built-in catalog");

    /// <summary>Fills chosen columns row by row; the rest of the schema's columns are all null.</summary>
    private sealed class TableBuilder(TableSchema schema, int rows)
    {
        private readonly Dictionary<string, Array> _values = [];

        public void Set(string column, int row, object value)
        {
            if (!_values.TryGetValue(column, out var values))
            {
                var type = schema.Find(column)?.Type ?? throw new InvalidOperationException($"{schema.Name} has no column {column}");
                values = type switch
                {
                    ScalarType.String => new string[rows],
                    ScalarType.DateTime => new DateTime[rows],
                    ScalarType.Dynamic => new JsonNode?[rows],
                    _ => throw new InvalidOperationException($"the generator does not fill {type} columns"),
                };
                _values[column] = values;
            }

            values.SetValue(value, row);
        }

        public DataTable Build()
        {
            var columns = schema.Columns.Select(c => _values.TryGetValue(c.Name, out var values) ? Filled(values) : Empty(c.Type)).ToList();
            return new DataTable(schema, columns, rows);
        }

        private static Column Filled(Array values) => values switch
        {
            string[] strings => new StringColumn(strings),
            DateTime[] times => new ValueColumn<DateTime>(ScalarType.DateTime, times, new BitArray(times.Length)),
            JsonNode?[] nodes => new DynamicColumn(nodes),
            _ => throw new InvalidOperationException("unexpected column array"),
        };

        private Column Empty(ScalarType type)
        {
            if (type == ScalarType.String) return new StringColumn(Enumerable.Repeat(string.Empty, rows).ToArray());
            var builder = ColumnBuilder.For(type);
            for (var i = 0; i < rows; i++) builder.AppendNull();
            return builder.Build();
        }
    }
}
