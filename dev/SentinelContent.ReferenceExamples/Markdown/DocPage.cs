namespace SentinelContent.ReferenceExamples.Markdown;

/// <summary>A page as read from its Markdown: title and the ```kusto examples with what follows each.</summary>
public sealed record DocPage(string Title, IReadOnlyList<DocExample> Examples);

/// <summary>
/// One ```kusto block and the blocks after it up to the next example or heading: the result tables, result code
/// blocks and images the page shows for it, and the prose between them (which says when an output is partial).
/// </summary>
public sealed record DocExample(int Ordinal, int Line, string Heading, string? Moniker, string? Tab, string Query)
{
    public List<DocOutput> Outputs { get; } = [];

    public List<string> Prose { get; } = [];

    /// <summary>An image (:::image or ![...]) follows the example: a chart or a picture of the result.</summary>
    public bool HasImage { get; set; }
}

/// <summary>
/// A documented result: a table's header and rows, as rendered text. <paramref name="AfterSentence"/>: only a
/// sentence ("The resulting table is:") introduced it, not an output label nor adjacency to the example.
/// <paramref name="Intro"/>: the prose between the example (or the previous output) and this one, which says when
/// the page shows only part of the result.
/// </summary>
public sealed record DocOutput(
    int Line, string? Label, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, DocOutputForm Form, bool AfterSentence, IReadOnlyList<string> Intro);

public enum DocOutputForm
{
    /// <summary>A Markdown pipe table.</summary>
    Table,

    /// <summary>A code block printing a table as text (header, dashes, rows).</summary>
    TextTable,

    /// <summary>A code block holding one value (a JSON document, a string): a one-cell result.</summary>
    Value,
}
