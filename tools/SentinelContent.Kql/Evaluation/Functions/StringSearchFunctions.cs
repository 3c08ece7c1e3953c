using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SentinelContent.Kql.Evaluation.Runtime;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>
/// Searching and rewriting text: strcmp, regex_quote, indexof_regex, has_any_index, replace_strings, isutf8, and
/// extract_json/extractjson (a JSONPath into a JSON text, optionally converted to a type).
/// </summary>
internal static class StringSearchFunctions
{
    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        // Ordinal comparison signed to -1, 0, 1 (strcmp("abc", "ABC") is 1: 'a' is above 'A').
        f["strcmp"] = Implement.Values(ScalarType.Int, a => Math.Sign(string.CompareOrdinal(a.Text(0), a.Text(1))));
        f["regex_quote"] = Implement.Values(ScalarType.String, a => RegexQuote(a.Text(0)));
        f["indexof_regex"] = Implement.WithContext(ScalarType.Long, IndexOfRegex);
        f["has_any_index"] = Implement.Values(ScalarType.Long, HasAnyIndex);
        f["replace_strings"] = Implement.Values(ScalarType.String, ReplaceStrings);
        // A string value is text already decoded (invalid UTF-8 bytes became U+FFFD when the data arrived): it has a
        // UTF-8 form unless it holds an unpaired surrogate.
        f["isutf8"] = Implement.Values(ScalarType.Bool, a => IsWellFormed(a.Text(0)));
        f["extract_json"] = Implement.Values(ScalarType.Unknown, ExtractJson);
        f["extractjson"] = f["extract_json"];
    }

    /// <summary>Every character a regular expression gives a meaning to, escaped with a backslash: \(so\$me\.Te\^xt\).</summary>
    private static string RegexQuote(string text)
    {
        var builder = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if (@"\^$.|?*+()[]{}".Contains(c, StringComparison.Ordinal)) builder.Append('\\');
            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// indexof_regex(text, regex[, start[, length[, occurrence]]]): where the n-th match starts; matches do not overlap
    /// ("ababaa" has one match of a.a); null for a negative start or occurrence or a length below -1.
    /// </summary>
    private static object? IndexOfRegex(QueryContext context, object?[] a)
    {
        var text = a.Text(0);
        var regex = StringFunctions.RegexOf(context, a.Text(1));
        var start = a.Length > 2 ? KqlValue.ToLong(a.Arg(2)) ?? 0 : 0;
        var length = a.Length > 3 ? KqlValue.ToLong(a.Arg(3)) ?? -1 : -1;
        var occurrence = a.Length > 4 ? KqlValue.ToLong(a.Arg(4)) ?? 1 : 1;
        if (start < 0 || occurrence < 0 || length < -1) return null;
        if (start > text.Length) return -1L;
        var window = length == -1 ? text.Length - (int)start : (int)Math.Min(length, text.Length - start);
        var match = regex.Match(text, (int)start, window);
        for (var n = 1; n < Math.Max(1, occurrence) && match.Success; n++) match = match.NextMatch();
        return match.Success ? (long)match.Index : -1L;
    }

    /// <summary>has_any_index(text, values): the position in values of the first one the text has (as a whole term), else -1.</summary>
    private static object? HasAnyIndex(object?[] a)
    {
        if (a.Arg(1) is not JsonArray values) return -1L;
        var text = a.Text(0);
        for (var i = 0; i < values.Count; i++)
            if (StringMatching.Has(text, KqlValue.ToText(KqlValue.Unwrap(values[i])))) return (long)i;
        return -1L;
    }

    /// <summary>
    /// replace_strings(text, lookups, rewrites): the lookups in order, each replacing every occurrence in the text the
    /// earlier ones left (so an earlier lookup takes precedence: lookups ['is', 'This'] turn "This" into "Thwas"), and no
    /// rewrite is searched again; a lookup or rewrite that is not a string is skipped (replace-strings-function.md).
    /// </summary>
    private static object? ReplaceStrings(object?[] a)
    {
        var text = a.Text(0);
        if (a.Arg(1) is not JsonArray lookups || a.Arg(2) is not JsonArray rewrites) return text;
        // The text as pieces, each either still open to replacement or a rewrite already made.
        var pieces = new List<(string Text, bool Done)> { (text, false) };
        for (var i = 0; i < lookups.Count; i++)
        {
            if (KqlValue.Unwrap(lookups[i]) is not string lookup || lookup.Length == 0) continue;
            if (i >= rewrites.Count || KqlValue.Unwrap(rewrites[i]) is not string rewrite) continue;
            var next = new List<(string, bool)>();
            foreach (var (piece, done) in pieces)
            {
                if (done) { next.Add((piece, true)); continue; }
                var parts = piece.Split(lookup);
                for (var p = 0; p < parts.Length; p++)
                {
                    if (p > 0) next.Add((rewrite, true));
                    if (parts[p].Length > 0) next.Add((parts[p], false));
                }
            }

            pieces = next;
        }

        return string.Concat(pieces.Select(p => p.Text));
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(text[i])) return false;
        }

        return true;
    }

    /// <summary>extract_json(path, json[, typeof(T)]): the value at the path of the parsed text; a scalar as its text unless a type is given.</summary>
    private static object? ExtractJson(object?[] a)
    {
        if (JsonPath.Parse(a.Text(0)) is not { } steps) return null;
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(a.Text(1));
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        var value = JsonPath.Select(document, steps);
        return value is JsonValue ? KqlValue.Unwrap(value) : value;
    }
}
