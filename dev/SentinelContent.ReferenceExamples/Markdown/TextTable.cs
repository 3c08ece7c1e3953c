using System.Text.RegularExpressions;

namespace SentinelContent.ReferenceExamples.Markdown;

/// <summary>
/// A result printed as text in a code block: a header line, a line of dashes, then rows. Columns are split on
/// '|' when the header has them, else on runs of two or more spaces (or tabs); one column otherwise.
/// </summary>
internal static partial class TextTable
{
    public static bool Looks(string text) => Read(text) is not null;

    public static (IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)? Read(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Trim().Length > 0).ToList();
        var separator = lines.FindIndex(l => Dashes().IsMatch(l));
        if (separator != 1) return null;
        var pipes = lines[0].Contains('|', StringComparison.Ordinal);
        var header = Split(lines[0], pipes);
        var rows = lines.Skip(2).Select(l => (IReadOnlyList<string>)Split(l, pipes)).ToList();
        return (header, rows);
    }

    private static List<string> Split(string line, bool pipes)
    {
        var cells = pipes ? line.Trim().Trim('|').Split('|') : Gap().Split(line.Trim());
        return [.. cells.Select(c => c.Trim())];
    }

    [GeneratedRegex(@"^\s*\|?\s*-{2,}[-|+\s]*$")]
    private static partial Regex Dashes();

    [GeneratedRegex(@"\s{2,}|\t")]
    private static partial Regex Gap();
}
