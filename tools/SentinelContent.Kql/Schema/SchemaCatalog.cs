namespace SentinelContent.Kql.Schema;

/// <summary>
/// The tables a query can name: the built-in Sentinel tables plus any loaded from schema files. Later sources
/// win, so a workspace export can correct or extend the built-in catalog.
/// </summary>
public sealed class SchemaCatalog
{
    private readonly Dictionary<string, TableSchema> _tables;

    public SchemaCatalog(IEnumerable<TableSchema> tables)
    {
        _tables = new Dictionary<string, TableSchema>(StringComparer.Ordinal);
        foreach (var table in tables) _tables[table.Name] = table;
    }

    public static SchemaCatalog Empty { get; } = new([]);

    public IReadOnlyCollection<TableSchema> Tables => _tables.Values;

    public IEnumerable<string> TableNames => _tables.Keys;

    /// <summary>KQL table names are case-sensitive.</summary>
    public TableSchema? Find(string name) => _tables.GetValueOrDefault(name);

    /// <summary>This catalog with the tables of <paramref name="other"/> added, replacing same-named tables.</summary>
    public SchemaCatalog With(SchemaCatalog other) => new(_tables.Values.Concat(other._tables.Values));
}
