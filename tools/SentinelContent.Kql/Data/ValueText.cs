using System.Globalization;
using System.Text.Json.Nodes;

namespace SentinelContent.Kql.Data;

/// <summary>
/// A value as KQL's tostring() writes it: datetimes ISO 8601 UTC with all 7 fractional digits, timespans
/// [d.]hh:mm:ss[.fffffff], dynamic as compact JSON, numbers in invariant culture, null as empty text.
/// </summary>
public static class ValueText
{
    public static string Of(Column column, int row)
    {
        if (column.IsNull(row)) return string.Empty;
        return column switch
        {
            StringColumn s => s[row],
            ValueColumn<DateTime> d => DateTimeText(d.Values[row]),
            ValueColumn<TimeSpan> t => t.Values[row].ToString("c", CultureInfo.InvariantCulture),
            ValueColumn<bool> b => b.Values[row] ? "true" : "false",
            ValueColumn<double> r => RealText(r.Values[row]),
            DynamicColumn j => j.TryGetCompact(out var compact) ? compact.Text(row) : DynamicText(j.Values[row]),
            _ => Convert.ToString(column.GetValue(row), CultureInfo.InvariantCulture) ?? string.Empty,
        };
    }

    /// <summary>tostring(datetime(2015-12-31 23:59:59.9)) is "2015-12-31T23:59:59.9000000Z": Kusto always writes the 7 digits of its 100 ns ticks (tostring-function.md).</summary>
    public static string DateTimeText(DateTime value) =>
        value.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "Z";

    public static string RealText(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "Infinity" : double.IsNegativeInfinity(value) ? "-Infinity"
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A dynamic string value is its text (as tostring gives); anything else is compact JSON.</summary>
    public static string DynamicText(JsonNode? value) =>
        value switch
        {
            null => string.Empty,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => value.ToJsonString(),
        };
}
