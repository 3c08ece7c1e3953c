using System.Text.RegularExpressions;
using SentinelContent.ReferenceExamples.Cases;
using SentinelContent.ReferenceExamples.Markdown;
using SentinelContent.TestSupport;

namespace SentinelContent.ReferenceExamples.Classification;

/// <summary>
/// Turns the outputs a page shows for an example into expected result tables: the page's column names typed by
/// Microsoft's binder (by name, else by position when the counts agree), the cells as rendered, empty cells as
/// null. A table that only a sentence introduced is kept only when its columns are the query's (otherwise it is
/// the next example's input). A value printed alone in a code block is the result's one cell, or its last column;
/// a last query line `// column = value` states that column's value.
/// </summary>
internal static partial class Outputs
{
    public static List<ReferenceOutput> Read(DocExample example, OracleResult bound, out string? note)
    {
        note = null;
        var columns = bound.Columns ?? [];
        var outputs = new List<ReferenceOutput>();
        if (example.Outputs.Count == 0 && TrailingResult().Match(example.Query) is { Success: true } stated
            && columns.FirstOrDefault(c => c.Name == stated.Groups[1].Value) is { } column)
        {
            // `// pValue = 0.021` as the query's last line: the page states one column's value.
            outputs.Add(new ReferenceOutput { Columns = [Typed(column.Name, column.Type)], Rows = [[stated.Groups[2].Value]], SomeColumns = columns.Count > 1 });
            return outputs;
        }
        foreach (var shown in example.Outputs)
        {
            if (shown.Form == DocOutputForm.Value)
            {
                if (columns.Count == 0)
                {
                    note = "the page prints a value, and Microsoft's binder gives the query no result columns to hold it";
                    continue;
                }
                outputs.Add(new ReferenceOutput
                {
                    Label = shown.Label,
                    Columns = [Typed(columns[^1].Name, columns[^1].Type)],
                    Rows = [[shown.Rows[0][0].Trim()]],
                    SomeColumns = columns.Count > 1,
                });
                continue;
            }

            var header = shown.Header.Select(h => h.Trim()).ToList();
            var names = columns.Select(c => c.Name).ToList();
            var same = header.SequenceEqual(names, StringComparer.Ordinal);
            var some = !same && header.Count < names.Count && header.All(names.Contains);
            // A table only a sentence introduced is this example's output only if it has the query's very columns.
            if (shown.AfterSentence && !same && names.Count > 0) continue;

            var output = new ReferenceOutput
            {
                Label = shown.Label,
                Columns = [.. header.Select((h, i) => TypeOf(h, i, header.Count, columns))],
                SomeColumns = some,
            };
            foreach (var row in shown.Rows)
            {
                if (row.Count > 0 && row.All(cell => Ellipsis().IsMatch(cell.Trim())))
                {
                    output.SomeRows = true;
                    continue;
                }
                output.Rows.Add([.. row.Select(cell => cell.Trim() is { Length: > 0 } text ? text : null)]);
            }
            if (shown.Intro.Any(p => PartialRows().IsMatch(p))) output.SomeRows = true;
            outputs.Add(output);
        }
        return outputs;
    }

    /// <summary>The one row a page states in its shorthand (results in comments, equalities), under the restated query's columns.</summary>
    public static ReferenceOutput Stated(IReadOnlyList<string> row, OracleResult bound) => new()
    {
        Columns = [.. (bound.Columns ?? []).Select(c => Typed(c.Name, c.Type))],
        Rows = [[.. row]],
    };

    private static string TypeOf(string name, int position, int count, IReadOnlyList<OracleColumn> columns)
    {
        var byName = columns.FirstOrDefault(c => c.Name == name);
        if (byName is not null) return Typed(name, byName.Type);
        return count == columns.Count ? Typed(name, columns[position].Type) : name;
    }

    /// <summary>name:type in KQL's type names; the name alone where the binder cannot type the column (an open schema).</summary>
    private static string Typed(string name, string type) => type switch
    {
        "" or "unknown" => name,
        "double" => $"{name}:real",
        _ => $"{name}:{type}",
    };

    [GeneratedRegex(@"//\s*(\w+)\s*=\s*(\S+)\s*$")]
    private static partial Regex TrailingResult();

    [GeneratedRegex(@"^(\.\.\.|…)$")]
    private static partial Regex Ellipsis();

    [GeneratedRegex(@"\b(only (shows?|displays?|includes?|lists?)|shows? only|first \d+|partial|truncated|some of the|a sample of|sample output|for brevity|abbreviated)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PartialRows();
}
