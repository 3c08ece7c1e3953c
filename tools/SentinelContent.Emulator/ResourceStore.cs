using Microsoft.Data.Sqlite;

namespace SentinelContent.Emulator;

/// <summary>A stored resource: its name, its current ETag and its JSON body as last written.</summary>
public sealed record StoredResource(string Name, string ETag, string Body);

/// <summary>
/// The workspace's resources in SQLite, keyed by (workspace scope, collection, name) without regard to case,
/// as ARM treats names. Check-and-set writes (ETag preconditions) run under one lock, so two concurrent
/// PUTs with the same If-Match cannot both win.
/// </summary>
public sealed class ResourceStore : IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private SqliteConnection? _writer;

    public ResourceStore(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS resources (
                scope TEXT NOT NULL COLLATE NOCASE,
                collection TEXT NOT NULL COLLATE NOCASE,
                name TEXT NOT NULL COLLATE NOCASE,
                etag TEXT NOT NULL,
                body TEXT NOT NULL,
                PRIMARY KEY (scope, collection, name));
            """);
    }

    public StoredResource? Get(string scope, string collection, string name)
    {
        using var connection = Open();
        return Read(connection, scope, collection, name);
    }

    private static StoredResource? Read(SqliteConnection connection, string scope, string collection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, etag, body FROM resources WHERE scope = $scope AND collection = $collection AND name = $name";
        Bind(command, scope, collection, name);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new StoredResource(reader.GetString(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    /// <summary>One page of a collection in name order, starting after <paramref name="after"/>; one extra row tells whether more follow.</summary>
    public (IReadOnlyList<StoredResource> Items, string? Last) List(string scope, string collection, string? after, int pageSize)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT name, etag, body FROM resources
            WHERE scope = $scope AND collection = $collection AND ($after IS NULL OR name > $after)
            ORDER BY name COLLATE NOCASE LIMIT $limit
            """;
        Bind(command, scope, collection, null);
        command.Parameters.AddWithValue("$after", (object?)after ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", pageSize + 1);
        var items = new List<StoredResource>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) items.Add(new StoredResource(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return items.Count > pageSize ? (items[..pageSize], items[pageSize - 1].Name) : (items, null);
    }

    /// <summary>Runs a check-and-set: <paramref name="decide"/> sees the current row and returns the new one (or null for no change).</summary>
    public async Task<T> UpdateAsync<T>(string scope, string collection, string name, Func<StoredResource?, (StoredResource? Write, bool Delete, T Result)> decide)
    {
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            // One connection for all writes, used under the lock: no pool round trip or PRAGMA per write.
            _writer ??= Open();
            var (write, delete, result) = decide(Read(_writer, scope, collection, name));
            using var command = _writer.CreateCommand();
            if (delete)
            {
                command.CommandText = "DELETE FROM resources WHERE scope = $scope AND collection = $collection AND name = $name";
                Bind(command, scope, collection, name);
                command.ExecuteNonQuery();
            }
            else if (write is not null)
            {
                command.CommandText = """
                    INSERT INTO resources (scope, collection, name, etag, body) VALUES ($scope, $collection, $name, $etag, $body)
                    ON CONFLICT (scope, collection, name) DO UPDATE SET etag = excluded.etag, body = excluded.body
                    """;
                Bind(command, scope, collection, write.Name);
                command.Parameters.AddWithValue("$etag", write.ETag);
                command.Parameters.AddWithValue("$body", write.Body);
                command.ExecuteNonQuery();
            }
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _writeLock.Dispose();
        SqliteConnection.ClearAllPools(); // release the file, so tests can delete it and a restart can reopen it
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 5000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, string scope, string collection, string? name)
    {
        command.Parameters.AddWithValue("$scope", scope);
        command.Parameters.AddWithValue("$collection", collection);
        if (name is not null) command.Parameters.AddWithValue("$name", name);
    }
}
