using System.Runtime.CompilerServices;
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
        _children = children.Length == 0 ? s_none : children;
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

        // Kept as the tree is built, so the depth guard after parsing reads one number instead of walking the tree.
        // Tokens are most children: the check against their sealed class is one compare, where a virtual call per
        // child cost the parser several percent.
        var height = 0;
        foreach (var child in children)
            if (child is not SyntaxToken) height = Math.Max(height, Unsafe.As<SyntaxNode>(child)._height);
        _height = height + 1;
    }

    private readonly int _height;

    /// <summary>How many levels of nodes this node holds (1 when it has no child nodes).</summary>
    internal int Height => _height;

    public override SyntaxKind Kind { get; }

    private readonly SyntaxElement[] _children;

    public IReadOnlyList<SyntaxElement> Children => _children;

    public override TextSpan Span { get; }

    public override TextSpan FullSpan { get; }

    /// <summary>The first child token of a kind, if any (a shallow search: handy for keywords and punctuation).</summary>
    public SyntaxToken? GetToken(SyntaxKind kind)
    {
        foreach (var child in _children)
            if (child is SyntaxToken token && token.Kind == kind) return token;
        return null;
    }

    /// <summary>The child nodes (not tokens), in order.</summary>
    public IEnumerable<SyntaxNode> ChildNodes()
    {
        // One iterator object per call (OfType over the array made two): the binder asks this for most nodes it reads.
        var children = _children;
        for (var i = 0; i < children.Length; i++)
            if (children[i] is not SyntaxToken) yield return Unsafe.As<SyntaxNode>(children[i]);
    }

    /// <summary>The first child node, if any.</summary>
    internal SyntaxNode? FirstChildNode()
    {
        foreach (var child in _children)
            if (child is not SyntaxToken) return Unsafe.As<SyntaxNode>(child);
        return null;
    }

    /// <summary>The last child node, if any.</summary>
    internal SyntaxNode? LastChildNode()
    {
        for (var i = _children.Length - 1; i >= 0; i--)
            if (_children[i] is not SyntaxToken) return Unsafe.As<SyntaxNode>(_children[i]);
        return null;
    }

    /// <summary>The first child node of a kind, if any.</summary>
    private protected SyntaxNode? ChildOfKind(SyntaxKind kind)
    {
        foreach (var child in _children)
            if (child is SyntaxNode node && node.Kind == kind) return node;
        return null;
    }

    /// <summary>The child nodes of kind List, in order (an operator's parameter list, its item list...).</summary>
    private protected SyntaxNode? ListAt(int index)
    {
        var seen = 0;
        foreach (var child in _children)
            if (child is SyntaxNode { Kind: SyntaxKind.List } list && seen++ == index) return list;
        return null;
    }

    /// <summary>The last child node that is not a List (an operator's single operand after its parameters).</summary>
    private protected SyntaxNode? LastNonList()
    {
        for (var i = _children.Length - 1; i >= 0; i--)
            if (_children[i] is SyntaxNode node && node.Kind != SyntaxKind.List) return node;
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
