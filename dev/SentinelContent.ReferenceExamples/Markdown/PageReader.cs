using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SentinelContent.ReferenceExamples.Markdown;

/// <summary>
/// Reads a reference page with Markdig (the Markdown engine the published pages are rendered with) and collects
/// its ```kusto examples in order, each with the outputs the page shows after it. The docs' own shapes:
/// `::: moniker range` zones (read from the raw lines, because Markdig folds a zone's closing line into the
/// "Run the query" quote before it), tabs (`# [Title](#tab/id)` headings up to a `---` line), output labels
/// (**Output**, ### Output), results as pipe tables or as code blocks, several outputs per example.
/// </summary>
public static partial class PageReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseYamlFrontMatter().Build();

    public static DocPage Read(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var monikers = MonikerZones(lines);
        var source = string.Join('\n', lines);
        var document = Markdig.Markdown.Parse(source, Pipeline);
        var state = new State(monikers, source);
        foreach (var block in document) Visit(block, state, depth: 0);
        return new DocPage(state.Title, state.Examples);
    }

    private sealed class State(string?[] monikers, string source)
    {
        public string?[] Monikers { get; } = monikers;
        public string Source { get; } = source;
        public string Title { get; set; } = string.Empty;
        public List<DocExample> Examples { get; } = [];
        public SortedDictionary<int, string> Headings { get; } = [];
        public (int Level, string Title)? Tab { get; set; }
        public DocExample? Current { get; set; }

        /// <summary>An output label (or a sentence introducing the result) since the last prose: outputs may follow.</summary>
        public bool AfterOutputLabel { get; set; }

        /// <summary>Prose that does not introduce a result came after the example's last block: what follows is not its output.</summary>
        public bool AfterProse { get; set; }

        /// <summary>Only a sentence (not a label, nor adjacency to the example) introduced the next output.</summary>
        public bool AfterSentence { get; set; }

        /// <summary>An output was taken since the last label: prose now is about that output, not a caption for the next.</summary>
        public bool OutputSinceLabel { get; set; }

        /// <summary>How many of the current example's prose paragraphs earlier outputs took as their intro.</summary>
        public int ProseTaken { get; set; }

        public bool AcceptsOutput => Current is not null && (AfterOutputLabel || !AfterProse);
    }

    private static void Visit(Block block, State state, int depth)
    {
        if (depth > 32) return;
        switch (block)
        {
            case HeadingBlock heading:
                OnHeading(heading, state);
                break;
            case FencedCodeBlock code:
                OnCode(code, state);
                break;
            case Table table:
                OnTable(table, state);
                break;
            case ThematicBreakBlock:
                state.Tab = null;
                break;
            case ParagraphBlock paragraph:
                OnParagraph(paragraph, state);
                break;
            case QuoteBlock quote when IsRunTheQueryLink(quote):
                break;
            case ContainerBlock container:
                foreach (var child in container) Visit(child, state, depth + 1);
                break;
        }
    }

    private static void OnHeading(HeadingBlock heading, State state)
    {
        var text = InlineText.Of(heading.Inline);
        if (heading.Level == 1 && state.Title.Length == 0)
        {
            state.Title = text;
            return;
        }
        if (TabHeading().Match(text) is { Success: true } tab)
        {
            state.Tab = (heading.Level, tab.Groups[1].Value);
            return;
        }
        if (IsOutputLabel(text))
        {
            state.AfterOutputLabel = true;
            state.AfterSentence = false;
            state.OutputSinceLabel = false;
            return;
        }
        if (state.Tab is { } open && heading.Level <= open.Level) state.Tab = null;
        foreach (var deeper in state.Headings.Keys.Where(level => level >= heading.Level).ToList()) state.Headings.Remove(deeper);
        state.Headings[heading.Level] = text;
        state.Current = null;
        Reset(state);
    }

    private static void Reset(State state)
    {
        state.ProseTaken = 0;
        state.AfterOutputLabel = false;
        state.AfterProse = false;
        state.AfterSentence = false;
        state.OutputSinceLabel = false;
    }

    private static void OnCode(FencedCodeBlock code, State state)
    {
        var info = (code.Info ?? string.Empty).Trim();
        var text = string.Join('\n', code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString())).TrimEnd();
        var isKusto = info.Equals("kusto", StringComparison.OrdinalIgnoreCase) || info.Equals("kql", StringComparison.OrdinalIgnoreCase);
        // A ```kusto block right after an output label that prints a table ("result\n-----\n100") is an output.
        if (isKusto && !(state.Current is not null && state.AfterOutputLabel && TextTable.Looks(text)))
        {
            var ordinal = state.Examples.Count + 1;
            var heading = string.Join(" > ", state.Headings.Values);
            var example = new DocExample(ordinal, code.Line + 1, heading, Moniker(state, code.Line), state.Tab?.Title, text);
            state.Examples.Add(example);
            state.Current = example;
            Reset(state);
            return;
        }
        if (!state.AcceptsOutput) return;
        if (info.Length == 0 || isKusto || info.Equals("json", StringComparison.OrdinalIgnoreCase) || info.Equals("output", StringComparison.OrdinalIgnoreCase) || info.Equals("text", StringComparison.OrdinalIgnoreCase))
        {
            var label = OutputLabel(state);
            state.Current!.Outputs.Add(TextTable.Read(text) is { } table
                ? new DocOutput(code.Line + 1, label, table.Header, table.Rows, DocOutputForm.TextTable, state.AfterSentence, Intro(state))
                : new DocOutput(code.Line + 1, label, [], [[text]], DocOutputForm.Value, state.AfterSentence, Intro(state)));
            state.AfterProse = false;
            state.OutputSinceLabel = true;
        }
    }

    private static void OnTable(Table table, State state)
    {
        if (!state.AcceptsOutput) return;
        var rows = table.OfType<TableRow>().ToList();
        var header = rows.FirstOrDefault(r => r.IsHeader);
        if (header is null) return;
        // Column names as rendered (`series\_periods` is series_periods); values as written (see CellText).
        var names = (IReadOnlyList<string>)[.. header.OfType<TableCell>().Select(c => string.Join("\n", c.OfType<ParagraphBlock>().Select(p => InlineText.Of(p.Inline, inTable: true))))];
        var cells = (TableRow row) => (IReadOnlyList<string>)[.. row.OfType<TableCell>().Select(c => CellText.Of(state.Source, c))];
        state.Current!.Outputs.Add(new DocOutput(table.Line + 1, OutputLabel(state), names, [.. rows.Where(r => !r.IsHeader).Select(cells)], DocOutputForm.Table, state.AfterSentence, Intro(state)));
        state.AfterProse = false;
        state.OutputSinceLabel = true;
    }

    private static void OnParagraph(ParagraphBlock paragraph, State state)
    {
        var text = InlineText.Of(paragraph.Inline);
        if (text.StartsWith(":::", StringComparison.Ordinal))
        {
            if (text.StartsWith(":::image", StringComparison.Ordinal) && state.Current is not null) state.Current.HasImage = true;
            return;
        }
        if (paragraph.Inline?.Descendants<LinkInline>().Any(l => l.IsImage) == true && state.Current is not null)
        {
            state.Current.HasImage = true;
            return;
        }
        if (IsOutputLabel(text))
        {
            state.AfterOutputLabel = true;
            state.AfterSentence = false;
            state.OutputSinceLabel = false;
            return;
        }
        if (state.Current is null || text.Length == 0) return;
        state.Current.Prose.Add(text);
        // "The results table shows...", "This query returns:" open an output like a label, but only weakly (the
        // classifier keeps such an output only if its columns are the query's); other prose closes it.
        if (state.AfterOutputLabel && !state.AfterSentence && !state.OutputSinceLabel) return;
        state.OutputSinceLabel = false;
        state.AfterOutputLabel = IntroducesResult().IsMatch(text);
        state.AfterSentence = state.AfterOutputLabel;
        state.AfterProse = !state.AfterOutputLabel;
    }

    /// <summary>The prose since the example or its previous output (taken: the next output starts afresh).</summary>
    private static List<string> Intro(State state)
    {
        var current = state.Current!;
        var intro = current.Prose.Skip(state.ProseTaken).ToList();
        state.ProseTaken = current.Prose.Count;
        return intro;
    }

    /// <summary>The tab an output sits in, when the page shows results in tabs that opened after the example.</summary>
    private static string? OutputLabel(State state) =>
        state.Tab is { } tab && tab.Title != state.Current?.Tab ? tab.Title : null;

    private static string? Moniker(State state, int line) => line < state.Monikers.Length ? state.Monikers[line] : null;

    private static bool IsRunTheQueryLink(QuoteBlock quote) =>
        quote.Descendants<ParagraphBlock>().FirstOrDefault() is { } first && InlineText.Of(first.Inline).StartsWith("[!div", StringComparison.Ordinal);

    private static bool IsOutputLabel(string text) => OutputLabelText().IsMatch(text);

    /// <summary>The moniker zone of every line (0-based), from `::: moniker range="..."` to `::: moniker-end`.</summary>
    private static string?[] MonikerZones(string[] lines)
    {
        var zones = new string?[lines.Length];
        string? zone = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimStart('>').Trim();
            if (MonikerStart().Match(line) is { Success: true } start) zone = start.Groups[1].Value.Trim();
            else if (MonikerEnd().IsMatch(line)) zone = null;
            zones[i] = zone;
        }
        return zones;
    }

    [GeneratedRegex(@"^:::\s*moniker\s+range\s*=\s*""([^""]*)""")]
    private static partial Regex MonikerStart();

    [GeneratedRegex(@"^:::\s*moniker-end")]
    private static partial Regex MonikerEnd();

    [GeneratedRegex(@"^\[(.+)\]\(#tab/[^)]*\)$")]
    private static partial Regex TabHeading();

    /// <summary>"Output", "**Results**", "Example output:", and the page's typo "Ouput".</summary>
    [GeneratedRegex(@"^(example\s+)?(output|ouput|results?)\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex OutputLabelText();

    [GeneratedRegex(@"\b(output|outputs|result|results|returns|returned|yields|produces|table shows|shows the following)\b|:$", RegexOptions.IgnoreCase)]
    private static partial Regex IntroducesResult();
}
