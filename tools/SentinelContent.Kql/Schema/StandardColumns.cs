namespace SentinelContent.Kql.Schema;

/// <summary>
/// The columns Log Analytics adds to every log table (a table with TimeGenerated): schema exports, and so catalogs
/// made from them, often leave them out, while data exported from a workspace carries them (TenantId, _ResourceId on
/// every row of a data export to a storage account). A rule using them is not wrong, and data holding them loads.
/// </summary>
public static class StandardColumns
{
    public static IReadOnlyList<ColumnSchema> All { get; } =
    [
        new("TenantId", ScalarType.String), new("Type", ScalarType.String), new("SourceSystem", ScalarType.String),
        new("_ResourceId", ScalarType.String), new("_SubscriptionId", ScalarType.String), new("_BilledSize", ScalarType.Real),
        new("_IsBillable", ScalarType.String), new("_ItemId", ScalarType.String), new("_TimeReceived", ScalarType.DateTime),
    ];

    /// <summary>Whether Log Analytics gives <paramref name="table"/> the standard columns (it is a log table: it has
    /// TimeGenerated).</summary>
    public static bool Apply(TableSchema table) => table.Find("TimeGenerated") is not null;

    /// <summary>The standard columns <paramref name="table"/> lacks (none for a table that is not a log table).</summary>
    public static IEnumerable<ColumnSchema> Missing(TableSchema table) => Apply(table) ? All.Where(c => table.Find(c.Name) is null) : [];

    /// <summary><paramref name="table"/> with the standard columns it lacks, after its own.</summary>
    public static TableSchema AddTo(TableSchema table) => Apply(table) ? new TableSchema(table.Name, [.. table.Columns,
        .. Missing(table)], table.Description) : table;
}
