using System.Net;
using System.Text.RegularExpressions;
using Markdig.Extensions.Tables;

namespace SentinelContent.ReferenceExamples.Markdown;

/// <summary>
/// A result table cell as its author wrote it: the cell's source text, not Markdown's rendering of it. Authors
/// paste values into result tables as they are (`{"b":"{\"c\":456}"}`, `C:\\temp` inside JSON), and Markdown's
/// backslash escapes would drop the backslashes they mean. Only what Markdown needs in a table cell is undone: `\|`
/// for a pipe, a code span's backticks, &lt;br&gt; for a line break, HTML entities,
/// a cell that is one link or one emphasis.
/// </summary>
internal static partial class CellText
{
    public static string Of(string source, TableCell cell)
    {
        var start = Math.Clamp(cell.Span.Start, 0, source.Length);
        var end = Math.Clamp(cell.Span.End + 1, start, source.Length);
        var text = source[start..end].Trim();
        if (text.StartsWith('|')) text = text[1..];
        if (text.EndsWith('|') && !text.EndsWith("\\|", StringComparison.Ordinal)) text = text[..^1];
        text = text.Trim().Replace("\\|", "|", StringComparison.Ordinal);
        text = LineBreak().Replace(text, "\n");
        if (CodeSpan().Match(text) is { Success: true } code) text = code.Groups[2].Value.Trim();
        else if (Strong().Match(text) is { Success: true } strong) text = strong.Groups[2].Value;
        else if (Link().Match(text) is { Success: true } link) text = link.Groups[1].Value;
        else if (Autolink().Match(text) is { Success: true } autolink) text = autolink.Groups[1].Value;
        return WebUtility.HtmlDecode(text).Trim();
    }

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    /// <summary>A cell that is one code span: `x` or ``x``.</summary>
    [GeneratedRegex(@"^(`+)(.*?)\1$", RegexOptions.Singleline)]
    private static partial Regex CodeSpan();

    /// <summary>A cell that is one Markdown link: its text.</summary>
    [GeneratedRegex(@"^\[([^\]]*)\]\([^)\s]*\)$")]
    private static partial Regex Link();

    [GeneratedRegex(@"^<((?:https?|mailto):[^>\s]+)>$")]
    private static partial Regex Autolink();

    /// <summary>A cell in bold or italics as a whole.</summary>
    [GeneratedRegex(@"^(\*\*|\*|__)(.+)\1$", RegexOptions.Singleline)]
    private static partial Regex Strong();
}
