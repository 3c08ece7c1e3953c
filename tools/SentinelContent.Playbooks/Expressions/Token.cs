using SentinelContent.Core.Text;

namespace SentinelContent.Playbooks.Expressions;

public enum TokenKind
{
    Identifier,
    Number,
    String,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    Comma,
    Dot,
    Question,
    CloseBrace,
    End,
    Bad,
}

/// <summary>One token of an expression; <see cref="Span"/> is an offset range in the whole string value.</summary>
/// <param name="Value">For strings the unescaped text; for other tokens the source text.</param>
public readonly record struct Token(TokenKind Kind, TextSpan Span, string Value);
