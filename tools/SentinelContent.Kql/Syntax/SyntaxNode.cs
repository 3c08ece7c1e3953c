using System.Text;
using SentinelContent.Core.Text;

namespace SentinelContent.Kql.Syntax;

/// <summary>
/// An immutable node: a kind and its children (tokens and nodes) in text order. Absent optional
/// parts are simply not among the children, so every child covers real or inserted (missing) text.
/// Kinds that the binder and planner read have a typed subclass (<see cref="SortOperator"/>,
/// <see cref="JoinOperator"/>, ...) whose accessors name the parts; <see cref="Create"/> picks it
/// from the table of node shapes (<see cref="SyntaxShapes"/>).
/// </summary>
public class SyntaxNode : SyntaxElement
{
    private static readonly SyntaxElement[] s_none = [];

    /// <summary>A node of <paramref name="kind"/>: its typed class when the kind has one, else a plain node.</summary>
    internal static SyntaxNode Create(SyntaxKind kind, SyntaxElement[] children, int position) =>
        SyntaxShapes.Create(kind, children, position);

    internal SyntaxNode(SyntaxKind kind, SyntaxElement[] children, int position)
    {
        Kind = kind;
        Children = children.Length == 0 ? s_none : children;
        if (children.Length == 0)
        {
            FullSpan = new TextSpan(position, 0);
            Span = FullSpan;
        }
        else
        {
            FullSpan = TextSpan.FromBounds(children[0].FullSpan.Start, children[^1].FullSpan.End);
            Span = ComputeSpan(children);
        }
    }

    public override SyntaxKind Kind { get; }

    public IReadOnlyList<SyntaxElement> Children { get; }

    public override TextSpan Span { get; }

    public override TextSpan FullSpan { get; }

    /// <summary>The first child token of a kind, if any (a shallow search: handy for keywords and punctuation).</summary>
    public SyntaxToken? GetToken(SyntaxKind kind)
    {
        foreach (var child in Children)
            if (child is SyntaxToken token && token.Kind == kind) return token;
        return null;
    }

    /// <summary>The child nodes (not tokens), in order.</summary>
    public IEnumerable<SyntaxNode> ChildNodes() => Children.OfType<SyntaxNode>();

    /// <summary>The first child node of a kind, if any.</summary>
    private protected SyntaxNode? ChildOfKind(SyntaxKind kind)
    {
        foreach (var child in Children)
            if (child is SyntaxNode node && node.Kind == kind) return node;
        return null;
    }

    /// <summary>The child nodes of kind List, in order (an operator's parameter list, its item list...).</summary>
    private protected SyntaxNode? ListAt(int index)
    {
        var seen = 0;
        foreach (var child in Children)
            if (child is SyntaxNode { Kind: SyntaxKind.List } list && seen++ == index) return list;
        return null;
    }

    /// <summary>The last child node that is not a List (an operator's single operand after its parameters).</summary>
    private protected SyntaxNode? LastNonList()
    {
        for (var i = Children.Count - 1; i >= 0; i--)
            if (Children[i] is SyntaxNode node && node.Kind != SyntaxKind.List) return node;
        return null;
    }

    internal override void WriteTo(StringBuilder builder)
    {
        // Writes the covered text directly: every descendant token shares one source string.
        foreach (var token in DescendantTokens()) token.WriteTo(builder);
    }

    public override string ToString() => $"{Kind} {Span}";

    private static TextSpan ComputeSpan(SyntaxElement[] children)
    {
        // The span runs from the first non-empty child to the last one, so trivia at the edges is excluded.
        int start = -1, end = -1;
        foreach (var child in children)
        {
            if (child.FullSpan.Length == 0 && child is SyntaxToken) continue;
            start = child.Span.Start;
            break;
        }

        for (var i = children.Length - 1; i >= 0; i--)
        {
            if (children[i].FullSpan.Length == 0 && children[i] is SyntaxToken) continue;
            end = children[i].Span.End;
            break;
        }

        if (start < 0) return new TextSpan(children[0].FullSpan.Start, 0);
        return TextSpan.FromBounds(start, Math.Max(start, end));
    }
}
