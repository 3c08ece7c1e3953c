namespace SentinelContent.Kql.Syntax;

/// <summary>
/// What the lexer produces for one token: offsets only. The parser turns these into
/// <see cref="SyntaxToken"/>s as it consumes them.
/// </summary>
/// <param name="FullStart">Start of the leading trivia.</param>
/// <param name="Start">Start of the token's text.</param>
/// <param name="End">End of the token's text.</param>
/// <param name="FullEnd">End of the trailing trivia.</param>
/// <param name="Problem">A lexical problem found in this token (unterminated literal, bad character).</param>
internal readonly record struct LexicalToken(SyntaxKind Kind, int FullStart, int Start, int End, int FullEnd, LexicalProblem Problem = LexicalProblem.None)
{
    public int Length => End - Start;
}

internal enum LexicalProblem
{
    None,
    UnexpectedCharacter,
    UnterminatedSingleQuote,
    UnterminatedDoubleQuote,
    UnterminatedMultiLineString,
    UnterminatedParenthesizedLiteral,
}
