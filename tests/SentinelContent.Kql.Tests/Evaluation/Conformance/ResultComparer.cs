using SentinelContent.Kql.Data;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Tests.Evaluation.Conformance;

/// <summary>
/// Compares a result with a documented output: columns by name and (where documented) type, then rows value by
/// value in the column's type (<see cref="CellComparer"/>: reals to the printed precision, datetimes and timespans
/// as values, dynamic as JSON structure), in order when the example orders them, else as a multiset. Returns why
/// they differ, or null.
/// </summary>
internal static class ResultComparer
{
    public static string? Difference(ConformanceCase expected, DataTable actual) =>
        Difference(new ExpectedTable(expected.Columns, expected.Rows, expected.Ordered), actual);

    public static string? Difference(ExpectedTable expected, DataTable actual) => Compare(expected, actual, valuesToo: true);

    /// <summary>For results that differ from run to run: the columns and the number of rows only.</summary>
    public static string? ShapeDifference(ExpectedTable expected, DataTable actual) => Compare(expected, actual, valuesToo: false);

    private static string? Compare(ExpectedTable expected, DataTable actual, bool valuesToo)
    {
        var wanted = expected.Columns.Select(ExpectedColumn.Parse).ToList();
        var columns = actual.Schema.Columns.Select(c => (c.Name, c.Type)).ToList();
        var shown = ColumnsShown(wanted, columns, expected.SomeColumns, out var columnDifference);
        if (columnDifference is not null) return columnDifference;

        var rows = Enumerable.Range(0, actual.RowCount).ToList();
        if (expected.SomeRows ? rows.Count < expected.Rows.Count : rows.Count != expected.Rows.Count)
            return $"{rows.Count} rows, expected {(expected.SomeRows ? "at least " : string.Empty)}{expected.Rows.Count}: got {Show(actual, shown, rows)}";
        if (!valuesToo) return null;

        var unmatched = new List<int>(rows);
        for (var i = 0; i < expected.Rows.Count; i++)
        {
            var want = expected.Rows[i];
            if (want.Count != shown.Count) return $"expected row {i + 1} has {want.Count} values for {shown.Count} columns";
            var match = expected.Ordered && !expected.SomeRows
                ? (RowEquals(actual, shown, unmatched[0], want) ? unmatched[0] : -1)
                : unmatched.FirstOrDefault(r => RowEquals(actual, shown, r, want), -1);
            if (match < 0)
                return $"expected row {i + 1} [{string.Join(", ", want.Select(v => v ?? "null"))}] not found{(expected.Ordered ? " in order" : string.Empty)}; got {Show(actual, shown, rows)}";
            unmatched.Remove(match);
        }
        return null;
    }

    /// <summary>The result's column index for each documented column, or why the columns differ.</summary>
    private static List<int> ColumnsShown(List<ExpectedColumn> wanted, List<(string Name, ScalarType Type)> columns, bool some, out string? difference)
    {
        difference = null;
        var shown = new List<int>();
        var describe = () => $"columns [{string.Join(", ", columns.Select(c => $"{c.Name}:{c.Type.Name()}"))}], expected {(some ? "among them " : string.Empty)}[{string.Join(", ", wanted)}]";
        if (!some && wanted.Count != columns.Count)
        {
            difference = describe();
            return shown;
        }
        for (var i = 0; i < wanted.Count; i++)
        {
            var index = some ? columns.FindIndex(c => c.Name == wanted[i].Name) : i;
            if (index < 0 || columns[index].Name != wanted[i].Name || (wanted[i].Type is { } type && columns[index].Type != type))
            {
                difference = describe();
                return shown;
            }
            shown.Add(index);
        }
        return shown;
    }

    private static string Show(DataTable table, List<int> columns, List<int> rows) =>
        string.Join(" ", rows.Take(6).Select(r => "[" + string.Join(", ", columns.Select(c => table.Columns[c].IsNull(r) ? "null" : ValueText.Of(table.Columns[c], r))) + "]"))
        + (rows.Count > 6 ? $" ... ({rows.Count} rows)" : string.Empty);

    private static bool RowEquals(DataTable table, List<int> columns, int row, IReadOnlyList<string?> expected)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (!CellComparer.Equal(table.Columns[columns[i]], row, expected[i])) return false;
        }
        return true;
    }

    /// <summary>A documented column: "name" or "name:type" (the type only when it is one of KQL's).</summary>
    private sealed record ExpectedColumn(string Name, ScalarType? Type)
    {
        public static ExpectedColumn Parse(string text)
        {
            var colon = text.LastIndexOf(':');
            return colon > 0 && ScalarTypes.TryParse(text[(colon + 1)..], out var type)
                ? new ExpectedColumn(text[..colon], type)
                : new ExpectedColumn(text, null);
        }

        public override string ToString() => Type is { } type ? $"{Name}:{type.Name()}" : Name;
    }
}
