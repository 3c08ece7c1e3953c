namespace SentinelContent.Kql.Syntax;

/// <summary>
/// Character classes of the lexical grammar, as the official lexer defines them: names are ASCII
/// only, whitespace is a fixed list (zero-width space and BOM included, vertical tab not), and a
/// line break is CR, LF, U+2028 or U+2029.
/// </summary>
internal static class CharFacts
{
    public static bool IsLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    public static bool IsLetterOrDigit(char c) => IsLetter(c) || IsDigit(c);

    public static bool IsIdentifierStart(char c) => IsLetter(c) || c == '_' || c == '$';

    public static bool IsIdentifierPart(char c) => IsLetterOrDigit(c) || c == '_';

    public static bool IsHexDigit(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029';

    /// <summary>Trivia whitespace, line feeds and carriage returns included.</summary>
    public static bool IsWhitespace(char c) => c switch
    {
        '\t' or ' ' or '\r' or '\n' or '\u000c' or '\u00a0' or '\u1680' or '\u180e' or
        (>= '\u2000' and <= '\u200b') or '\u202f' or '\u205f' or '\u3000' or '\ufeff' => true,
        _ => false,
    };

    /// <summary>Whitespace that is not a line break.</summary>
    public static bool IsSpace(char c) => c is not ('\r' or '\n') && IsWhitespace(c);
}
