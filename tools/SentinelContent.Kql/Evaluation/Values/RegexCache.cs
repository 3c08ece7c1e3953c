using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace SentinelContent.Kql.Evaluation.Values;

/// <summary>
/// Regular expressions as Kusto runs them (RE2: no backtracking, linear time): .NET's non-backtracking engine,
/// with a match timeout besides, compiled once per pattern.
/// </summary>
public static class RegexCache
{
    private const int MaxEntries = 512;
    private static readonly ConcurrentDictionary<(string, RegexOptions), Regex> Cache = new();

    public static TimeSpan MatchTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The compiled pattern; throws ArgumentException with the reason when it is not a valid (RE2-compatible) pattern.</summary>
    public static Regex Get(string pattern, RegexOptions options = RegexOptions.None)
    {
        var key = (pattern, options);
        if (Cache.TryGetValue(key, out var cached)) return cached;
        var regex = new Regex(Translate(pattern), options | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, MatchTimeout);
        if (Cache.Count >= MaxEntries) Cache.Clear();
        Cache[key] = regex;
        return regex;
    }

    /// <summary>RE2 flags written inline as (?i) work alike; RE2's \z and \A too. Named groups (?P&lt;name&gt;) become .NET's (?&lt;name&gt;).</summary>
    private static string Translate(string pattern) => pattern.Replace("(?P<", "(?<", StringComparison.Ordinal);
}
