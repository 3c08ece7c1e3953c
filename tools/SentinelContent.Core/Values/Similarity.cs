namespace SentinelContent.Core.Values;

/// <summary>"Did you mean" suggestions: the closest known name by edit distance, ignoring case.</summary>
public static class Similarity
{
    /// <summary>The best candidate within a distance that grows with the length of the word, or null.</summary>
    public static string? ClosestMatch(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var limit = Math.Max(1, Math.Min(3, word.Length / 3));
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, word, StringComparison.OrdinalIgnoreCase)) return candidate;
            var distance = EditDistance(word.ToLowerInvariant(), candidate.ToLowerInvariant(), limit);
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>Text to append to a message: " (did you mean 'x'?)" or nothing.</summary>
    public static string DidYouMean(string word, IEnumerable<string> candidates) =>
        ClosestMatch(word, candidates) is { } match ? $" (did you mean '{match}'?)" : string.Empty;

    /// <summary>Levenshtein distance with an early exit once it exceeds <paramref name="limit"/>.</summary>
    public static int EditDistance(string a, string b, int limit = int.MaxValue)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > limit) return limit + 1;
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
