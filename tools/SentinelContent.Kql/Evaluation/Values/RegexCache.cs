using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace SentinelContent.Kql.Evaluation.Values;

/// <summary>
/// Regular expressions as Kusto runs them (RE2: no backtracking, linear time): .NET's non-backtracking engine,
/// with a match timeout besides, compiled once per pattern, options and timeout. The timeout is the run's
/// (<see cref="EvaluationLimits.RegexTimeout"/>, passed by each caller from its query context): it is part of the
/// key, so engines with different limits share nothing mutable and a cached regex never keeps another run's timeout.
/// </summary>
public static class RegexCache
{
    private const int MaxEntries = 512;
    private const RegexOptions Always = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;
    private static readonly ConcurrentDictionary<(string, RegexOptions, TimeSpan), Regex> Cache = new();

    /// <summary>The compiled pattern; throws ArgumentException with the reason when it is not a valid (RE2-compatible) pattern.</summary>
    public static Regex Get(string pattern, TimeSpan matchTimeout, RegexOptions options = RegexOptions.None)
    {
        var key = (pattern, options, matchTimeout);
        if (Cache.TryGetValue(key, out var cached)) return cached;
        Regex regex;
        try
        {
            regex = new Regex(Translate(pattern), options | Always, matchTimeout);
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

    /// <summary>A regex built by <see cref="Get(string, TimeSpan, RegexOptions)"/>, with another match timeout.</summary>
    public static Regex WithTimeout(Regex regex, TimeSpan matchTimeout) =>
        regex.MatchTimeout == matchTimeout ? regex : Get(regex.ToString(), matchTimeout, regex.Options & ~Always);

    // Verdicts of Problem by pattern: building a non-backtracking regex costs far more than binding the query around it
    // (checking every pattern anew made binding the corpus about 40% slower), and the same patterns come back in every
    // check of a repository, every keystroke of an editor and every rule test.
    private static readonly ConcurrentDictionary<string, string> Problems = new(StringComparer.Ordinal);

    /// <summary>Why <paramref name="pattern"/> cannot be run (invalid, or a construct RE2 lacks), or null when it can.</summary>
    public static string? Problem(string pattern)
    {
        if (Problems.TryGetValue(pattern, out var known)) return known.Length == 0 ? null : known;
        var problem = FindProblem(pattern);
        if (Problems.Count >= MaxEntries) Problems.Clear();
        Problems[pattern] = problem ?? string.Empty;
        return problem;
    }

    private static string? FindProblem(string pattern)
    {
        try
        {
            _ = new Regex(Translate(pattern), Always, Regex.InfiniteMatchTimeout);
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
