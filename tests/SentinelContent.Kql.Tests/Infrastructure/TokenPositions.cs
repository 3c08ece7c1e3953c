using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Tests.Infrastructure;

/// <summary>
/// Maps an offset to the token it falls in: the first real token whose text ends after the offset.
/// An offset in trivia (or at a token's end, where inserted tokens are reported) maps to the next
/// token, which is how "same token" is judged between two parsers' error positions.
/// </summary>
internal static class TokenPositions
{
    public static int TokenIndexAt(IReadOnlyList<SyntaxToken> tokens, int offset)
    {
        int low = 0, high = tokens.Count - 1;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (tokens[mid].Span.End > offset) high = mid;
            else low = mid + 1;
        }

        return low;
    }

    public static IReadOnlyList<SyntaxToken> RealTokens(KqlSyntaxTree tree) =>
        [.. tree.Root.DescendantTokens().Where(t => !t.IsMissing)];
}
