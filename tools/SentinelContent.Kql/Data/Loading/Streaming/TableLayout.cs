using System.Text;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Data.Loading.Streaming;

/// <summary>A table's columns as the loaders look them up: by name (also from UTF-8 bytes) and by position.</summary>
internal sealed class TableLayout
{
    public TableLayout(TableSchema schema)
    {
        Schema = schema;
        Utf8Names = [.. schema.Columns.Select(c => Encoding.UTF8.GetBytes(c.Name))];
        Index = schema.Columns.Select((c, i) => (c.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
    }

    public TableSchema Schema { get; }

    public string Name => Schema.Name;

    public int Width => Schema.Columns.Count;

    public byte[][] Utf8Names { get; }

    public Dictionary<string, int> Index { get; }

    public ChunkColumn[] NewColumns() => [.. Schema.Columns.Select(c => ChunkColumn.For(c.Type))];

    public DataTable Build(IReadOnlyList<ChunkColumn[]> chunks) =>
        new(Schema, [.. Schema.Columns.Select((c, i) => ChunkColumn.Concat(c.Type, [.. chunks.Select(chunk => chunk[i])]))]);
}
