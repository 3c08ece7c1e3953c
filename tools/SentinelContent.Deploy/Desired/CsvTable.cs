using System.Text;

namespace SentinelContent.Deploy.Desired;

/// <summary>
/// A CSV file read per RFC 4180 (quoted fields may hold commas, quotes and line breaks): the header and
/// the rows, each with its 1-based line number for messages.
/// </summary>
public sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> Rows)
{
    public static CsvTable? Parse(string text, out string? problem, out int problemLine)
    {
        problem = null;
        problemLine = 1;
        var records = new List<(int, IReadOnlyList<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var atFieldStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (fields.Count > 1 || fields[0].Length > 0) records.Add((recordLine, fields));
                    fields = [];
                    line++;
                    recordLine = line;
                    atFieldStart = true;
                    break;
                default:
                    field.Append(c);
                    atFieldStart = false;
                    break;
            }
        }
        if (quoted)
        {
            (problem, problemLine) = ("a quoted field is not closed", recordLine);
            return null;
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }
        if (records.Count == 0)
        {
            problem = "the file is empty; a watchlist needs a header row";
            return null;
        }
        var header = records[0].Item2;
        // A repeated column name would make one column shadow the other; Sentinel matches columns without case.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in header)
        {
            if (!seen.Add(name.Trim()))
            {
                (problem, problemLine) = ($"the header names the column '{name.Trim()}' twice", records[0].Item1);
                return null;
            }
        }
        foreach (var (number, row) in records.Skip(1))
        {
            if (row.Count != header.Count)
            {
                (problem, problemLine) = ($"line {number} has {row.Count} field(s) but the header has {header.Count}", number);
                return null;
            }
        }
        return new CsvTable(header, records.Skip(1).ToList());
    }
}
