using SentinelContent.Kql.Data;

namespace SentinelContent.Reporting.Results;

/// <summary>The output formats of a query result.</summary>
public enum ResultFormat
{
    Table,
    Json,
    Csv,
}

/// <summary>Writes a query result table in one format.</summary>
public interface IResultWriter
{
    void Write(DataTable result, TextWriter writer);
}

public static class ResultWriters
{
    /// <param name="color">Colour the table's header (a terminal only).</param>
    /// <param name="maxCellWidth">The widest a table cell may be before it is cut with an ellipsis.</param>
    public static IResultWriter For(ResultFormat format, bool color, int maxCellWidth = TextTableWriter.DefaultMaxCellWidth) => format switch
    {
        ResultFormat.Json => new JsonResultWriter(),
        ResultFormat.Csv => new CsvResultWriter(),
        _ => new TextTableWriter(color, maxCellWidth),
    };
}
