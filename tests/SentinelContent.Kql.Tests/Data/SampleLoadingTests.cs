using System.Text.Json.Nodes;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Data.Loading;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Tests.Data;

public sealed class SampleLoadingTests : IDisposable
{
    private static readonly SchemaCatalog Catalog = new([
        new TableSchema("AuditLogs", [
            new ColumnSchema("TimeGenerated", ScalarType.DateTime),
            new ColumnSchema("OperationName", ScalarType.String),
            new ColumnSchema("TargetResources", ScalarType.Dynamic),
            new ColumnSchema("Duration", ScalarType.TimeSpan),
            new ColumnSchema("Count", ScalarType.Long),
            new ColumnSchema("Succeeded", ScalarType.Bool),
        ]),
    ]);

    private readonly string _dir = Directory.CreateTempSubdirectory("sc-samples-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (DataTable? Table, List<Diagnostic> Diagnostics) Load(string file, string content, string table = "AuditLogs")
    {
        var path = Path.Combine(_dir, file);
        File.WriteAllText(path, content);
        var diagnostics = new List<Diagnostic>();
        var rows = SampleFileReader.Read(path, diagnostics);
        return (rows is null ? null : SampleTableBuilder.Build(table, rows, Catalog, diagnostics), diagnostics);
    }

    [Fact]
    public void Json_lines_are_typed_by_the_schema_and_missing_columns_are_null()
    {
        var (table, diagnostics) = Load("a.jsonl", """
            {"TimeGenerated": "2026-11-20T11:30:00.1234567Z", "OperationName": "User deleted security info", "TargetResources": [{"userPrincipalName": "alice@contoso.com"}], "Count": 3}

            {"TimeGenerated": "2026-11-20 12:00:00", "TargetResources": "[{\"id\": 1}]", "Duration": "00:05:00", "Succeeded": true}
            """);
        Assert.Empty(diagnostics);
        Assert.Equal(2, table!.RowCount);
        var time = (ValueColumn<DateTime>)table.Find("TimeGenerated")!;
        Assert.Equal(new DateTime(2026, 11, 20, 11, 30, 0, DateTimeKind.Utc).AddTicks(1234567), time.Values[0]);
        Assert.Equal(DateTimeKind.Utc, time.Values[1].Kind);
        Assert.Equal(12, time.Values[1].Hour);
        Assert.Equal(["User deleted security info", ""], ((StringColumn)table.Find("OperationName")!).Values);
        var targets = (DynamicColumn)table.Find("TargetResources")!;
        Assert.Equal("alice@contoso.com", targets.Values[0]![0]!["userPrincipalName"]!.GetValue<string>());
        Assert.Equal(1, targets.Values[1]![0]!["id"]!.GetValue<int>());
        Assert.True(table.Find("Duration")!.IsNull(0));
        Assert.Equal(TimeSpan.FromMinutes(5), ((ValueColumn<TimeSpan>)table.Find("Duration")!).Values[1]);
        Assert.Equal(3L, table.Find("Count")!.GetValue(0));
        Assert.Null(table.Find("Count")!.GetValue(1));
    }

    [Fact]
    public void A_json_array_reports_errors_at_the_row_line()
    {
        var (table, diagnostics) = Load("a.json", "[\n  {\"Count\": 1},\n  {\"Count\": \"many\"}\n]\n");
        Assert.Null(table);
        var d = Assert.Single(diagnostics);
        Assert.Equal(DataDiagnostics.WrongValueType, d.Descriptor);
        Assert.Equal(3, d.Location.Start.Line);
        Assert.Contains("AuditLogs.Count: expected a whole number, found \"many\"", d.Message);
    }

    [Fact]
    public void Csv_values_are_converted_from_text()
    {
        var (table, diagnostics) = Load("a.csv", "TimeGenerated,OperationName,Count,Succeeded,TargetResources\n2026-11-20T11:30:00Z,\"Deleted, really\",7,false,\"{\"\"a\"\": 1}\"\n,,,,\n");
        Assert.Empty(diagnostics);
        Assert.Equal("Deleted, really", table!.Find("OperationName")!.GetValue(0));
        Assert.Equal(7L, table.Find("Count")!.GetValue(0));
        Assert.Equal(false, table.Find("Succeeded")!.GetValue(0));
        Assert.Equal(1, ((DynamicColumn)table.Find("TargetResources")!).Values[0]!["a"]!.GetValue<int>());
        Assert.True(table.Find("TimeGenerated")!.IsNull(1));
        Assert.Equal(string.Empty, table.Find("OperationName")!.GetValue(1));
    }

    [Fact]
    public void An_unknown_column_is_an_error_with_a_suggestion()
    {
        var (table, diagnostics) = Load("a.jsonl", "{\"OperatonName\": \"x\"}\n");
        Assert.Null(table);
        var d = Assert.Single(diagnostics);
        Assert.Equal(DataDiagnostics.UnknownColumn, d.Descriptor);
        Assert.Contains("did you mean 'OperationName'?", d.Message);
    }

    [Fact]
    public void A_table_outside_the_catalog_takes_its_schema_from_the_sample()
    {
        var (table, diagnostics) = Load("c.jsonl", "{\"TimeGenerated\": \"2026-11-20T11:30:00Z\", \"N\": 1, \"Tags\": [1]}\n{\"N\": 2.5, \"Name\": \"x\"}\n", "MyTable_CL");
        Assert.Empty(diagnostics);
        Assert.Equal(["TimeGenerated", "N", "Tags", "Name"], table!.Schema.Columns.Select(c => c.Name));
        Assert.Equal([ScalarType.DateTime, ScalarType.Real, ScalarType.Dynamic, ScalarType.String], table.Schema.Columns.Select(c => c.Type));
        Assert.Equal(2.5, table.Find("N")!.GetValue(1));
    }

    [Theory]
    [InlineData("a.jsonl", "{\"Count\": 1}\n{\"Count\": \n", 2)]
    [InlineData("a.json", "[{\"Count\": 1},\n {\"Count\" 2}]", 2)]
    [InlineData("a.jsonl", "[1, 2]\n", 1)]
    public void Malformed_samples_are_one_error_at_the_line(string file, string content, int line)
    {
        var (table, diagnostics) = Load(file, content);
        Assert.Null(table);
        var d = Assert.Single(diagnostics);
        Assert.True(d.Descriptor == DataDiagnostics.InvalidSampleFile || d.Descriptor == DataDiagnostics.RowNotAnObject, d.ToString());
        Assert.Equal(line, d.Location.Start.Line);
    }

    [Fact]
    public void Text_holding_json_becomes_structured_but_plain_text_stays_text()
    {
        Assert.IsType<JsonObject>(ValueConversion.ToDynamic(JsonValue.Create("{\"a\": 1}")));
        Assert.Equal("not json {", ValueConversion.ToDynamic(JsonValue.Create("not json {"))!.GetValue<string>());
        Assert.Equal("{broken", ValueConversion.ToDynamic(JsonValue.Create("{broken"))!.GetValue<string>());
    }

    [Fact]
    public void SC0704_a_sample_over_a_million_rows_is_refused_and_one_at_the_limit_loads()
    {
        var header = "Id\n";
        var (atLimit, clean) = Load("AtLimit.csv", header + string.Concat(Enumerable.Repeat("1\n", SampleFileReader.MaxRows)),
            table: "Numbers_CL");
        Assert.Empty(clean);
        Assert.Equal(SampleFileReader.MaxRows, atLimit!.RowCount);

        var (over, diagnostics) = Load("Over.csv", header + string.Concat(Enumerable.Repeat("1\n", SampleFileReader.MaxRows + 1)),
            table: "Numbers_CL");
        Assert.Null(over);
        var d = Assert.Single(diagnostics);
        Assert.Equal("SC0704", d.Code);
        Assert.EndsWith("Over.csv", d.Location.Path, StringComparison.Ordinal);
        Assert.Equal("the sample holds more than 1,000,000 rows", d.Message);
    }
}
