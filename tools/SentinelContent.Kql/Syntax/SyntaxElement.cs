using System.Text;
using SentinelContent.Core.Text;

namespace SentinelContent.Kql.Syntax;

/// <summary>A token or a node: what a node's <see cref="SyntaxNode.Children"/> hold.</summary>
public abstract class SyntaxElement
{
    public abstract SyntaxKind Kind { get; }

    /// <summary>The element's text without surrounding trivia.</summary>
    public abstract TextSpan Span { get; }

    /// <summary>The element's text including its tokens' leading and trailing trivia.</summary>
    public abstract TextSpan FullSpan { get; }

    /// <summary>The exact source text this element covers, trivia included.</summary>
    public string ToFullString()
    {
        var builder = new StringBuilder(FullSpan.Length);
        WriteTo(builder);
        return builder.ToString();
    }

    internal abstract void WriteTo(StringBuilder builder);

    /// <summary>All tokens under this element in text order, missing tokens included.</summary>
    public IEnumerable<SyntaxToken> DescendantTokens()
    {
        // An explicit stack: deeply nested trees must not overflow the call stack here either.
        var stack = new Stack<SyntaxElement>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (element is SyntaxToken token)
            {
                yield return token;
                continue;
            }

            var children = ((SyntaxNode)element).Children;
            for (var i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
        }
    }

    /// <summary>All nodes under and including this element, in document order.</summary>
    public IEnumerable<SyntaxNode> DescendantNodesAndSelf()
    {
        var stack = new Stack<SyntaxElement>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            if (stack.Pop() is not SyntaxNode node) continue;
            yield return node;
            for (var i = node.Children.Count - 1; i >= 0; i--) stack.Push(node.Children[i]);
        }
    }
}
