namespace SentinelContent.Docs;

/// <summary>The few Markdown escapes generated pages need.</summary>
internal static class Markdown
{
    /// <summary>Text inside a table cell: pipes escaped, line breaks flattened.</summary>
    public static string Cell(string? text) =>
        (text ?? string.Empty).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>Inline code that may itself contain backticks.</summary>
    public static string Code(string text) => text.Contains('`', StringComparison.Ordinal) ? $"`` {text} ``" : $"`{text}`";

    /// <summary>A fence longer than any run of backticks in the text.</summary>
    public static string Fence(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return new string('`', Math.Max(3, longest + 1));
    }

    public static string TechniqueUrl(string id) => $"https://attack.mitre.org/techniques/{id.Replace('.', '/')}/";

    public static string TacticUrl(string id) => $"https://attack.mitre.org/tactics/{id}/";
}
