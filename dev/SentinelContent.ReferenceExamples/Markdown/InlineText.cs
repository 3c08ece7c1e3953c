using System.Text;
using Markdig.Syntax.Inlines;

namespace SentinelContent.ReferenceExamples.Markdown;

/// <summary>
/// The text a reader sees for a run of Markdown inlines: emphasis and links reduced to their text, code spans
/// as written, entities decoded, &lt;br&gt; as a line break. Inside a table, a `\|` in a code span is a pipe, as
/// GitHub-flavoured Markdown renders it (Markdig leaves the backslash in the code span's content).
/// </summary>
internal static class InlineText
{
    public static string Of(ContainerInline? inlines, bool inTable = false)
    {
        if (inlines is null) return string.Empty;
        var text = new StringBuilder();
        Append(inlines, text, inTable, depth: 0);
        return text.ToString().Trim();
    }

    private static void Append(Inline inline, StringBuilder text, bool inTable, int depth)
    {
        if (depth > 64) return;
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                text.Append(inTable ? code.Content.Replace("\\|", "|", StringComparison.Ordinal) : code.Content);
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                break;
            case HtmlInline html:
                if (html.Tag.StartsWith("<br", StringComparison.OrdinalIgnoreCase)) text.Append('\n');
                break;
            case LineBreakInline:
                text.Append(inTable ? "\n" : " ");
                break;
            case LinkInline { IsImage: true }:
                break;
            case ContainerInline container:
                foreach (var child in container) Append(child, text, inTable, depth + 1);
                break;
        }
    }
}
