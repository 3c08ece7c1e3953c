using DuckDB.NET.Data;
using SentinelContent.Kql.Data;

namespace SentinelContent.Benchmarks.Evaluator;

/// <summary>
/// The same generated rows in an in-memory DuckDB database: the columns the detections read, with the dynamic
/// columns stored as JSON text (how DuckDB holds JSON) and read with its JSON functions.
/// </summary>
public sealed class DuckDbWorkspace : IDisposable
{
    private static readonly (string Table, string[] Columns)[] Layout =
    [
        ("AuditLogs", ["TimeGenerated", "OperationName", "Result", "InitiatedBy", "TargetResources"]),
        ("SigninLogs", ["TimeGenerated", "UserPrincipalName", "IPAddress", "RiskLevelDuringSignIn"]),
    ];

    private readonly DuckDBConnection _connection;

    private DuckDbWorkspace(DuckDBConnection connection) => _connection = connection;

    /// <summary>The number of threads DuckDB runs queries with (its default: one per core).</summary>
    public long Threads { get; private set; }

    public static DuckDbWorkspace Load(SyntheticLogs logs)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var workspace = new DuckDbWorkspace(connection);
        foreach (var (table, columns) in Layout)
            workspace.LoadTable(logs.Tables[table], columns);
        using var threads = connection.CreateCommand();
        threads.CommandText = "SELECT current_setting('threads')";
        workspace.Threads = Convert.ToInt64(threads.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        return workspace;
    }

    /// <summary>Runs the SQL and reads every value of every row into .NET, as a caller of the engine gets them.</summary>
    public List<object?[]> Query(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }

        return rows;
    }

    private void LoadTable(DataTable table, string[] columns)
    {
        var sources = columns.Select(c => table.Find(c) ?? throw new InvalidOperationException($"{table.Schema.Name} has no {c}")).ToArray();
        var definitions = columns.Zip(sources, (name, column) => $"{name} {(column is ValueColumn<DateTime> ? "TIMESTAMP" : "VARCHAR")}");
        using (var create = _connection.CreateCommand())
        {
            create.CommandText = $"CREATE TABLE {table.Schema.Name} ({string.Join(", ", definitions)})";
            create.ExecuteNonQuery();
        }

        using var appender = _connection.CreateAppender(table.Schema.Name);
        for (var row = 0; row < table.RowCount; row++)
        {
            var line = appender.CreateRow();
            foreach (var column in sources)
            {
                line = column switch
                {
                    ValueColumn<DateTime> times => line.AppendValue(times.Nulls[row] ? null : times.Values[row]),
                    StringColumn strings => line.AppendValue(strings.Values[row]),
                    DynamicColumn dynamics => line.AppendValue(dynamics.Values[row]?.ToJsonString()),
                    _ => throw new InvalidOperationException("unexpected column type"),
                };
            }

            line.EndRow();
        }
    }

    public void Dispose() => _connection.Dispose();
}
