namespace SentinelContent.Kql.Schema;

public sealed record ColumnSchema(string Name, ScalarType Type, string? Description = null);

/// <summary>A table's columns in order, as the binder resolves names against them.</summary>
public sealed class TableSchema
{
    private readonly Dictionary<string, ColumnSchema> _byName;

    public TableSchema(string name, IReadOnlyList<ColumnSchema> columns, string? description = null)
    {
        Name = name;
        Columns = columns;
        Description = description;
        _byName = new Dictionary<string, ColumnSchema>(StringComparer.Ordinal);
        foreach (var column in columns) _byName.TryAdd(column.Name, column);
    }

    public string Name { get; }

    public IReadOnlyList<ColumnSchema> Columns { get; }

    public string? Description { get; }

    /// <summary>KQL column names are case-sensitive.</summary>
    public ColumnSchema? Find(string column) => _byName.GetValueOrDefault(column);
}
