namespace SentinelContent.Kql.Syntax;

/// <summary>Splits a run of trivia text into whitespace, line-break and comment pieces.</summary>
internal static class TriviaSplitter
{
    private static readonly SyntaxTrivia[] s_none = [];

    public static IReadOnlyList<SyntaxTrivia> Split(string source, int start, int end)
    {
        if (start >= end) return s_none;

        var pieces = new List<SyntaxTrivia>();
        var pos = start;
        while (pos < end)
        {
            var pieceStart = pos;
            var c = source[pos];
            SyntaxKind kind;
            if (c == '/' && pos + 1 < end && source[pos + 1] == '/')
            {
                kind = SyntaxKind.CommentTrivia;
                while (pos < end && !CharFacts.IsLineBreak(source[pos])) pos++;
            }
            else if (CharFacts.IsLineBreak(c))
            {
                kind = SyntaxKind.EndOfLineTrivia;
                pos += c == '\r' && pos + 1 < end && source[pos + 1] == '\n' ? 2 : 1;
            }
            else
            {
                kind = SyntaxKind.WhitespaceTrivia;
                while (pos < end && CharFacts.IsSpace(source[pos])) pos++;
                if (pos == pieceStart) pos++; // defensive: never loop without progress
            }

            pieces.Add(new SyntaxTrivia(kind, source[pieceStart..pos], pieceStart));
        }

        return pieces;
    }
}
