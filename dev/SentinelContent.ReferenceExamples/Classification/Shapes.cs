using System.Text.RegularExpressions;
using SentinelContent.ReferenceExamples.Markdown;

namespace SentinelContent.ReferenceExamples.Classification;

/// <summary>
/// An example written in one of the reference's shorthand shapes, restated as the query that runs it:
/// <paramref name="Query"/> runs, <paramref name="Note"/> says how it was restated, and <paramref name="Row"/> is the
/// one result row the page states (null when the page shows its output as a table).
/// </summary>
public sealed record Shape(string Query, string Note, IReadOnlyList<string>? Row);

/// <summary>
/// The reference's shorthand for a function's examples, which is not a query as written:
/// <list type="bullet">
/// <item>a scalar expression alone (`asin(0.5)`) above a one-column result table: run as `print ['column'] = expr`;</item>
/// <item>one expression per line, each with its result in a comment (`round(2.15, 1)   // 2.2`): run as one print
/// of all of them (columns e1, e2, ...), the comments being the expected row;</item>
/// <item>one equality per line (`tobool("true") == true`): run as one print of all of them, each expected true.</item>
/// </list>
/// </summary>
public static partial class Shapes
{
    public static Shape? Of(DocExample example)
    {
        var code = QueryText.WithoutCommentsAndStrings(example.Query);
        if (code.Contains('|') || code.Contains(';') || LeadingKeyword().IsMatch(code)) return null;
        var lines = example.Query.Split('\n').Select((text, i) => (Text: text, Code: code.Split('\n')[i]))
            .Where(l => l.Text.Trim().Length > 0).ToList();
        if (lines.Count == 0) return null;

        // Results in comments: every line is an expression then "// result" (a further "// remark" is dropped).
        // Each line must call a function: a comment after a bare literal describes it ("$.Source" // Source field).
        if (lines.All(l => Call().IsMatch(l.Code) && l.Text.Length > l.Code.TrimEnd().Length && ResultComment().IsMatch(l.Text[l.Code.TrimEnd().Length..])))
        {
            var expressions = lines.Select(l => l.Text[..l.Code.TrimEnd().Length].Trim()).ToList();
            var results = lines.Select(l => ResultComment().Match(l.Text[l.Code.TrimEnd().Length..]).Groups[1].Value.Trim()).ToList();
            return new Shape(Print(expressions), "expressions with their results in comments, run as one print (columns e1, e2, ...)", results);
        }

        // Equalities: every line compares an expression with its value.
        if (lines.All(l => l.Code.Trim().Length > 0 && Equality().IsMatch(l.Code)))
        {
            var expressions = lines.Select(l => $"({l.Text[..l.Code.TrimEnd().Length].Trim()})").ToList();
            return new Shape(Print(expressions), "equalities that the page states hold, run as one print (columns e1, e2, ...), each expected true",
                [.. expressions.Select(_ => "true")]);
        }

        // A bare expression above a one-column result: the column's name is the page's.
        if (lines.Count == 1 || !code.Contains('\n'))
        {
            var table = example.Outputs.FirstOrDefault(o => o.Form != DocOutputForm.Value);
            if (example.Outputs.Count == 1 && table is { Header.Count: 1 })
                return new Shape($"print ['{table.Header[0].Replace("'", "\\'", StringComparison.Ordinal)}'] = {example.Query.Trim()}",
                    "a scalar expression with a one-column result, run as print", null);
        }
        return null;
    }

    private static string Print(IReadOnlyList<string> expressions) =>
        "print " + string.Join(",\n      ", expressions.Select((e, i) => $"e{i + 1} = {e}"));

    [GeneratedRegex(@"^\s*//\s*(.*?)\s*(//.*)?$")]
    private static partial Regex ResultComment();

    [GeneratedRegex(@"\b[A-Za-z_]\w*\s*\(")]
    private static partial Regex Call();

    [GeneratedRegex(@"^[^=!<>]+==[^=]+$")]
    private static partial Regex Equality();

    [GeneratedRegex(@"^\s*(print|range|datatable|let|union|search|find|evaluate|declare|set|alias|restrict|pattern|external|materialize)\b|^\s*\.", RegexOptions.Multiline)]
    private static partial Regex LeadingKeyword();
}
