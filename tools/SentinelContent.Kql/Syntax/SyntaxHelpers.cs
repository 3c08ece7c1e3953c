using System.Text;

namespace SentinelContent.Kql.Syntax;

/// <summary>Reading names, list items and literal values off the syntax tree (what the typed nodes and the binder share).</summary>
internal static class SyntaxHelpers
{
    /// <summary>The child nodes of a List node (separators skipped); a non-list node yields itself.</summary>
    public static IEnumerable<SyntaxNode> Items(SyntaxNode? list)
    {
        if (list is null) yield break;
        if (list.Kind != SyntaxKind.List)
        {
            yield return list;
            yield break;
        }

        foreach (var child in list.Children)
            if (child is SyntaxNode node) yield return node;
    }

    public static SyntaxNode? Child(SyntaxNode node, SyntaxKind kind)
    {
        foreach (var child in node.Children)
            if (child is SyntaxNode n && n.Kind == kind) return n;
        return null;
    }

    public static SyntaxNode? FirstList(SyntaxNode node) => Child(node, SyntaxKind.List);

    /// <summary>The value of a named item (`x = v`, `(a, b) = v` give v); any other item is its own value.</summary>
    public static SyntaxNode ValueOf(SyntaxNode item) =>
        item.Kind is SyntaxKind.SimpleNamedExpression or SyntaxKind.CompoundNamedExpression ? item.ChildNodes().Last() : item;

    /// <summary>
    /// The text of a name: a NameDeclaration/NameReference over a plain, bracketed (['a b']) or
    /// multi-token name. Null when the name is missing (error recovery inserted it).
    /// </summary>
    public static string? NameText(SyntaxElement? element)
    {
        switch (element)
        {
            case null:
                return null;
            case SyntaxToken token:
                return token.IsMissing ? null : token.Text;
            case SyntaxNode node when node.Kind is SyntaxKind.NameDeclaration or SyntaxKind.NameReference:
                return node.Children.Count == 0 ? null : NameText(node.Children[0]);
            case SyntaxNode node when node.Kind == SyntaxKind.BracketedName:
                foreach (var child in node.Children)
                    if (child is SyntaxNode literal && literal.Kind is SyntaxKind.StringLiteralExpression or SyntaxKind.CompoundStringLiteralExpression)
                        return StringValue(literal);
                    else if (child is SyntaxToken { Kind: SyntaxKind.StringLiteralToken } stringToken)
                        return StringValue(stringToken.Text);
                return null;
            case SyntaxNode node when node.Kind is SyntaxKind.TokenName or SyntaxKind.MultiTokenName or SyntaxKind.BracedName:
                var builder = new StringBuilder();
                foreach (var token in node.DescendantTokens())
                {
                    if (token.IsMissing) return null;
                    builder.Append(token.Text);
                }

                return builder.ToString();
            case SyntaxNode node:
                return node.Children.Count == 1 ? NameText(node.Children[0]) : null;
        }

        return null;
    }

    /// <summary>The value of a string literal expression (adjacent literals concatenate).</summary>
    public static string StringValue(SyntaxNode literal)
    {
        var builder = new StringBuilder();
        foreach (var token in literal.DescendantTokens())
            if (token.Kind == SyntaxKind.StringLiteralToken && !token.IsMissing) builder.Append(StringValue(token.Text));
        return builder.ToString();
    }

    /// <summary>Decodes one string literal token: 'x', "x", @'x' (verbatim), h'x' (obfuscated), ```x```.</summary>
    public static string StringValue(string text)
    {
        var start = 0;
        var verbatim = false;
        while (start < text.Length && text[start] is 'h' or 'H' or '@')
        {
            if (text[start] == '@') verbatim = true;
            start++;
        }

        if (text.Length - start >= 6 && (text.AsSpan(start).StartsWith("```") || text.AsSpan(start).StartsWith("~~~")))
            return text.Substring(start + 3, Math.Max(0, text.Length - start - 6));
        if (text.Length - start < 2) return string.Empty;
        var quote = text[start];
        var body = text.AsSpan(start + 1, text.Length - start - 2);
        var builder = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (verbatim && c == quote && i + 1 < body.Length && body[i + 1] == quote)
            {
                builder.Append(quote);
                i++;
            }
            else if (!verbatim && c == '\\' && i + 1 < body.Length)
            {
                i = Escape(body, i + 1, builder);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Decodes the escape after a backslash at <paramref name="at"/> and returns the index of its last character, as
    /// Kusto.Language's KustoFacts.GetStringLiteralValue does: \xHH (up to 2 hex digits), \uHHHH (up to 4), up to three
    /// digits read as octal (\101 is "A"), \a \b \f \n \r \t \v, and any other character as itself (\' \" \\).
    /// </summary>
    private static int Escape(ReadOnlySpan<char> body, int at, StringBuilder builder)
    {
        var next = body[at];
        switch (next)
        {
            case 'x' or 'u':
            {
                var (value, end) = (0, at + 1);
                var limit = next == 'x' ? 2 : 4;
                while (end < body.Length && end - at - 1 < limit && char.IsAsciiHexDigit(body[end])) value = value * 16 + Convert.ToInt32(body[end++].ToString(), 16);
                builder.Append((char)value);
                return end - 1;
            }

            case >= '0' and <= '9':
            {
                var (value, end) = (0, at);
                while (end < body.Length && end - at < 3 && char.IsAsciiDigit(body[end])) value = value * 8 + (body[end++] - '0');
                builder.Append((char)value);
                return end - 1;
            }

            default:
                builder.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'a' => '\a', 'b' => '\b', 'f' => '\f', 'v' => '\v', _ => next });
                return at;
        }
    }

    /// <summary>A type name token (int, string, ...) of a PrimitiveTypeExpression.</summary>
    public static Schema.ScalarType TypeOf(SyntaxNode? typeExpression)
    {
        if (typeExpression is null) return Schema.ScalarType.Unknown;
        var token = typeExpression.DescendantTokens().FirstOrDefault(t => !t.IsMissing && t.Kind != SyntaxKind.OpenParenToken);
        return token is not null && Schema.ScalarTypes.TryParse(token.Text, out var type) ? type : Schema.ScalarType.Unknown;
    }
}
