namespace SentinelContent.Docs;

/// <summary>
/// A rule description split by the convention this repository's rules follow: paragraphs on what the rule
/// detects and why, one starting "Severity is" (the severity's reason), and "What to check:" / "What to do:"
/// paragraphs (the response). A description that does not follow it is all "what it detects".
/// </summary>
public sealed record DescriptionSections(IReadOnlyList<string> Detects, IReadOnlyList<string> Severity, IReadOnlyList<string> Response)
{
    private static readonly string[] SeverityStarts = ["Severity is", "Severity:"];
    private static readonly string[] ResponseStarts = ["What to check", "What to do", "How to respond", "Response:", "Next steps"];

    public static DescriptionSections Split(string? description)
    {
        var detects = new List<string>();
        var severity = new List<string>();
        var response = new List<string>();
        foreach (var paragraph in Paragraphs(description ?? string.Empty))
        {
            if (SeverityStarts.Any(s => paragraph.StartsWith(s, StringComparison.OrdinalIgnoreCase))) severity.Add(paragraph);
            else if (ResponseStarts.Any(s => paragraph.StartsWith(s, StringComparison.OrdinalIgnoreCase))) response.Add(paragraph);
            else detects.Add(paragraph);
        }
        return new DescriptionSections(detects, severity, response);
    }

    /// <summary>Paragraphs separated by blank lines, each joined into one line (Markdown reflows them anyway).</summary>
    private static IEnumerable<string> Paragraphs(string text)
    {
        var current = new List<string>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                if (current.Count > 0) yield return string.Join(' ', current);
                current.Clear();
            }
            else
            {
                current.Add(line);
            }
        }
        if (current.Count > 0) yield return string.Join(' ', current);
    }
}
