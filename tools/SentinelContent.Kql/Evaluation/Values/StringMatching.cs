namespace SentinelContent.Kql.Evaluation.Values;

/// <summary>
/// KQL's string predicates. `has` looks for whole terms: a term is a run of letters and digits, so "has 'admin'"
/// matches "admin@contoso" but not "administrator"; a needle with punctuation inside still must start and end at
/// term boundaries where it starts or ends with a letter or digit.
/// </summary>
public static class StringMatching
{
    public static bool Has(string haystack, string needle, bool caseSensitive = false) => FindTerm(haystack, needle, caseSensitive, requireStart: true, requireEnd: true);

    public static bool HasPrefix(string haystack, string needle, bool caseSensitive = false) => FindTerm(haystack, needle, caseSensitive, requireStart: true, requireEnd: false);

    public static bool HasSuffix(string haystack, string needle, bool caseSensitive = false) => FindTerm(haystack, needle, caseSensitive, requireStart: false, requireEnd: true);

    public static bool Contains(string haystack, string needle, bool caseSensitive = false) =>
        haystack.Contains(needle, caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

    public static bool StartsWith(string haystack, string needle, bool caseSensitive = false) =>
        haystack.StartsWith(needle, caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

    public static bool EndsWith(string haystack, string needle, bool caseSensitive = false) =>
        haystack.EndsWith(needle, caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

    public static bool EqualsIgnoreCase(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool IsTermChar(char c) => char.IsLetterOrDigit(c);

    private static bool FindTerm(string haystack, string needle, bool caseSensitive, bool requireStart, bool requireEnd)
    {
        if (needle.Length == 0) return true;
        var comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var checkStart = requireStart && IsTermChar(needle[0]);
        var checkEnd = requireEnd && IsTermChar(needle[^1]);
        var from = 0;
        while (from <= haystack.Length - needle.Length)
        {
            var at = haystack.IndexOf(needle, from, comparison);
            if (at < 0) return false;
            var end = at + needle.Length;
            var startOk = !checkStart || at == 0 || !IsTermChar(haystack[at - 1]);
            var endOk = !checkEnd || end == haystack.Length || !IsTermChar(haystack[end]);
            if (startOk && endOk) return true;
            from = at + 1;
        }

        return false;
    }
}
