namespace SentinelContent.Kql.Syntax;

public static partial class KeywordTable
{
    // Keywords grouped by first character, longest first, so the lexer tries few candidates per token.
    private static readonly Dictionary<char, KeywordInfo[]> s_byFirstChar = BuildIndex();
    private static readonly Dictionary<SyntaxKind, KeywordInfo> s_byKind = All.ToDictionary(k => k.Kind);

    /// <summary>The longest keyword that is a prefix of <paramref name="text"/> at <paramref name="start"/>, if any.</summary>
    public static bool TryMatchLongest(string text, int start, out KeywordInfo keyword)
    {
        if (start < text.Length && s_byFirstChar.TryGetValue(text[start], out var candidates))
        {
            var remaining = text.AsSpan(start);
            foreach (var candidate in candidates)
            {
                if (remaining.StartsWith(candidate.Text, StringComparison.Ordinal))
                {
                    keyword = candidate;
                    return true;
                }
            }
        }

        keyword = default;
        return false;
    }

    public static bool IsKeyword(SyntaxKind kind) => kind > SyntaxKind.KeywordsStart && kind < SyntaxKind.KeywordsEnd;

    /// <summary>True for keywords that may also serve as plain names (count, bin, range, ...).</summary>
    public static bool CanBeIdentifier(SyntaxKind kind) => s_byKind.TryGetValue(kind, out var info) && info.CanBeIdentifier;

    public static string GetText(SyntaxKind kind) => s_byKind.TryGetValue(kind, out var info) ? info.Text : string.Empty;

    private static Dictionary<char, KeywordInfo[]> BuildIndex() =>
        All.GroupBy(k => k.Text[0])
           .ToDictionary(g => g.Key, g => g.OrderByDescending(k => k.Text.Length).ToArray());
}
