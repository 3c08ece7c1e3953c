using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SentinelContent.Kql.Evaluation.Runtime;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>String functions: length, substrings, concatenation, splitting, trimming, replacing, and the regex family (RE2 semantics).</summary>
internal static class StringFunctions
{
    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        // Characters are UTF-16 code units, as in .NET: strlen('Çedilla') with a combining cedilla is 8 (strlen-function.md).
        f["strlen"] = Implement.Values(ScalarType.Long, a => (long)a.Text(0).Length);
        f["substring"] = Implement.Values(ScalarType.String, Substring);
        f["strcat"] = Implement.Values(ScalarType.String, a => string.Concat(a.Select(KqlValue.ToText)));
        f["strcat_delim"] = Implement.Values(ScalarType.String, a => string.Join(a.Text(0), a.Skip(1).Select(KqlValue.ToText)));
        f["split"] = Implement.Values(ScalarType.Dynamic, Split);
        f["replace_string"] = Implement.Values(ScalarType.String, a => a.Text(1).Length == 0 ? a.Text(0) : a.Text(0).Replace(a.Text(1), a.Text(2), StringComparison.Ordinal));
        // Regular expressions run with the run's timeout (EvaluationLimits.RegexTimeout), read from the query context.
        f["replace_regex"] = Implement.WithContext(ScalarType.String,
            (c, a) => RegexOf(c, a.Text(1)).Replace(a.Text(0), DotNetReplacement(a.Text(2))));
        f["replace"] = Implement.WithContext(ScalarType.String,
            (c, a) => RegexOf(c, a.Text(0)).Replace(a.Text(2), DotNetReplacement(a.Text(1))));
        f["trim"] = Implement.WithContext(ScalarType.String, (c, a) => Trim(c, a.Text(1), a.Text(0), start: true, end: true));
        f["trim_start"] = Implement.WithContext(ScalarType.String, (c, a) => Trim(c, a.Text(1), a.Text(0), start: true, end: false));
        f["trim_end"] = Implement.WithContext(ScalarType.String, (c, a) => Trim(c, a.Text(1), a.Text(0), start: false, end: true));
        f["extract"] = Implement.WithContext(ScalarType.String, Extract);
        f["extract_all"] = Implement.WithContext(ScalarType.Dynamic, ExtractAll);
        f["indexof"] = Implement.Values(ScalarType.Long, IndexOf);
        f["countof"] = Implement.WithContext(ScalarType.Long, CountOf);
        f["reverse"] = Implement.Values(ScalarType.String, a => new string(a.Text(0).Reverse().ToArray()));
        f["strrep"] = Implement.WithSite(ScalarType.String, Strrep);
        f["array_strcat"] = Implement.Values(ScalarType.String, a => a.Arg(0) is JsonArray array ? string.Join(a.Text(1), array.Select(e => KqlValue.ToText(KqlValue.Unwrap(e)))) : null);
        f["url_decode"] = Implement.Values(ScalarType.String, a => Uri.UnescapeDataString(a.Text(0).Replace('+', ' ')));
        // Lower-case hex and '+' for a space (application/x-www-form-urlencoded), as the page writes them; the component
        // form differs only by writing a space as %20 (url-encode-component-function.md).
        f["url_encode"] = Implement.Values(ScalarType.String, a => System.Web.HttpUtility.UrlEncode(a.Text(0)));
        f["url_encode_component"] = Implement.Values(ScalarType.String, a => System.Web.HttpUtility.UrlEncode(a.Text(0)).Replace("+", "%20", StringComparison.Ordinal));
        f["base64_decode_tostring"] = Implement.Values(ScalarType.String, a => TryBase64(a.Text(0)));
        f["base64_encode_tostring"] = Implement.Values(ScalarType.String, a => Convert.ToBase64String(Encoding.UTF8.GetBytes(a.Text(0))));
        f["string_size"] = Implement.Values(ScalarType.Long, a => (long)Encoding.UTF8.GetByteCount(a.Text(0)));
        f["translate"] = Implement.Values(ScalarType.String, a => Translate(a.Text(0), a.Text(1), a.Text(2)));
        f["unicode_codepoints_from_string"] = Implement.Values(ScalarType.Dynamic, a => new JsonArray([.. a.Text(0).EnumerateRunes().Select(r => (JsonNode?)JsonValue.Create((long)r.Value))]));
        f["unicode_codepoints_to_string"] = Implement.Values(ScalarType.String, CodepointsToString);
        f["isascii"] = Implement.Values(ScalarType.Bool, a => a.Text(0).All(char.IsAscii));
    }

    /// <summary>substring(text, start[, length]) over UTF-16 code units, as strlen counts them; a negative start counts from the end.</summary>
    private static object? Substring(object?[] a)
    {
        var text = a.Text(0);
        var length = text.Length;
        var start = KqlValue.ToLong(a.Arg(1)) ?? 0;
        if (start < 0) start = Math.Max(0, length + start);
        if (start >= length) return string.Empty;
        var count = a.Length > 2 && KqlValue.ToLong(a.Arg(2)) is { } n ? Math.Max(0, Math.Min(n, length - start)) : length - start;
        return text.Substring((int)start, (int)count);
    }

    private static object? Split(object?[] a)
    {
        var text = a.Text(0);
        var delimiter = a.Text(1);
        var parts = delimiter.Length == 0 ? [text] : text.Split(delimiter);
        if (a.Length > 2 && KqlValue.ToLong(a.Arg(2)) is { } index)
        {
            if (index < 0 || index >= parts.Length) return new JsonArray();
            return new JsonArray(JsonValue.Create(parts[index]));
        }

        return new JsonArray([.. parts.Select(p => (JsonNode?)JsonValue.Create(p))]);
    }

    /// <summary>trim(regex, text): removes leading/trailing matches of the regex, as the reference says.</summary>
    private static string Trim(QueryContext context, string text, string pattern, bool start, bool end)
    {
        if (pattern.Length == 0) return text;
        var result = text;
        if (start) result = RegexOf(context, $"^(?:{pattern})+").Replace(result, string.Empty, 1);
        if (end) result = RegexOf(context, $"(?:{pattern})+$").Replace(result, string.Empty, 1);
        return result;
    }

    internal static Regex RegexOf(QueryContext context, string pattern) => RegexCache.Get(pattern, context.Limits.RegexTimeout);

    /// <summary>Kusto's replacement text refers to groups as \1; .NET writes $1.</summary>
    private static string DotNetReplacement(string replacement)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < replacement.Length; i++)
        {
            var c = replacement[i];
            if (c == '\\' && i + 1 < replacement.Length && char.IsDigit(replacement[i + 1])) { builder.Append('$').Append(replacement[++i]); }
            else if (c == '$') builder.Append("$$");
            else builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>extract(regex, group, text[, typeof(T)]): the group's text of the first match, or "" (null when converting).</summary>
    private static object? Extract(QueryContext context, object?[] a)
    {
        var match = RegexOf(context, a.Text(0)).Match(a.Text(2));
        var group = (int)(KqlValue.ToLong(a.Arg(1)) ?? 0);
        if (!match.Success || group >= match.Groups.Count || !match.Groups[group].Success) return string.Empty;
        return match.Groups[group].Value;
    }

    /// <summary>extract_all(regex, [groups,] text): every match; one group gives an array of strings, several an array of arrays.</summary>
    private static object? ExtractAll(QueryContext context, object?[] a)
    {
        var pattern = a.Text(0);
        var text = a.Length > 2 ? a.Text(2) : a.Text(1);
        var regex = RegexOf(context, pattern);
        var matches = regex.Matches(text);
        if (matches.Count == 0) return null;
        var result = new JsonArray();
        var groups = a.Length > 2 && a.Arg(1) is JsonArray selected ? selected.Select(g => GroupNumber(regex, KqlValue.Unwrap(g))).ToArray() : null;
        if (groups is not null && groups.Any(g => g < 0 || g >= regex.GetGroupNumbers().Length)) return null;
        foreach (Match match in matches)
        {
            var indexes = groups ?? (match.Groups.Count > 1 ? Enumerable.Range(1, match.Groups.Count - 1).ToArray() : [0]);
            if (indexes.Length == 1) result.Add(JsonValue.Create(match.Groups[indexes[0]].Value));
            else result.Add(new JsonArray([.. indexes.Select(i => (JsonNode?)JsonValue.Create(match.Groups[i].Value))]));
        }

        return result;
    }

    /// <summary>A capture group named by its number or, for a named group, by its name.</summary>
    private static int GroupNumber(Regex regex, object? group) =>
        group is string name ? regex.GroupNumberFromName(name) : (int)(KqlValue.ToLong(group) ?? -1);

    private static object? IndexOf(object?[] a)
    {
        var text = a.Text(0);
        var lookup = a.Text(1);
        return SearchWindow.Find(a, 2, text.Length, (from, count) => text.IndexOf(lookup, from, count, StringComparison.Ordinal));
    }

    private static object? CountOf(QueryContext context, object?[] a)
    {
        var text = a.Text(0);
        var search = a.Text(1);
        if (search.Length == 0) return 0L;
        if (a.Length > 2 && a.Text(2) == "regex") return (long)RegexOf(context, search).Count(text);
        long count = 0;
        // Occurrences may overlap: countof("ababa", "aba") is 2.
        for (var at = text.IndexOf(search, StringComparison.Ordinal); at >= 0; at = text.IndexOf(search, at + 1, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>translate(searchList, replacementList, source): each character of the search list becomes the one at its
    /// position in the replacement list, or the replacement's last character when it is shorter; an empty replacement deletes.</summary>
    private static string Translate(string search, string replacement, string source)
    {
        var builder = new StringBuilder(source.Length);
        foreach (var c in source)
        {
            var at = search.IndexOf(c, StringComparison.Ordinal);
            if (at < 0) builder.Append(c);
            else if (replacement.Length > 0) builder.Append(replacement[Math.Min(at, replacement.Length - 1)]);
        }
        return builder.ToString();
    }

    /// <summary>unicode_codepoints_to_string (make_string): code points, single or in arrays, to text; an invalid one gives null.</summary>
    private static object? CodepointsToString(object?[] a)
    {
        var builder = new StringBuilder();
        foreach (var value in a.Select(KqlValue.Unwrap).SelectMany(v => v is JsonArray arr ? arr.Select(KqlValue.Unwrap) : [v]))
        {
            if (KqlValue.ToLong(value) is not { } point || point is < 0 or > 0x10FFFF || point is >= 0xD800 and <= 0xDFFF) return null;
            builder.Append(char.ConvertFromUtf32((int)point));
        }
        return builder.ToString();
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Text that is not base64, or bytes that are not valid UTF-8, give null (the empty string): base64-decode-tostring-function.md.</summary>
    private static object? TryBase64(string text)
    {
        try
        {
            return StrictUtf8.GetString(Convert.FromBase64String(text));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return string.Empty;
        }
    }

    /// <summary>
    /// strrep(value, multiplier[, delimiter]): the multiplier is capped at 10,000 (the reference's strrep page), and the
    /// result's size is reserved before it is built, so strrep(strrep(strrep("a", 10000), 10000), 10000) is SC0806, not 8 GB.
    /// </summary>
    private static object? Strrep(CallSite site, Runtime.QueryContext context, object?[] a)
    {
        var text = a.Text(0);
        var delimiter = a.Length > 2 ? a.Text(2) : string.Empty;
        var times = (int)Math.Clamp(KqlValue.ToLong(a[1]) ?? 0, 0, 10_000);
        if (times == 0) return string.Empty;
        context.Reserve((long)text.Length * times + (long)delimiter.Length * (times - 1), "strrep's result", site.Node.Span);
        return string.Join(delimiter, Enumerable.Repeat(text, times));
    }
}
