using SentinelContent.Core.Text;

namespace SentinelContent.Kql.Syntax;

/// <summary>Whitespace, a line break or a comment, kept beside a token so the tree reproduces the text exactly.</summary>
public sealed class SyntaxTrivia(SyntaxKind kind, string text, int position)
{
    public SyntaxKind Kind { get; } = kind;

    public string Text { get; } = text;

    public TextSpan Span => new(position, Text.Length);

    public override string ToString() => Text;
}
