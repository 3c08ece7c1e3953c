using System.Text.RegularExpressions;

namespace SentinelContent.ReferenceExamples.Classification;

/// <summary>
/// Whether an example orders its result: an ordering operator (sort, order, top, serialize with a row number)
/// after the last operator that may reorder rows (summarize, join, union, distinct...). Rows of other examples
/// compare as a multiset, as Kusto promises no order for them.
/// </summary>
internal static partial class Ordering
{
    public static bool IsOrdered(string code)
    {
        var lastOrdering = Orders().Matches(code).Select(m => m.Index).DefaultIfEmpty(-1).Max();
        var lastReordering = Reorders().Matches(code).Select(m => m.Index).DefaultIfEmpty(-1).Max();
        return lastOrdering >= 0 && lastOrdering > lastReordering;
    }

    [GeneratedRegex(@"\|\s*(sort|order)\s+by\b|\|\s*top\s+(?!-nested|-hitters)|\|\s*serialize\b")]
    private static partial Regex Orders();

    [GeneratedRegex(@"\|\s*(summarize|join|lookup|union|distinct|make-series|evaluate|partition|fork|facet|top-nested|top-hitters|mv-apply|reduce)\b")]
    private static partial Regex Reorders();
}
