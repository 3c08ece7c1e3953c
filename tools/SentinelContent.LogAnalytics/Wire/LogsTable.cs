using System.Text.Json.Nodes;
using SentinelContent.Kql.Data;

namespace SentinelContent.LogAnalytics.Wire;

/// <summary>One table of a query answer as the API sends it: typed columns and rows of JSON values.</summary>
public sealed record LogsTable(string Name, IReadOnlyList<LogsColumn> Columns, JsonArray Rows)
{
    /// <summary>The rows as a typed table, exactly as the local engine would hold them (see <see cref="LogsWireFormat"/>).</summary>
    public DataTable ToDataTable() => LogsWireFormat.ToDataTable(this);
}

public sealed record LogsColumn(string Name, string Type);
