using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Data.Loading;
using SentinelContent.Kql.Evaluation;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Tests.Data;

/// <summary>
/// The streaming loader (what `query --data` and `backtest --data` use) against the row-by-row sample reader (what
/// rule tests use): the same table, value for value and type for type, and the same problems at the same lines, on
/// every sample file of the repository and on inputs made to hit each conversion rule and each error.
/// </summary>
public sealed partial class StreamingLoaderTests : IDisposable
{
    private static readonly SchemaCatalog NoTables = new([]);

    private static readonly SchemaCatalog Catalog = new([
        new TableSchema("AuditLogs", [
            new ColumnSchema("TimeGenerated", ScalarType.DateTime),
            new ColumnSchema("OperationName", ScalarType.String),
            new ColumnSchema("TargetResources", ScalarType.Dynamic),
            new ColumnSchema("Duration", ScalarType.TimeSpan),
            new ColumnSchema("Count", ScalarType.Long),
            new ColumnSchema("Small", ScalarType.Int),
            new ColumnSchema("Ratio", ScalarType.Real),
            new ColumnSchema("Amount", ScalarType.Decimal),
            new ColumnSchema("Id", ScalarType.Guid),
            new ColumnSchema("Succeeded", ScalarType.Bool),
        ]),
    ]);

    private readonly string _dir = Directory.CreateTempSubdirectory("sc-stream-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string, string> RepositorySamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, table) in SampleTables()) data.Add(file, table);
        return data;
    }

    [Theory]
    [MemberData(nameof(RepositorySamples))]
    public void Every_repository_sample_loads_as_the_row_by_row_reader_loads_it(string file, string table)
    {
        AssertSame(file, table, BuiltInSchemas.Default);
        // And as a table the catalog does not know: the schema inferred from the rows is the same too.
        AssertSame(file, table, NoTables);
    }

