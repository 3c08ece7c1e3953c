using SentinelContent.Kql.Data;

namespace SentinelContent.Reporting.Results;

/// <summary>
/// RFC 4180 CSV: a header row of column names, CRLF line ends, fields quoted when they hold a comma, a quote or
/// a line break (quotes doubled). Values are written as KQL's tostring() writes them (null as an empty field),
/// except datetimes, which keep the API's seven fractional digits so every format shows the same instant alike.
/// </summary>
public sealed class CsvResultWriter : IResultWriter
{
    public void Write(DataTable result, TextWriter writer)
    {
        WriteRecord(writer, result.Schema.Columns.Select(c => c.Name));
        for (var row = 0; row < result.RowCount; row++)
        {
            WriteRecord(writer, result.Columns.Select(c => Cell(c, row)));
        }
    }

    private static string Cell(Column column, int row) =>
        column is ValueColumn<DateTime> times && !column.IsNull(row) ? ResultJson.DateTimeText(times.Values[row]) : ValueText.Of(column, row);

    private static void WriteRecord(TextWriter writer, IEnumerable<string> fields)
    {
        writer.Write(string.Join(",", fields.Select(Quote)));
        writer.Write("\r\n");
    }

    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

}
