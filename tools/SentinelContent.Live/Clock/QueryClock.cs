using System.Globalization;
using System.Text;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Live.Clock;

/// <summary>
/// Pins a query's clock. The query API evaluates now() and ago() at the time it runs, and Azure Monitor
/// does not accept Kusto's query_now request property, so a backtest of a past run rewrites the calls
/// instead: now() becomes datetime(T), now(x) becomes (datetime(T) + (x)) and ago(x) becomes
/// (datetime(T) - (x)). The syntax tree finds the calls, so text in strings and comments is left alone.
/// </summary>
public static class QueryClock
{
    public static string Pin(string query, DateTime now)
    {
        var tree = KqlSyntaxTree.Parse(query);
        if (tree.HasErrors) return query; // the service will report the syntax error itself
        var literal = "datetime(" + now.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture) + ")";
        var builder = new StringBuilder(query.Length + 64);
        Emit(tree.Root, query, literal, builder);
        return builder.ToString();
    }

    private static void Emit(SyntaxElement element, string query, string literal, StringBuilder builder)
    {
        if (element is SyntaxToken token)
        {
            builder.Append(token.ToFullString());
            return;
        }
        var node = (SyntaxNode)element;
        if (node.Kind == SyntaxKind.FunctionCallExpression && CalleeName(node) is "now" or "ago" && Rewrite(node, query, literal) is { } rewritten)
        {
            builder.Append(query, node.FullSpan.Start, node.Span.Start - node.FullSpan.Start);
            builder.Append(rewritten);
            builder.Append(query, node.Span.End, node.FullSpan.End - node.Span.End);
            return;
        }
        foreach (var child in node.Children) Emit(child, query, literal, builder);
    }

    private static string? CalleeName(SyntaxNode call) =>
        call.DescendantTokens().FirstOrDefault(t => t.Span.Length > 0)?.ToFullString().Trim();

    /// <summary>The call with its arguments (themselves rewritten), or null when it is not a plain call.</summary>
    private static string? Rewrite(SyntaxNode call, string query, string literal)
    {
        var inner = new StringBuilder();
        foreach (var child in call.Children) Emit(child, query, literal, inner);
        // The call's own leading and trailing trivia (a comment after the closing parenthesis) stay outside.
        var full = inner.ToString();
        var lead = call.Span.Start - call.FullSpan.Start;
        var trail = call.FullSpan.End - call.Span.End;
        var text = full[lead..(full.Length - trail)].Trim();
        var open = text.IndexOf('(');
        if (open < 0 || !text.EndsWith(')')) return null;
        var name = text[..open].Trim();
        var argument = text[(open + 1)..^1].Trim();
        return name switch
        {
            "now" when argument.Length == 0 => literal,
            "now" => $"({literal} + ({argument}))",
            "ago" when argument.Length > 0 => $"({literal} - ({argument}))",
            _ => null,
        };
    }
}