    [Fact]
    public void Every_sample_file_of_the_repository_is_covered()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "analytics-rules"), "*", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}samples{Path.DirectorySeparatorChar}",
                StringComparison.Ordinal) && DataFiles.IsDataFile(f))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}",
                StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}",
                    StringComparison.Ordinal))
            .Select(Path.GetFullPath).Order().ToList();
        Assert.NotEmpty(files);
        Assert.Equal(files, SampleTables().Select(s => s.File).Distinct().Order());
    }

    public static TheoryData<string, string> Cases() => new()
    {
        { "types.jsonl", """
            {"TimeGenerated": "2026-11-20T11:30:00.1234567Z", "OperationName": "User deleted security info", "TargetResources": [{"userPrincipalName": "alice@contoso.com"}], "Count": 3}

            {"TimeGenerated": "2026-11-20 12:00:00", "TargetResources": "[{\"id\": 1}]", "Duration": "00:05:00", "Succeeded": true, "Small": "42", "Ratio": 1.5e3, "Amount": "12.50", "Id": "6f1c0d1e-64d8-4b9b-9a0a-0f8f5f2f1c11"}
            {"TimeGenerated": "2026-11-20T12:00:00+02:00", "OperationName": null, "TargetResources": "  {\"a\": [1, 2, {\"b\": null}]} ", "Duration": "PT1H30M", "Count": "7", "Ratio": 2, "Succeeded": "False"}
            {"TimeGenerated": "2026-11-20T12:00:00.5Z", "OperationName": "caf\u00e9 \"quoted\"", "TargetResources": "not json {", "Small": 2147483647, "Count": -9223372036854775808}
            {"TimeGenerated": "2026-02-29T00:00:00Z", "TargetResources": 12.50, "Amount": 1e2}
            {"TimeGenerated": "  2026-11-20T01:02:03Z ", "TargetResources": true, "OperationName": "é ü 😀"}
            {"TargetResources": "[1, 2] trailing", "Ratio": "NaN"}
            {"TargetResources": "{\"dup\": 1, \"dup\": 2}"}
            {"TargetResources": {"esc\u0061ped": 1}, "TimeGenerated": "2026-11-20T11:30:00.12345678Z"}
            {"TargetResources": null, "Id": null}
            {"TargetResources": "", "OperationName": ""}
            """ },
        { "crlf.jsonl", "{\"Count\": 1}\r\n{\"Count\": 2}\r\n\r\n{\"Count\": 3}" },
        { "bom.jsonl", "\uFEFF{\"Count\": 1}\n" },
        { "array.json", "[\n  {\"Count\": 1, \"OperationName\": \"a\"},\n  // a comment\n  {\"Count\": 2, \"TargetResources\": [1, 2],},\n]\n" },
        { "lines.json", "{\"Count\": 1}\n{\"Count\": 2}\n" },
        { "empty.json", "" },
        { "empty.jsonl", "\n\n" },
        { "types.csv", "TimeGenerated,OperationName,Count,Succeeded,TargetResources,Small,Ratio\n2026-11-20T11:30:00Z,\"Deleted, really\",7,false,\"{\"\"a\"\": 1}\",3,0.5\n,,,,,,\n2026-11-20 10:00:00,x,8,True,plain text,4,1e3\n" },
        { "bad-type.jsonl", "{\"Count\": 1}\n{\"Count\": \"many\"}\n{\"Small\": 2147483648}\n{\"Succeeded\": 1}\n{\"OperationName\": 5}\n{\"OperationName\": {\"a\": 1}}\n{\"TimeGenerated\": \"yesterday\"}\n{\"Id\": [1]}\n" },
        { "bad-json.jsonl", "{\"Count\": 1}\n{\"Count\": \"many\"}\n{\"Count\": 2,,}\n{\"Count\": \"again\"}\n" },
        { "not-object.jsonl", "{\"Count\": 1}\n[1, 2]\n" },
        { "unknown-column.jsonl", "{\"Cuont\": 1}\n{\"Count\": 1, \"OperationNam\": \"x\"}\n" },
        { "duplicate.jsonl", "{\"Count\": 1}\n{\"Count\": 1, \"Count\": 2}\n" },
        { "trailing.jsonl", "{\"Count\": 1} {\"Count\": 2}\n" },
        { "bad-array.json", "[\n  {\"Count\": 1},\n  {\"Count\": \"many\"}\n]\n" },
        { "array-of-numbers.json", "[\n  1\n]\n" },
        { "bad-csv-type.csv", "Count,Nope\n1,a\nx,b\n" },
        { "csv-repeated.csv", "Count,Count\n1,2\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Edge_cases_load_as_the_row_by_row_reader_loads_them(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        AssertSame(path, "AuditLogs", Catalog);
        AssertSame(path, "AuditLogs", NoTables);
    }

    [Fact]
    public void A_dynamic_object_that_names_a_key_twice_keeps_the_last_value_as_parse_json_does()
    {
        // The row-by-row reader keeps both keys in a node that reads inconsistently (printing shows both, a property
        // read fails); the stored text of a streamed column is the value JsonText makes, whose last key wins.
        var path = Path.Combine(_dir, "AuditLogs.jsonl");
        File.WriteAllText(path,
            "{\"TargetResources\": {\"dup\": 1, \"dup\": 2, \"other\": {\"x\": 1}}}\n{\"TargetResources\": \"{\\\"dup\\\": 1, \\\"dup\\\": 2}\"}\n");
        var diagnostics = new List<Diagnostic>();
        var targets = (DynamicColumn)SampleDataSet.Load([path], Catalog, diagnostics)!["AuditLogs"].Find("TargetResources")!;
        Assert.Empty(diagnostics);
        Assert.Equal("{\"dup\":2,\"other\":{\"x\":1}}", targets.Values[0]!.ToJsonString());
        Assert.Equal("{\"dup\":2}", targets.Values[1]!.ToJsonString());
        Assert.True(targets.TryGetCompact(out var compact));
        Assert.Equal("2", compact.Property("dup").Text(0));
    }

    [Fact]
    public void Chunks_are_joined_in_file_order_with_lines_counted_across_them()
    {
        // Enough rows for several chunks, with one bad row near the end: its line is the file's line.
        var path = Path.Combine(_dir, "AuditLogs.jsonl");
        var text = new StringBuilder();
        var operations = new[] { "Add member to group", "User deleted security info", "Update user" };
        for (var i = 0; i < 120_000; i++)
            text.Append(
                $"{{\"TimeGenerated\": \"2026-11-20T11:30:{i % 60:00}Z\", \"OperationName\": \"{operations[i % 3]}\", \"Count\": {i}, \"TargetResources\": [{{\"id\": \"{i}\", \"padding\": \"{new string('x', i % 50)}\"}}]}}\n");
        File.WriteAllText(path, text.ToString());
        var diagnostics = new List<Diagnostic>();
        var table = SampleDataSet.Load([path], Catalog, diagnostics)!["AuditLogs"];
        Assert.Empty(diagnostics);
        Assert.Equal(120_000, table.RowCount);
        var counts = (ValueColumn<long>)table.Find("Count")!;
        Assert.All(Enumerable.Range(0, 120_000), i => Assert.Equal(i, counts.Values[i]));
        Assert.True(((StringColumn)table.Find("OperationName")!).TryGetCodes(out _, out var dictionary));
        Assert.Equal(operations.Order(), dictionary.Order());
        Assert.Equal("119999", ((DynamicColumn)table.Find("TargetResources")!).Values[119_999]![0]!["id"]!.GetValue<string>());

        File.AppendAllText(path, "{\"Count\": \"many\"}\n");
        diagnostics.Clear();
        Assert.Null(SampleDataSet.Load([path], Catalog, diagnostics));
        var d = Assert.Single(diagnostics);
        Assert.Equal(DataDiagnostics.WrongValueType, d.Descriptor);
        Assert.Equal(path, d.Location.Path);
        Assert.Equal(120_001, d.Location.Start.Line);
    }

    [Fact]
    public void Gzip_files_load_as_their_text_and_name_their_table_without_the_extensions()
    {
        var text = "{\"Count\": 1}\n{\"Count\": \"many\"}\n";
        var plain = Path.Combine(_dir, "plain", "AuditLogs.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(plain)!);
        File.WriteAllText(plain, "{\"Count\": 1}\n{\"Count\": 2}\n");
        var zipped = Path.Combine(_dir, "zipped", "AuditLogs.jsonl.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(zipped)!);
        using (var gzip = new GZipStream(File.Create(zipped), CompressionLevel.Fastest)) gzip.Write("{\"Count\": 1}\n{\"Count\": 2}\n"u8);
        var files = SampleDataSet.FindFiles([Path.GetDirectoryName(zipped)!], out _)!;
        Assert.Equal([zipped], files);
        var diagnostics = new List<Diagnostic>();
        var tables = SampleDataSet.Load(files, Catalog, diagnostics)!;
        Assert.Empty(diagnostics);
        Assert.Equal([1L, 2L], ((ValueColumn<long>)tables["AuditLogs"].Find("Count")!).Values);

        using (var gzip = new GZipStream(File.Create(zipped), CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(text));
        Assert.Null(SampleDataSet.Load([zipped], Catalog, diagnostics = []));
        Assert.Equal((zipped, 2), (diagnostics.Single().Location.Path, diagnostics.Single().Location.Start.Line));

        File.WriteAllText(zipped, "not gzip");
        Assert.Null(SampleDataSet.Load([zipped], Catalog, diagnostics = []));
        Assert.Equal("SC0701", diagnostics.Single().Code);
    }

    [Fact]
    public void Data_files_have_no_size_limit_but_the_memory_budget_stops_a_load_with_a_clear_error()
    {
        var path = Path.Combine(_dir, "AuditLogs.jsonl");
        var row = $"{{\"OperationName\": \"x\", \"TargetResources\": {{\"padding\": \"{new string('x', 2000)}\"}}}}\n";
        File.WriteAllText(path, string.Concat(Enumerable.Repeat(row, 20_000)));
        var diagnostics = new List<Diagnostic>();
        // 16 MiB: the file's values alone take more (the budget compares the larger of heap and charged bytes), so the
        // load stops whatever else the test process holds.
        var budget = new MemoryBudget(16L << 20);
        Assert.Null(SampleDataSet.Load([path], Catalog, diagnostics, budget));
        var d = Assert.Single(diagnostics);
        Assert.Equal(DataDiagnostics.OverMemoryBudget, d.Descriptor);
        Assert.Equal(path, d.Location.Path);
        Assert.Contains("--max-memory", d.Message);
        Assert.Equal(0, budget.Charged);

        Assert.NotNull(SampleDataSet.Load([path], Catalog, diagnostics = [], new MemoryBudget(8L << 30)));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void A_log_analytics_export_loads_with_its_standard_columns_which_queries_can_read()
    {
        // Data export to a storage account writes one JSON object per line with TenantId and _ResourceId beside
        // the table's own columns; the catalog's AuditLogs does not list them.
        var path = Path.Combine(_dir, "AuditLogs.jsonl");
        File.WriteAllText(path, string.Join('\n',
            "{\"TenantId\": \"6c2f4a1e-0000-4000-8000-000000000001\", \"TimeGenerated\": \"2026-11-20T11:30:00Z\", \"OperationName\": \"User deleted security info\", \"_ResourceId\": \"/tenants/x/providers/microsoft.aadiam\", \"Type\": \"AuditLogs\"}",
            "{\"TimeGenerated\": \"2026-11-20T11:31:00Z\", \"OperationName\": \"Update user\", \"_ResourceId\": \"/tenants/y/providers/microsoft.aadiam\"}"));
        var diagnostics = new List<Diagnostic>();
        var tables = SampleDataSet.Load([path], BuiltInSchemas.Default, diagnostics)!;
        Assert.Empty(diagnostics);
        var table = tables["AuditLogs"];
        Assert.Equal(BuiltInSchemas.Default.Find("AuditLogs")!.Columns.Select(c => c.Name).Concat(["TenantId", "_ResourceId"]),
            table.Schema.Columns.Select(c => c.Name));
        Assert.Equal(["6c2f4a1e-0000-4000-8000-000000000001", ""], ((StringColumn)table.Find("TenantId")!).Values);

        var result = new KqlEngine(BuiltInSchemas.Default).Run(
            "AuditLogs | where _ResourceId endswith 'aadiam' | summarize n = count() by TenantId | order by TenantId asc", tables,
                DateTime.UtcNow, TestContext.Current.CancellationToken);
        Assert.Equal(["", "6c2f4a1e-0000-4000-8000-000000000001"], Enumerable.Range(0,
            result.RowCount).Select(r => (string)result.Columns[0].GetValue(r)!));

        // Without them, a table loads with exactly its schema's columns.
        File.WriteAllText(path, "{\"OperationName\": \"x\"}\n");
        Assert.Equal(BuiltInSchemas.Default.Find("AuditLogs")!.Columns.Count, SampleDataSet.Load([path], BuiltInSchemas.Default,
            diagnostics)!["AuditLogs"].Schema.Columns.Count);
    }

    [Fact]
    public void A_data_export_tree_names_its_tables_by_its_containers()
    {
        // Data export to a storage account: container am-<table in lower case>, one blob per five minutes.
        var root = Path.Combine(_dir, "export");
        var blob = Path.Combine(root, "am-auditlogs", "WorkspaceResourceId=", "subscriptions", "s", "resourcegroups", "r", "providers",
            "microsoft.operationalinsights", "workspaces", "w", "y=2026", "m=11", "d=20", "h=11", "m=00", "PT05M.json");
        Directory.CreateDirectory(Path.GetDirectoryName(blob)!);
        File.WriteAllText(blob,
            "{\"TimeGenerated\": \"2026-11-20T11:30:00Z\", \"OperationName\": \"x\", \"TenantId\": \"t\", \"_ResourceId\": \"r\"}\n");
        var second = blob.Replace("m=00", "m=05", StringComparison.Ordinal);
        Directory.CreateDirectory(Path.GetDirectoryName(second)!);
        File.WriteAllText(second, "{\"TimeGenerated\": \"2026-11-20T11:35:00Z\", \"OperationName\": \"y\"}\n");
        File.WriteAllText(Path.Combine(root, "SigninLogs.jsonl"), "{\"UserPrincipalName\": \"a\"}\n");

        var files = SampleDataSet.FindFiles([root], out _)!;
        Assert.Equal([Path.Combine(root, "SigninLogs.jsonl"), blob, second], files);
        var diagnostics = new List<Diagnostic>();
        var tables = SampleDataSet.Load(files, BuiltInSchemas.Default, diagnostics)!;
        Assert.Empty(diagnostics);
        Assert.Equal(["AuditLogs", "SigninLogs"], tables.Keys.Order());
        Assert.Equal(["x", "y"], ((StringColumn)tables["AuditLogs"].Find("OperationName")!).Values);
    }

    [Fact]
    public async Task Parquet_files_load_as_their_json_lines_twin()
    {
        // The same rows as Parquet (typed columns, a dynamic column as JSON text, as exports write it) and as JSON lines.
        var rows = new[]
        {
            new ParquetRow
            {
                TimeGenerated = new DateTime(2026, 11, 20, 11, 30, 0, DateTimeKind.Utc).AddTicks(1234567),
                OperationName = "User deleted security info",
                TargetResources = "[{\"userPrincipalName\": \"alice@contoso.com\"}]", Count = 3, Succeeded = true, Ratio = 0.25 },
            new ParquetRow(),
        };
        var parquet = Path.Combine(_dir, "parquet", "AuditLogs.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(parquet)!);
        var cancel = TestContext.Current.CancellationToken;
        await Parquet.Serialization.ParquetSerializer.SerializeAsync(rows, parquet, cancellationToken: cancel);
        var jsonl = Path.Combine(_dir, "AuditLogs.jsonl");
        File.WriteAllText(jsonl, string.Join('\n', rows.Select(r => System.Text.Json.JsonSerializer.Serialize(r))));

        foreach (var catalog in new[] { Catalog, NoTables })
        {
            var diagnostics = new List<Diagnostic>();
            var fromParquet = SampleDataSet.Load([parquet], catalog, diagnostics)?["AuditLogs"];
            Assert.Empty(diagnostics);
            var fromJson = SampleDataSet.Load([jsonl], catalog, diagnostics)!["AuditLogs"];
            Assert.Equal(fromJson.RowCount, fromParquet!.RowCount);
            foreach (var column in new[] { "TimeGenerated", "OperationName", "TargetResources", "Count", "Succeeded", "Ratio" })
            {
                Assert.Equal(fromJson.Find(column)!.Type, fromParquet.Find(column)!.Type);
                for (var r = 0; r < fromJson.RowCount; r++)
                    Assert.Equal(Value(fromJson.Find(column)!, r), Value(fromParquet.Find(column)!, r));
            }
        }

        File.WriteAllText(parquet, "not parquet");
        var refused = new List<Diagnostic>();
        Assert.Null(SampleDataSet.Load([parquet], Catalog, refused));
        Assert.Equal((parquet, "SC0701"), (refused.Single().Location.Path, refused.Single().Code));
    }

    [Fact]
    public async Task A_nested_parquet_column_is_refused_with_its_name()
    {
        var parquet = Path.Combine(_dir, "AuditLogs.parquet");
        await Parquet.Serialization.ParquetSerializer.SerializeAsync(
            [new NestedRow { OperationName = "x", Targets = ["a", "b"] }], parquet,
            cancellationToken: TestContext.Current.CancellationToken);
        var diagnostics = new List<Diagnostic>();
        Assert.Null(SampleDataSet.Load([parquet], Catalog, diagnostics));
        var d = Assert.Single(diagnostics);
        Assert.Equal(DataDiagnostics.UnsupportedParquetColumn, d.Descriptor);
        Assert.Equal("SC0709", d.Code);
        Assert.Contains("Targets", d.Message);
    }

    public sealed class NestedRow
    {
        public string? OperationName { get; set; }

        public List<string> Targets { get; set; } = [];
    }

    public sealed class ParquetRow
    {
        public DateTime? TimeGenerated { get; set; }

        public string? OperationName { get; set; }

        public string? TargetResources { get; set; }

        public long? Count { get; set; }

        public bool? Succeeded { get; set; }

        public double? Ratio { get; set; }
    }

    [Fact]
    public void Many_bad_rows_show_the_first_ones_and_say_more_are_not_shown()
    {
        var path = Path.Combine(_dir, "AuditLogs.jsonl");
        File.WriteAllText(path, string.Concat(Enumerable.Repeat("{\"Count\": \"many\"}\n", 100)));
        var diagnostics = new List<Diagnostic>();
        Assert.Null(SampleDataSet.Load([path], Catalog, diagnostics));
        Assert.Equal(21, diagnostics.Count);
        Assert.Equal(Enumerable.Range(1, 20), diagnostics.Take(20).Select(d => d.Location.Start.Line));
        Assert.Equal(DataDiagnostics.MoreProblems, diagnostics[^1].Descriptor);
    }

    private static void AssertSame(string file, string table, SchemaCatalog catalog)
    {
        var expectedDiagnostics = new List<Diagnostic>();
        var rows = SampleFileReader.Read(file, expectedDiagnostics);
        var expected = rows is null ? null : SampleTableBuilder.Build(table, rows, catalog, expectedDiagnostics);
        var actualDiagnostics = new List<Diagnostic>();
        var actual = SampleDataSet.Load([(file, table)], catalog, actualDiagnostics)?[table];

        Assert.Equal(Describe(expectedDiagnostics), Describe(actualDiagnostics));
        Assert.Equal(expected is null, actual is null);
        if (expected is null) return;
        Assert.Equal(expected.Schema.Columns.Select(c => $"{c.Name}:{c.Type}"), actual!.Schema.Columns.Select(c => $"{c.Name}:{c.Type}"));
        Assert.Equal(expected.RowCount, actual.RowCount);
        for (var c = 0; c < expected.Columns.Count; c++)
        {
            for (var r = 0; r < expected.RowCount; r++)
                Assert.Equal(Value(expected.Columns[c], r), Value(actual.Columns[c], r));
        }
    }

    private static IEnumerable<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Code} {d.Location.Start.Line}: {d.Message}");

    private static string Value(Column column, int row) => column.GetValue(row) switch
    {
        null => "null",
        JsonNode node => "json " + node.ToJsonString(),
        DateTime time => $"datetime {time:O} {time.Kind}",
        var value => $"{value.GetType().Name} {Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)}",
    };

    /// <summary>Each sample file of the repository's rule tests with the table its tests load it as.</summary>
    private static IEnumerable<(string File, string Table)> SampleTables()
    {
        var root = RepositoryRoot();
        foreach (var tests in Directory.EnumerateFiles(Path.Combine(root, "analytics-rules"), "*.tests.yaml", SearchOption.AllDirectories))
        {
            string? table = null;
            foreach (var line in File.ReadLines(tests))
            {
                if (TableKey().Match(line) is { Success: true } key) table = key.Groups[1].Value;
                else if (FileItem().Match(line) is { Success: true } item && table is not null)
                    yield return (Path.GetFullPath(Path.Combine(Path.GetDirectoryName(tests)!, item.Groups[1].Value)), table);
            }
        }
    }

    private static string RepositoryRoot() => SentinelContent.TestSupport.RepositoryPaths.Root;

    [GeneratedRegex(@"^\s+([A-Za-z_][A-Za-z0-9_]*):\s*$")]
    private static partial Regex TableKey();

    [GeneratedRegex(@"^\s+-\s+file:\s*(\S+)\s*$")]
    private static partial Regex FileItem();
}
