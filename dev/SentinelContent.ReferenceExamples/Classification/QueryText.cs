using System.Text;
using System.Text.RegularExpressions;

namespace SentinelContent.ReferenceExamples.Classification;

/// <summary>Lexical views of a query for the classifier's patterns: comments and string contents blanked, whitespace folded.</summary>
internal static partial class QueryText
{
    /// <summary>
    /// The query with comments and the contents of string literals replaced by spaces (the quotes stay), so that a
    /// pattern such as "rand(" or "| render" matches code only. Offsets are kept.
    /// </summary>
    public static string WithoutCommentsAndStrings(string query)
    {
        var text = new StringBuilder(query);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n') text[i++] = ' ';
            }
            else if (c == '`' && i + 2 < text.Length && text[i + 1] == '`' && text[i + 2] == '`')
            {
                var end = query.IndexOf("```", i + 3, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end;
                for (var j = i + 3; j < end; j++) text[j] = ' ';
                i = Math.Min(text.Length, end + 3);
            }
            else if (c is '"' or '\'')
            {
                var verbatim = i > 0 && text[i - 1] == '@';
                var j = i + 1;
                while (j < text.Length && text[j] != '\n')
                {
                    if (text[j] == c)
                    {
                        if (verbatim && j + 1 < text.Length && text[j + 1] == c) { text[j] = ' '; text[j + 1] = ' '; j += 2; continue; }
                        break;
                    }
                    if (!verbatim && text[j] == '\\' && j + 1 < text.Length) text[j++] = ' ';
                    text[j++] = ' ';
                }
                i = j + 1;
            }
            else i++;
        }
        return text.ToString();
    }

    /// <summary>Whitespace folded, for comparing two examples' queries.</summary>
    public static string Normalized(string query) => Whitespace().Replace(query.Trim(), " ");

    /// <summary>
    /// A scalar expression written as the whole query (`asin(0.5)`), the reference's shape for a function's example
    /// with a one-column result table: no pipe and no statement that makes a table.
    /// </summary>
    public static bool IsBareExpression(string code) => !code.Contains('|') && !code.Contains(';') && !Tabular().IsMatch(code);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\s*(print|range|datatable|let|union|search|find|evaluate|declare|set|alias|restrict|pattern)\b")]
    private static partial Regex Tabular();
}
