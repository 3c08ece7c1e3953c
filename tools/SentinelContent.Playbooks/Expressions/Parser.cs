using SentinelContent.Core.Text;

namespace SentinelContent.Playbooks.Expressions;

/// <summary>
/// Recursive-descent parser for one expression:
/// <code>
/// expression := primary postfix*
/// primary    := STRING | NUMBER | true | false | null | IDENT '(' [expression (',' expression)*] ')'
/// postfix    := ['?'] '.' IDENT | ['?'] '[' expression ']'
/// </code>
/// Nesting is bounded so a hostile value cannot exhaust the stack.
/// </summary>
public sealed class Parser
{
    public const int MaxDepth = 100;

    private readonly Lexer _lexer;
    private readonly List<ExpressionError> _errors;
    private Token _current;
    private int _depth;

    private Parser(string text, int start, List<ExpressionError> errors)
    {
        _lexer = new Lexer(text, start);
        _errors = errors;
        _current = _lexer.Next();
    }

    public Token Current => _current;

    /// <summary>Parses an expression starting at <paramref name="start"/>; the token after it is left in <see cref="Current"/>.</summary>
    public static (ExpressionNode? Node, Parser Parser) ParseAt(string text, int start, List<ExpressionError> errors)
    {
        var parser = new Parser(text, start, errors);
        var node = parser.ParseExpression();
        return (node, parser);
    }

    private ExpressionNode? ParseExpression()
    {
        if (++_depth > MaxDepth)
        {
            _errors.Add(new ExpressionError(_current.Span, $"the expression is nested more than {MaxDepth} levels deep"));
            _depth--;
            return null;
        }
        try
        {
            var node = ParsePrimary();
            return node is null ? null : ParsePostfix(node);
        }
        finally
        {
            _depth--;
        }
    }

    private ExpressionNode? ParsePrimary()
    {
        var token = _current;
        switch (token.Kind)
        {
            case TokenKind.String:
                Advance();
                return new StringLiteral(token.Span, token.Value);
            case TokenKind.Number:
                Advance();
                return new NumberLiteral(token.Span, token.Value);
            case TokenKind.Identifier:
                Advance();
                if (_current.Kind != TokenKind.OpenParen)
                {
                    if (token.Value is "true" or "false" or "null") return new KeywordLiteral(token.Span, token.Value);
                    _errors.Add(new ExpressionError(token.Span, $"'{token.Value}' must be a function call: {token.Value}(...); text values are written in single quotes"));
                    return null;
                }
                return ParseCall(token);
            case TokenKind.Bad when token.Value == "'":
                _errors.Add(new ExpressionError(token.Span, "the text starting here has no closing single quote"));
                return null;
            case TokenKind.End:
                _errors.Add(new ExpressionError(token.Span, "the expression ends where a value was expected"));
                return null;
            default:
                _errors.Add(new ExpressionError(token.Span, $"unexpected '{token.Value}' where a value was expected (a function call, 'text', a number, true, false or null)"));
                return null;
        }
    }

    private ExpressionNode? ParseCall(Token name)
    {
        var open = _current;
        Advance();
        var arguments = new List<ExpressionNode>();
        if (_current.Kind != TokenKind.CloseParen)
        {
            while (true)
            {
                var argument = ParseExpression();
                if (argument is null) return null;
                arguments.Add(argument);
                if (_current.Kind == TokenKind.Comma)
                {
                    Advance();
                    continue;
                }
                if (_current.Kind == TokenKind.CloseParen) break;
                _errors.Add(new ExpressionError(_current.Kind == TokenKind.End ? open.Span : _current.Span,
                    _current.Kind == TokenKind.End ? $"the call to '{name.Value}' has no closing parenthesis" : $"expected ',' or ')' in the call to '{name.Value}', found '{_current.Value}'"));
                return null;
            }
        }
        var close = _current;
        Advance();
        return new FunctionCall(TextSpan.FromBounds(name.Span.Start, close.Span.End), name.Value, name.Span, arguments);
    }

    private ExpressionNode? ParsePostfix(ExpressionNode node)
    {
        while (true)
        {
            var nullSafe = false;
            if (_current.Kind == TokenKind.Question)
            {
                nullSafe = true;
                Advance();
                if (_current.Kind is not (TokenKind.Dot or TokenKind.OpenBracket))
                {
                    _errors.Add(new ExpressionError(_current.Span, "'?' must be followed by .name or [index]"));
                    return null;
                }
            }
            if (_current.Kind == TokenKind.Dot)
            {
                Advance();
                if (_current.Kind != TokenKind.Identifier)
                {
                    _errors.Add(new ExpressionError(_current.Span, "expected a property name after '.'"));
                    return null;
                }
                node = new MemberAccess(TextSpan.FromBounds(node.Span.Start, _current.Span.End), node, _current.Value, nullSafe);
                Advance();
                continue;
            }
            if (_current.Kind == TokenKind.OpenBracket)
            {
                var open = _current;
                Advance();
                var index = ParseExpression();
                if (index is null) return null;
                if (_current.Kind != TokenKind.CloseBracket)
                {
                    _errors.Add(new ExpressionError(_current.Kind == TokenKind.End ? open.Span : _current.Span, "expected ']' to close the index"));
                    return null;
                }
                node = new IndexAccess(TextSpan.FromBounds(node.Span.Start, _current.Span.End), node, index, nullSafe);
                Advance();
                continue;
            }
            return node;
        }
    }

    private void Advance() => _current = _lexer.Next();
}
