using System.Globalization;
using System.Text.Json.Nodes;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Schema;

namespace SentinelContent.LogAnalytics.Wire;

/// <summary>
/// The query API's table format, both ways: what the emulator writes and what the client reads, so a table
/// crosses the wire unchanged. Values as the service writes them: datetimes ISO 8601 UTC (7 fractional
/// digits), timespans [d.]hh:mm:ss[.fffffff], dynamic objects and arrays as JSON text, decimals as
/// text (no precision lost), reals that JSON cannot hold as "NaN"/"Infinity", nulls as null. Unlike
/// `sentinelctl query --format json` (which writes a dynamic value as JSON), the service sends dynamic
/// objects and arrays as JSON text, and so does the emulator; the reader accepts both.
/// </summary>
public static class LogsWireFormat
{
    public static JsonObject ToJson(DataTable table, string name, int? maxRows = null)
    {
        var rows = new JsonArray();
        var count = Math.Min(table.RowCount, maxRows ?? int.MaxValue);
        for (var row = 0; row < count; row++)
        {
            var values = new JsonArray();
            foreach (var column in table.Columns) values.Add(Value(column, row));
            rows.Add(values);
        }
        return new JsonObject
        {
            ["name"] = name,
            ["columns"] = new JsonArray([.. table.Schema.Columns.Select(c => new JsonObject { ["name"] = c.Name, ["type"] = c.Type.Name() })]),
            ["rows"] = rows,
        };
    }

    public static LogsTable ReadTable(JsonObject table)
    {
        var columns = (table["columns"] as JsonArray ?? [])
            .Select(c => new LogsColumn(c?["name"]?.GetValue<string>() ?? string.Empty, c?["type"]?.GetValue<string>() ?? "string"))
            .ToList();
        return new LogsTable(table["name"]?.GetValue<string>() ?? "PrimaryResult", columns, table["rows"] as JsonArray ?? []);
    }

    /// <summary>Types each column by the API's type name; a value that does not fit its column is an error naming both.</summary>
    public static DataTable ToDataTable(LogsTable table)
    {
        var schema = new TableSchema(table.Name, [.. table.Columns.Select(c => new ColumnSchema(c.Name, ScalarTypes.TryParse(c.Type, out var t) ? t : ScalarType.Dynamic))]);
        var builders = schema.Columns.Select(c => ColumnBuilder.For(c.Type)).ToArray();
        foreach (var row in table.Rows)
        {
            if (row is not JsonArray values || values.Count != builders.Length)
                throw new FormatException($"a row of {table.Name} does not have {builders.Length} values");
            for (var i = 0; i < builders.Length; i++)
            {
                var value = values[i];
                if (value is null || (value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Null)) builders[i].AppendNull();
                else if (!builders[i].TryAppend(value, out var error))
                    throw new FormatException($"column {schema.Columns[i].Name} ({schema.Columns[i].Type.Name()}) of {table.Name}: {error}");
            }
        }
        return new DataTable(schema, [.. builders.Select(b => b.Build())]);
    }

    private static JsonNode? Value(Column column, int row)
    {
        if (column.IsNull(row)) return null;
        return column switch
        {
            StringColumn s => JsonValue.Create(s.Values[row]),
            ValueColumn<DateTime> d => JsonValue.Create(d.Values[row].ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)),
            ValueColumn<TimeSpan> t => JsonValue.Create(t.Values[row].ToString("c", CultureInfo.InvariantCulture)),
            ValueColumn<bool> b => JsonValue.Create(b.Values[row]),
            ValueColumn<int> i => JsonValue.Create(i.Values[row]),
            ValueColumn<long> l => JsonValue.Create(l.Values[row]),
            ValueColumn<double> r => double.IsFinite(r.Values[row]) ? JsonValue.Create(r.Values[row]) : JsonValue.Create(ValueText.RealText(r.Values[row])),
            ValueColumn<decimal> m => JsonValue.Create(m.Values[row].ToString(CultureInfo.InvariantCulture)),
            ValueColumn<Guid> g => JsonValue.Create(g.Values[row].ToString("D")),
            DynamicColumn j => j.Values[row] is JsonObject or JsonArray ? JsonValue.Create(j.Values[row]!.ToJsonString()) : j.Values[row]!.DeepClone(),
            _ => JsonValue.Create(ValueText.Of(column, row)),
        };
    }
}
