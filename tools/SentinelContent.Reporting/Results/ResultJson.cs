using System.Globalization;
using System.Text.Json;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Reporting.Results;

/// <summary>
/// Cells as the Log Analytics query API returns them (docs/query.md): datetimes ISO 8601 UTC with seven
/// fractional digits, timespans [d.]hh:mm:ss[.fffffff], guids as text, int/long/real as JSON numbers (real's
/// NaN and infinities as the strings "NaN", "Infinity", "-Infinity", which JSON cannot hold as numbers),
/// decimal as text (exact; a JSON number would round it through a double in most readers), dynamic as the JSON
/// value itself and null as JSON null.
/// </summary>
public static class ResultJson
{
    public static void WriteColumns(Utf8JsonWriter json, DataTable table)
    {
        json.WriteStartArray("columns");
        foreach (var column in table.Schema.Columns)
        {
            json.WriteStartObject();
            json.WriteString("name", column.Name);
            json.WriteString("type", column.Type.Name());
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    public static void WriteRows(Utf8JsonWriter json, DataTable table)
    {
        json.WriteStartArray("rows");
        for (var row = 0; row < table.RowCount; row++)
        {
            json.WriteStartArray();
            foreach (var column in table.Columns) WriteCell(json, column, row);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    public static void WriteCell(Utf8JsonWriter json, Column column, int row)
    {
        if (column.IsNull(row))
        {
            json.WriteNullValue();
            return;
        }
        switch (column)
        {
            case StringColumn s:
                json.WriteStringValue(s.Values[row]);
                break;
            case DynamicColumn d:
                d.Values[row]!.WriteTo(json);
                break;
            case ValueColumn<bool> b:
                json.WriteBooleanValue(b.Values[row]);
                break;
            case ValueColumn<int> i:
                json.WriteNumberValue(i.Values[row]);
                break;
            case ValueColumn<long> l:
                json.WriteNumberValue(l.Values[row]);
                break;
            case ValueColumn<double> r when double.IsFinite(r.Values[row]):
                json.WriteNumberValue(r.Values[row]);
                break;
            case ValueColumn<double> r:
                json.WriteStringValue(ValueText.RealText(r.Values[row]));
                break;
            case ValueColumn<decimal> m:
                json.WriteStringValue(m.Values[row].ToString(CultureInfo.InvariantCulture));
                break;
            case ValueColumn<DateTime> t:
                json.WriteStringValue(DateTimeText(t.Values[row]));
                break;
            default:
                json.WriteStringValue(ValueText.Of(column, row));
                break;
        }
    }

    /// <summary>The API's datetime form: always seven fractional digits (2026-11-20T11:30:00.0000000Z).</summary>
    public static string DateTimeText(DateTime value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static JsonWriterOptions Options(bool indented) =>
        new() { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
