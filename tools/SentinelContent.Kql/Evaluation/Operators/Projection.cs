using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Runtime;

namespace SentinelContent.Kql.Evaluation.Operators;

/// <summary>extend: a new column appends; a column of the same name is replaced where it stands.</summary>
public static class Projection
{
    public static DataTable AddOrReplace(DataTable table, string name, Column column)
    {
        var columns = table.Named().ToList();
        columns.AddOrReplace(name, column);
        return Tables.From(columns, table.Schema.Name, table.RowCount);
    }
}
