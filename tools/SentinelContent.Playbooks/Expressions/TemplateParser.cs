using System.Text;
using SentinelContent.Core.Text;

namespace SentinelContent.Playbooks.Expressions;

/// <summary>
/// Reads a JSON string value the way Logic Apps does (fact sheet §2.1): "@@..." is literal text starting with @,
/// "@expr" is an expression, and otherwise each "@{expr}" is interpolated ("@@{" stays literal "@{").
/// </summary>
public static class TemplateParser
{
    public static bool MayContainExpression(string value) => value.StartsWith('@') || value.Contains("@{", StringComparison.Ordinal);

    public static Template Parse(string value)
    {
        var errors = new List<ExpressionError>();
        if (value.StartsWith("@@", StringComparison.Ordinal)) return new Template(TemplateKind.Literal, [new TextPart(value[1..])], errors);
        if (value.StartsWith('@') && !value.StartsWith("@{", StringComparison.Ordinal))
        {
            var (node, parser) = Parser.ParseAt(value, 1, errors);
            if (node is not null && parser.Current.Kind != TokenKind.End)
                errors.Add(new ExpressionError(parser.Current.Span, $"unexpected '{parser.Current.Value}' after the end of the expression"));
            return new Template(TemplateKind.Expression, node is null ? [] : [new ExpressionPart(node)], errors);
        }
        return ParseInterpolation(value, errors);
    }

    private static Template ParseInterpolation(string value, List<ExpressionError> errors)
    {
        var parts = new List<TemplatePart>();
        var text = new StringBuilder();
        var any = false;
        var i = 0;
        while (i < value.Length)
        {
            if (value[i] == '@' && i + 2 < value.Length && value[i + 1] == '@' && value[i + 2] == '{')
            {
                text.Append("@{");
                i += 3;
                continue;
            }
            if (value[i] == '@' && i + 1 < value.Length && value[i + 1] == '{')
            {
                any = true;
                if (text.Length > 0) { parts.Add(new TextPart(text.ToString())); text.Clear(); }
                var (node, parser) = Parser.ParseAt(value, i + 2, errors);
                if (node is null) return new Template(TemplateKind.Interpolation, parts, errors);
                if (parser.Current.Kind != TokenKind.CloseBrace)
                {
                    errors.Add(new ExpressionError(parser.Current.Kind == TokenKind.End ? new TextSpan(i, 2) : parser.Current.Span,
                        parser.Current.Kind == TokenKind.End ? "'@{' has no closing '}'" : $"expected '}}' to close '@{{', found '{parser.Current.Value}'"));
                    return new Template(TemplateKind.Interpolation, parts, errors);
                }
                parts.Add(new ExpressionPart(node));
                i = parser.Current.Span.End;
                continue;
            }
            text.Append(value[i]);
            i++;
        }
        if (text.Length > 0) parts.Add(new TextPart(text.ToString()));
        return new Template(any ? TemplateKind.Interpolation : TemplateKind.Literal, parts, errors);
    }
}
