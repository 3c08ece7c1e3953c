using System.Text;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Data.Loading.Streaming;

/// <summary>
/// A table's columns as the loaders look them up: by name (also from UTF-8 bytes) and by position. After the
/// schema's own columns come the Log Analytics standard columns it lacks (<see cref="StandardColumns"/>): a data
/// export carries TenantId and _ResourceId on every row. Those are kept only when the data holds them, so a table
/// loads with exactly its schema's columns otherwise.
/// </summary>
internal sealed class TableLayout
{
    public TableLayout(TableSchema schema, bool standardColumns)
    {
        Schema = schema;
        Extras = standardColumns ? [.. StandardColumns.Missing(schema)] : [];
        Columns = [.. schema.Columns, .. Extras];
        Utf8Names = [.. Columns.Select(c => Encoding.UTF8.GetBytes(c.Name))];
        Index = Columns.Select((c, i) => (c.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
    }

    public TableSchema Schema { get; }

    public string Name => Schema.Name;

    /// <summary>The schema's columns, then the standard columns it lacks.</summary>
    public IReadOnlyList<ColumnSchema> Columns { get; }

    public IReadOnlyList<ColumnSchema> Extras { get; }

    /// <summary>The schema's own columns: every chunk has these; a standard column beyond them only once the data names it.</summary>
    public int Width => Schema.Columns.Count;

    public byte[][] Utf8Names { get; }

    public Dictionary<string, int> Index { get; }

    /// <summary>The names a row may use that are not in the schema, for did-you-mean messages: the schema's names.</summary>
    public IEnumerable<string> SchemaNames => Schema.Columns.Select(c => c.Name);

    /// <summary>A chunk's columns: the schema's, and an empty place for each standard column (made when first named).</summary>
    public ChunkColumn?[] NewColumns() => [.. Columns.Select((c, i) => i < Width ? ChunkColumn.For(c.Type) : null)];

    /// <summary>A standard column first named at row <paramref name="rows"/> of a chunk: null for the rows before.</summary>
    public ChunkColumn NewExtra(int column, int rows)
    {
        var extra = ChunkColumn.For(Columns[column].Type);
        for (var i = 0; i < rows; i++) extra.AppendNull();
        return extra;
    }

    public DataTable Build(IReadOnlyList<(ChunkColumn?[] Columns, int Rows)> chunks)
    {
        var kept = Enumerable.Range(0, Columns.Count).Where(i => i < Width || chunks.Any(c => c.Columns[i] is not null)).ToList();
        var schema = kept.Count == Width ? Schema : new TableSchema(Schema.Name, [.. kept.Select(i => Columns[i])], Schema.Description);
        return new(schema, [.. kept.Select(i => ChunkColumn.Concat(Columns[i].Type,
            [.. chunks.Select(chunk => chunk.Columns[i] ?? NewExtra(i, chunk.Rows))]))]);
    }
}
