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

    private SchemaCatalog? _forSampleData;

    /// <summary>
    /// The tables rows may be given for (data files, rule tests): these, and each ASIM schema's sample table (NetworkSession,
    /// Dns...), which ASIM parser calls read. Queries cannot name the sample tables; only the parsers read them.
    /// </summary>
    public SchemaCatalog ForSampleData() => _forSampleData ??= new(
        _tables.Values.Concat(AsimCatalog.Default.Schemas.Where(s => Find(s.SampleTableName) is null).Select(s => s.Table)));

    /// <summary>This catalog with the tables of <paramref name="other"/> added, replacing same-named tables.</summary>
    public SchemaCatalog With(SchemaCatalog other) => new(_tables.Values.Concat(other._tables.Values));

    /// <summary>
    /// This catalog (documented tables) with a workspace's schema files laid over it: a table only one describes is
    /// taken as it is; a table both describe has the file's columns (its types win) and then the documented columns
    /// the file lacks. An export describes what a workspace holds, not what it lacks: exports in circulation drop
    /// columns every workspace has (../shared's la_table_schemas.csv has no column named Name in any table, and
    /// AzureDiagnostics without TimeGenerated; docs/table-catalog.md), and a rule is not wrong for using them.
    /// </summary>
    public SchemaCatalog WithWorkspace(SchemaCatalog files)
    {
        var merged = new List<TableSchema>();
        foreach (var file in files._tables.Values)
        {
            if (Find(file.Name) is not { } documented)
            {
                merged.Add(file);
                continue;
            }
            var columns = file.Columns.Concat(documented.Columns.Where(c => file.Find(c.Name) is null)).ToList();
            merged.Add(new TableSchema(file.Name, columns, file.Description ?? documented.Description));
        }
        return new(_tables.Values.Concat(merged));
    }
}
