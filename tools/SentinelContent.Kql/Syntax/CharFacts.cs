namespace SentinelContent.Kql.Syntax;

/// <summary>Character classes of the lexical grammar.</summary>
internal static class CharFacts
{
    public static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_' || c == '$';

    public static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    public static bool IsHexDigit(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>Whitespace that is not a line break.</summary>
    public static bool IsSpace(char c) => !IsLineBreak(c) && char.IsWhiteSpace(c);
}
