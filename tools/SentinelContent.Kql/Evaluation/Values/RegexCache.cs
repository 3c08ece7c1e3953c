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
        Regex regex;
        try
        {
            regex = new Regex(Translate(pattern), options | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (NotSupportedException e)
        {
            // Backreferences, lookaround, atomic groups and conditionals: RE2 (Kusto) has none of them either. A query
            // error (SC0804), not an internal one (issue 24, D6).
            throw new ArgumentException($"the regular expression '{pattern}' uses a construct RE2 does not support: {e.Message}", e);
        }


        if (Cache.Count >= MaxEntries) Cache.Clear();
        Cache[key] = regex;
        return regex;
    }

    /// <summary>Why <paramref name="pattern"/> cannot be run (invalid, or a construct RE2 lacks), or null when it can.</summary>
    public static string? Problem(string pattern)
    {
        try
        {
            _ = new Regex(Translate(pattern), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, MatchTimeout);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
        catch (NotSupportedException e)
        {
            return $"it uses a construct RE2 does not support ({e.Message})";
        }
    }

    /// <summary>RE2 flags written inline as (?i) work alike; RE2's \z and \A too. Named groups (?P&lt;name&gt;) become .NET's (?&lt;name&gt;).</summary>
    private static string Translate(string pattern) => pattern.Replace("(?P<", "(?<", StringComparison.Ordinal);
}
