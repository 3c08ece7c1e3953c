using System.Globalization;
using System.Text;
using SentinelContent.Core.Text;
using SentinelContent.Kql.Data;

namespace SentinelContent.Reporting.Results;

/// <summary>
/// A table for people: columns aligned, numbers right-aligned, wide cells cut with an ellipsis, line breaks and
/// tabs shown as spaces, then a row count. The header is bold cyan only when asked (a terminal, not a pipe).
/// </summary>
public sealed class TextTableWriter(bool color, int maxCellWidth = TextTableWriter.DefaultMaxCellWidth) : IResultWriter
{
    public const int DefaultMaxCellWidth = 48;
    private const string Header = "\u001b[1;36m";
    private const string Reset = "\u001b[0m";

    public void Write(DataTable result, TextWriter writer)
    {
        var columns = result.Schema.Columns;
        var cells = new string[result.RowCount, columns.Count];
        var widths = columns.Select(c => Fit(c.Name).Length).ToArray();
        for (var row = 0; row < result.RowCount; row++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var text = Fit(ValueText.Of(result.Columns[c], row));
                cells[row, c] = text;
                widths[c] = Math.Max(widths[c], text.Length);
            }
        }
        var rightAligned = columns.Select(c => c.Type is Kql.Schema.ScalarType.Int or Kql.Schema.ScalarType.Long or Kql.Schema.ScalarType.Real or Kql.Schema.ScalarType.Decimal).ToArray();

        if (columns.Count > 0)
        {
            var header = string.Join("  ", columns.Select((c, i) => Fit(c.Name).PadRight(widths[i]))).TrimEnd();
            writer.WriteLine(color ? Header + header + Reset : header);
            writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        }
        var line = new StringBuilder();
        for (var row = 0; row < result.RowCount; row++)
        {
            line.Clear();
            for (var c = 0; c < columns.Count; c++)
            {
                if (c > 0) line.Append("  ");
                line.Append(rightAligned[c] ? cells[row, c].PadLeft(widths[c]) : cells[row, c].PadRight(widths[c]));
            }
            writer.WriteLine(line.ToString().TrimEnd());
        }
        writer.WriteLine(result.RowCount == 1 ? "(1 row)" : string.Create(CultureInfo.InvariantCulture, $"({result.RowCount} rows)"));
    }

    /// <summary>
    /// One line, at most <see cref="maxCellWidth"/> characters: line breaks and tabs become spaces, other control
    /// characters (ESC sequences in log data) are shown escaped (<see cref="TerminalText"/>), the rest is cut with an ellipsis.
    /// </summary>
    private string Fit(string text)
    {
        if (text.AsSpan().IndexOfAny("\r\n\t") >= 0)
            text = string.Create(text.Length, text, (span, source) => { for (var i = 0; i < span.Length; i++) span[i] = source[i] is '\r' or '\n' or '\t' ? ' ' : source[i]; });
        text = TerminalText.Escape(text);
        return text.Length <= maxCellWidth ? text : string.Concat(text.AsSpan(0, Math.Max(1, maxCellWidth - 1)), "…");
    }
}
