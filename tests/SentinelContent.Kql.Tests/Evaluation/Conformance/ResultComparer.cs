using System.Globalization;
using System.Text.Json.Nodes;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Tests.Evaluation.Conformance;

/// <summary>
/// Compares a result with a case's documented output: columns by name and type, then rows value by value in
/// the column's type (reals to 1e-9 relative, as the reference prints them rounded; datetimes and timespans as
/// instants and durations, whatever their text; dynamic as JSON structure). Returns why they differ, or null.
/// </summary>
internal static class ResultComparer
{
    public static string? Difference(ConformanceCase expected, DataTable actual)
    {
        var columns = actual.Schema.Columns.Select(c => $"{c.Name}:{c.Type.Name()}").ToList();
        if (!columns.SequenceEqual(expected.Columns, StringComparer.Ordinal))
            return $"columns [{string.Join(", ", columns)}], expected [{string.Join(", ", expected.Columns)}]";

        var rows = Enumerable.Range(0, actual.RowCount).ToList();
        if (rows.Count != expected.Rows.Count) return $"{rows.Count} rows, expected {expected.Rows.Count}: got {Show(actual, rows)}";
        var unmatched = new List<int>(rows);
        for (var i = 0; i < expected.Rows.Count; i++)
        {
            var want = expected.Rows[i];
            if (want.Count != actual.Columns.Count) return $"expected row {i + 1} has {want.Count} values for {actual.Columns.Count} columns";
            var match = expected.Ordered
                ? (RowEquals(actual, unmatched[0], want) ? unmatched[0] : -1)
                : unmatched.FirstOrDefault(r => RowEquals(actual, r, want), -1);
            if (match < 0)
                return $"expected row {i + 1} [{string.Join(", ", want.Select(v => v ?? "null"))}] not found{(expected.Ordered ? " in order" : string.Empty)}; got {Show(actual, rows)}";
            unmatched.Remove(match);
        }
        return null;
    }

    private static string Show(DataTable table, List<int> rows) =>
        string.Join(" ", rows.Take(6).Select(r => "[" + string.Join(", ", table.Columns.Select(c => c.IsNull(r) ? "null" : ValueText.Of(c, r))) + "]")) + (rows.Count > 6 ? " ..." : string.Empty);

    private static bool RowEquals(DataTable table, int row, List<string?> expected)
    {
        for (var c = 0; c < table.Columns.Count; c++)
        {
            if (!CellEquals(table.Columns[c], row, expected[c])) return false;
        }
        return true;
    }

    public static bool CellEquals(Column column, int row, string? expected)
    {
        if (column.IsNull(row)) return expected is null || (column.Type == ScalarType.String && expected.Length == 0);
        var text = ValueText.Of(column, row);
        if (expected is null) return column.Type == ScalarType.String && text.Length == 0;
        var invariant = CultureInfo.InvariantCulture;
        return column switch
        {
            ValueColumn<double> r => RealEquals(r.Values[row], expected),
            ValueColumn<decimal> m => decimal.TryParse(expected, NumberStyles.Float, invariant, out var d) && d == m.Values[row],
            ValueColumn<DateTime> t => DateTime.TryParse(expected, invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var when) && when == t.Values[row],
            ValueColumn<TimeSpan> s => TimeSpan.TryParse(expected, invariant, out var span) && span == s.Values[row],
            ValueColumn<bool> b => string.Equals(expected, b.Values[row] ? "true" : "false", StringComparison.OrdinalIgnoreCase),
            ValueColumn<Guid> g => Guid.TryParse(expected, out var id) && id == g.Values[row],
            DynamicColumn j => DynamicEquals(j.Values[row], expected),
            _ => text == expected,
        };
    }

    private static bool RealEquals(double actual, string expected)
    {
        if (!double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var want))
        {
            want = expected switch { "NaN" => double.NaN, "Infinity" or "inf" or "+inf" => double.PositiveInfinity, "-Infinity" or "-inf" => double.NegativeInfinity, _ => double.NaN - 1 };
            if (expected is not ("NaN" or "Infinity" or "inf" or "+inf" or "-Infinity" or "-inf")) return false;
        }
        if (double.IsNaN(want)) return double.IsNaN(actual);
        if (double.IsInfinity(want) || double.IsInfinity(actual)) return want == actual;
        return Math.Abs(actual - want) <= 1e-9 * Math.Max(1, Math.Abs(want));
    }

    private static bool DynamicEquals(JsonNode? actual, string expected)
    {
        JsonNode? want;
        try
        {
            want = JsonNode.Parse(expected);
        }
        catch (System.Text.Json.JsonException)
        {
            // A bare word is the documented text of a dynamic string.
            return actual is JsonValue v && v.TryGetValue<string>(out var s) && s == expected;
        }
        return JsonEquals(actual, want);
    }

    private static bool JsonEquals(JsonNode? a, JsonNode? b)
    {
        switch (a, b)
        {
            case (null, null):
                return true;
            case (JsonObject x, JsonObject y):
                return x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var other) && JsonEquals(p.Value, other));
            case (JsonArray x, JsonArray y):
                return x.Count == y.Count && x.Zip(y).All(p => JsonEquals(p.First, p.Second));
            case (JsonValue x, JsonValue y):
                if (x.TryGetValue<double>(out var dx) && y.TryGetValue<double>(out var dy)) return dx == dy || Math.Abs(dx - dy) <= 1e-9 * Math.Max(1, Math.Abs(dy));
                return x.ToJsonString() == y.ToJsonString();
            default:
                return false;
        }
    }
}
