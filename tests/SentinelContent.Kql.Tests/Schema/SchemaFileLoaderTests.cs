using SentinelContent.Core.Diagnostics;
using SentinelContent.Kql.Schema;
using SentinelContent.TestSupport;

namespace SentinelContent.Kql.Tests.Schema;

public sealed class SchemaFileLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sc-schema-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (SchemaCatalog Catalog, List<Diagnostic> Diagnostics) Load(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        var diagnostics = new List<Diagnostic>();
        return (SchemaFileLoader.Load(path, diagnostics), diagnostics);
    }

    [Fact]
    public void A_workspace_export_csv_loads_as_an_external_schema_file()
    {
        var diagnostics = new List<Diagnostic>();
        var catalog = SchemaFileLoader.Load(RepositoryPaths.RequireShared("schemas/la_table_schemas.csv"), diagnostics);
        Assert.True(catalog.Tables.Count > 800, $"{catalog.Tables.Count} tables");
        var audit = catalog.Find("AuditLogs");
        Assert.NotNull(audit);
        Assert.Equal(ScalarType.DateTime, audit.Find("TimeGenerated")!.Type);
        Assert.Equal(ScalarType.Dynamic, audit.Find("TargetResources")!.Type);
        Assert.Null(catalog.Find("auditlogs"));
        // The export holds a few rows whose type is not a KQL type ('def', '...') and columns listed twice
        // (AzureDiagnostics): each is a warning naming its row, none is fatal.
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Contains(diagnostics, d => d.Descriptor == SchemaDiagnostics.UnknownColumnType);
        Assert.Contains(diagnostics, d => d.Descriptor == SchemaDiagnostics.DuplicateColumn && d.Message.Contains("AzureDiagnostics.ResourceType"));
    }

    [Fact]
    public void Csv_types_are_read_with_their_aliases()
    {
        var (catalog, diagnostics) = Load("s.csv", "table_name,column_name,column_type,description\nT,A,Double,\"x, y\"\nT,B,Guid,\nT,C,BigInt,\nT,D,String,\n");
        Assert.Empty(diagnostics);
        var table = catalog.Find("T")!;
        Assert.Equal([ScalarType.Real, ScalarType.Guid, ScalarType.Long, ScalarType.String], table.Columns.Select(c => c.Type));
        Assert.Equal("x, y", table.Columns[0].Description);
    }

    [Fact]
    public void Oracle_json_form_loads_in_column_order()
    {
        var (catalog, diagnostics) = Load("s.json", """{ "MyTable_CL": { "TimeGenerated": "datetime", "Count": "long", "Data": "dynamic" } }""");
        Assert.Empty(diagnostics);
        Assert.Equal(["TimeGenerated", "Count", "Data"], catalog.Find("MyTable_CL")!.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Catalog_json_form_loads_with_descriptions()
    {
        var (catalog, diagnostics) = Load("s.json", """{ "tables": [ { "name": "T", "description": "d", "columns": [ { "name": "A", "type": "bool", "description": "a" } ] } ] }""");
        Assert.Empty(diagnostics);
        Assert.Equal("d", catalog.Find("T")!.Description);
        Assert.Equal(ScalarType.Bool, catalog.Find("T")!.Columns[0].Type);
    }

    [Fact]
    public void Unknown_types_and_repeated_columns_are_warnings_with_the_row()
    {
        var (catalog, diagnostics) = Load("s.csv", "table_name,column_name,column_type\nT,A,string\nT,B,varchar\nT,A,long\n");
        Assert.Equal(["A"], catalog.Find("T")!.Columns.Select(c => c.Name));
        Assert.Equal([SchemaDiagnostics.UnknownColumnType, SchemaDiagnostics.DuplicateColumn], diagnostics.Select(d => d.Descriptor));
        Assert.Contains("varchar", diagnostics[0].Message);
    }

    [Theory]
    [InlineData("s.csv", "name,type\nT,string\n")]
    [InlineData("s.json", "{ \"T\": { \"A\": \"string\", }")]
    [InlineData("s.json", "{ \"T\": [1, 2] }")]
    public void A_malformed_file_is_one_clear_error(string name, string content)
    {
        var (catalog, diagnostics) = Load(name, content);
        Assert.Empty(catalog.Tables);
        Assert.Equal(SchemaDiagnostics.InvalidSchemaFile, Assert.Single(diagnostics).Descriptor);
    }

    [Fact]
    public void Later_catalogs_replace_same_named_tables()
    {
        var first = new SchemaCatalog([new TableSchema("T", [new ColumnSchema("A", ScalarType.String)])]);
        var second = new SchemaCatalog([new TableSchema("T", [new ColumnSchema("B", ScalarType.Long)])]);
        Assert.Equal("B", first.With(second).Find("T")!.Columns.Single().Name);
    }

    [Fact]
    public void A_workspace_file_adds_to_documented_tables_without_taking_columns_away()
    {
        var documented = new SchemaCatalog(
        [
            new TableSchema("T",
            [
                new ColumnSchema("TimeGenerated", ScalarType.DateTime), new ColumnSchema("Name", ScalarType.String),
                new ColumnSchema("N", ScalarType.Int),
            ]),
            new TableSchema("Only", [new ColumnSchema("A", ScalarType.String)]),
        ]);
        var file = new SchemaCatalog(
        [
            new TableSchema("T", [new ColumnSchema("N", ScalarType.Long), new ColumnSchema("Custom_s", ScalarType.String)]),
            new TableSchema("New_CL", [new ColumnSchema("B", ScalarType.Bool)]),
        ]);

        var merged = documented.WithWorkspace(file);

        // The file's columns first, its type winning (N is long), then the documented ones it lacks.
        Assert.Equal("N:long, Custom_s:string, TimeGenerated:datetime, Name:string",
            string.Join(", ", merged.Find("T")!.Columns.Select(c => $"{c.Name}:{c.Type.ToString().ToLowerInvariant()}")));
        Assert.Equal("A", merged.Find("Only")!.Columns.Single().Name);
        Assert.Equal("B", merged.Find("New_CL")!.Columns.Single().Name);
    }
}
