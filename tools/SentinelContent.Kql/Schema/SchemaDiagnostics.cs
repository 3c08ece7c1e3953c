using SentinelContent.Core.Diagnostics;

namespace SentinelContent.Kql.Schema;

/// <summary>SC039x: problems in schema files (table schemas a user loads with --schema).</summary>
public static class SchemaDiagnostics
{
    private const string Category = "Schema";

    public static readonly DiagnosticDescriptor InvalidSchemaFile = new(
        "SC0390", "Schema file not readable", "the schema file cannot be read: {0}", DiagnosticSeverity.Error, Category,
        "Schema files are CSV with the header table_name,column_name,column_type[,description] (what a workspace export gives), JSON of the form {\"Table\": {\"Column\": \"type\"}}, or this tool's catalog JSON {\"tables\": [{\"name\", \"columns\": [{\"name\", \"type\"}]}]}.");

    public static readonly DiagnosticDescriptor UnknownColumnType = new(
        "SC0391", "Unknown column type", "column {0}.{1} has the type '{2}', which is not a KQL type; the column is left out", DiagnosticSeverity.Warning, Category,
        "Column types are KQL scalar types: bool, int, long, real, decimal, string, datetime, timespan, guid, dynamic (double, boolean, guid and the other documented aliases are accepted).");

    public static readonly DiagnosticDescriptor DuplicateColumn = new(
        "SC0392", "Column listed twice", "column {0}.{1} is listed more than once; the first is kept", DiagnosticSeverity.Warning, Category,
        "A table has each column once. Remove the repeated row.");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [InvalidSchemaFile, UnknownColumnType, DuplicateColumn];
}
