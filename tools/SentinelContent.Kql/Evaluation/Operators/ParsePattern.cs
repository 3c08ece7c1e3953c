using System.Text;
using System.Text.RegularExpressions;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Runtime;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Operators;

/// <summary>One element of a parse pattern: literal text, a column to capture (with its type), or `*` (skip).</summary>
public sealed record ParsePart(string? Literal, string? Column, ScalarType Type);

/// <summary>
/// parse: the pattern becomes one regular expression. In simple mode literals match exactly and columns match
/// lazily up to the next literal (the last one takes the rest); in regex mode literals are regular expressions.
/// A row that does not match gets empty columns (parse) or is dropped (parse-where).
/// </summary>
public static class ParsePattern
{
    public static Regex Build(IReadOnlyList<ParsePart> parts, string kind, string flags, TimeSpan matchTimeout)
    {
        var regexMode = kind == "regex";
        var builder = new StringBuilder("^");
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (part.Literal is not null)
            {
                builder.Append(regexMode ? "(?:" + part.Literal + ")" : Regex.Escape(part.Literal));
                continue;
            }

            var last = parts.Skip(i + 1).All(p => p.Literal is null || p.Literal.Length == 0);
            var body = part.Type switch
            {
                ScalarType.Long or ScalarType.Int => @"[-+]?\d+",
                ScalarType.Real => @"[-+]?\d*\.?\d+(?:[eE][-+]?\d+)?",
                _ => last && !regexMode ? ".*" : ".*?",
            };
            builder.Append(part.Column is null ? "(?:" + body + ")" : "(" + body + ")");
        }

        var options = flags.Contains('i', StringComparison.Ordinal) ? RegexOptions.IgnoreCase : RegexOptions.None;
        if (flags.Contains('s', StringComparison.Ordinal)) options |= RegexOptions.Singleline;
        return RegexCache.Get(builder.ToString(), matchTimeout, options);
    }

    public static DataTable Apply(DataTable table, Column source, Regex pattern, IReadOnlyList<ParsePart> parts, bool keepUnmatched)
    {
        var captures = parts.Where(p => p.Column is not null).ToList();
        var values = captures.Select(_ => new List<object?>()).ToArray();
        var keep = new List<int>();
        for (var row = 0; row < table.RowCount; row++)
        {
            var match = pattern.Match(KqlValue.ToText(KqlValue.Get(source, row)));
            if (!match.Success && !keepUnmatched) continue;
            keep.Add(row);
            for (var c = 0; c < captures.Count; c++)
                values[c].Add(match.Success ? match.Groups[c + 1].Value : null);
        }

        var columns = table.Named().Select(c => (c.Name, c.Column.Select(keep))).ToList();
        for (var c = 0; c < captures.Count; c++)
        {
            var column = ColumnFactory.FromValues(captures[c].Type == ScalarType.Unknown ? ScalarType.String : captures[c].Type, values[c]);
            columns.AddOrReplace(captures[c].Column!, column);
        }

        return Tables.From(columns, rowCount: keep.Count);
    }
}
