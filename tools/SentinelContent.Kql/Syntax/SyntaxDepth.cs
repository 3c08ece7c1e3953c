using SentinelContent.Core.Text;

namespace SentinelContent.Kql.Syntax;

/// <summary>
/// The bound on how deep a parsed tree may be. The parser's own guard (<see cref="Parser.MaxDepth"/>) bounds its
/// recursion, but the chains it builds in loops — `a + b + c ...`, `x.a.b ...`, `x[0][0] ...`, `T | where ... | where ...`
/// — are left-deep trees as deep as the chain is long, and everything after the parser (binder, planner, evaluator)
/// walks trees recursively: 6,000 `+` terms in 12 KB of text overflowed the stack and killed the process (issue 24,
/// D1). A tree deeper than <see cref="MaxTreeDepth"/> is reported as SC0207 and kept only as skipped tokens, so no
/// later stage sees it and the text still round-trips.
/// </summary>
public static class SyntaxDepth
{
    /// <summary>
    /// The deepest tree the later stages accept. The repository's content reaches 40; Sentinel caps a rule's query at
    /// 10,000 characters, which fits an `or` chain of several hundred terms. At this depth the binder, planner and
    /// evaluator use well under the 1.5 MiB stack of a worker thread (held by SyntaxDepthTests).
    /// </summary>
    public const int MaxTreeDepth = 512;

    /// <summary>The depth of the tree under <paramref name="root"/> (a lone node is 1), and the first node found past the bound.</summary>
    public static (int Depth, SyntaxNode? TooDeep) Measure(SyntaxNode root, int bound = MaxTreeDepth)
    {
        // Every node knows its height (kept while parsing), so only a tree past the bound is walked, to find where.
        var depth = root.Height;
        if (depth <= bound) return (depth, null);
        var stack = new Stack<(SyntaxNode Node, int Depth)>();
        stack.Push((root, 1));
        SyntaxNode? tooDeep = null;
        while (stack.Count > 0)
        {
            var (node, level) = stack.Pop();
            if (level > bound && (tooDeep is null || node.Span.Start < tooDeep.Span.Start)) tooDeep = node;
            var children = node.Children;
            for (var i = 0; i < children.Count; i++)
                if (children[i] is SyntaxNode inner) stack.Push((inner, level + 1));
        }

        return (depth, tooDeep);
    }

    /// <summary>
    /// When the tree is too deep: SC0207 at the first too-deep node, and a root that keeps every token as skipped text
    /// (flat, so nothing walks a deep tree). Otherwise the root unchanged.
    /// </summary>
    internal static SyntaxNode Guard(SyntaxNode root, List<KqlDiagnostic> diagnostics)
    {
        var (_, tooDeep) = Measure(root);
        if (tooDeep is null) return root;
        // One SC0207 per query: the parser's own nesting guard may already have said it.
        if (!diagnostics.Any(d => d.Code == KqlSyntaxDiagnostics.NestingTooDeep.Code))
            diagnostics.Add(KqlDiagnostic.Create(KqlSyntaxDiagnostics.NestingTooDeep, new TextSpan(tooDeep.Span.Start, 0), MaxTreeDepth));
        var tokens = root.DescendantTokens().ToList();
        var end = tokens[^1];
        var position = tokens[0].FullSpan.Start;
        SyntaxElement[] skipped = [.. tokens.Take(tokens.Count - 1)];
        return SyntaxNode.Create(SyntaxKind.QueryBlock,
            [new SyntaxNode(SyntaxKind.StatementList, [], position), new SyntaxNode(SyntaxKind.SkippedTokens, skipped, position), end],
            position);
    }
}
