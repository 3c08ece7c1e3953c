namespace SentinelContent.ReferenceExamples.Cases;

/// <summary>
/// One page of the KQL reference and every ```kusto example on it, in page order: the case file format of the
/// reference conformance suite (one YAML file per page). Written by this tool, read by the KQL tests.
/// </summary>
public sealed class ReferencePage
{
    /// <summary>The page's path under data-explorer/kusto/query, e.g. "array-rotate-left-function.md".</summary>
    public string Page { get; set; } = string.Empty;

    /// <summary>The page's title (its first heading).</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>The published page.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>Where the reference's table of contents files the page, as a figure category: see <see cref="Categories"/>.</summary>
    public string Category { get; set; } = string.Empty;

    public List<ReferenceExample> Examples { get; set; } = [];
}

/// <summary>One ```kusto block of a page, with its documented output and how the suite treats it.</summary>
public sealed class ReferenceExample
{
    /// <summary>The block's ordinal among the page's ```kusto blocks, from 1: with the page, the case's id (page-stem#N).</summary>
    public int Example { get; set; }

    /// <summary>The headings above the example, outermost first, joined by " > ".</summary>
    public string Heading { get; set; } = string.Empty;

    /// <summary>The page's `::: moniker range` zone around the example, when it is in one (the products it applies to).</summary>
    public string? Moniker { get; set; }

    /// <summary>The tab (`# [Title](#tab/id)`) the example is in, when it is in one.</summary>
    public string? Tab { get; set; }

    /// <summary>What the suite does with it: one of <see cref="ExampleClass"/>'s names.</summary>
    public string Class { get; set; } = string.Empty;

    /// <summary>Why an example is not a plain case (the table it reads, the call that makes it nondeterministic...).</summary>
    public string? Reason { get; set; }

    /// <summary>The query that runs: the page's, or its restatement when the page writes it in a shorthand shape.</summary>
    public string Query { get; set; } = string.Empty;

    /// <summary>The query as the page writes it, when <see cref="Query"/> restates it (see <see cref="Reason"/>).</summary>
    public string? PageQuery { get; set; }

    /// <summary>The documented result tables, in page order (several for a batch or a fork).</summary>
    public List<ReferenceOutput> Outputs { get; set; } = [];

    /// <summary>Whether the example orders its rows (sort, top, serialize at the end); otherwise rows compare as a multiset.</summary>
    public bool Ordered { get; set; }
}

/// <summary>One documented result table: columns as name:type (types from Microsoft's binder) and rows as the page prints them.</summary>
public sealed class ReferenceOutput
{
    /// <summary>The tab title of this output when the page shows several results in tabs.</summary>
    public string? Label { get; set; }

    /// <summary>The page's column names, each with ":type" where Microsoft's binder knows the type (not for bag_unpack's, for one).</summary>
    public List<string> Columns { get; set; } = [];

    /// <summary>Cells as the page writes them; an empty cell is "" (Kusto prints null and the empty string alike).</summary>
    public List<List<string?>> Rows { get; set; } = [];

    /// <summary>The page shows only some of the result's columns; the others are not compared.</summary>
    public bool SomeColumns { get; set; }

    /// <summary>The page shows only some of the result's rows (it says so, or ends with "..."): each shown row must be found.</summary>
    public bool SomeRows { get; set; }
}
