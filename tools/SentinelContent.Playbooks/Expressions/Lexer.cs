using SentinelContent.Core.Text;

namespace SentinelContent.Playbooks.Expressions;

/// <summary>
/// Splits the expression language into tokens: identifiers, numbers, single-quoted strings ('' is a quote),
/// punctuation ( ) [ ] , . ? and the } that closes an @{ } interpolation. Offsets are in the whole string value
/// so that diagnostics land on the right column of the YAML.
/// </summary>
public sealed class Lexer(string text, int start)
{
    private int _position = start;

    public int Position => _position;

    public Token Next()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position])) _position++;
        if (_position >= text.Length) return new Token(TokenKind.End, new TextSpan(text.Length, 0), string.Empty);
        var begin = _position;
        var c = text[_position];
        switch (c)
        {
            case '(': return Single(TokenKind.OpenParen);
            case ')': return Single(TokenKind.CloseParen);
            case '[': return Single(TokenKind.OpenBracket);
            case ']': return Single(TokenKind.CloseBracket);
            case ',': return Single(TokenKind.Comma);
            case '.' when !(_position + 1 < text.Length && char.IsAsciiDigit(text[_position + 1])): return Single(TokenKind.Dot);
            case '?': return Single(TokenKind.Question);
            case '}': return Single(TokenKind.CloseBrace);
            case '\'': return ReadString(begin);
        }
        if (char.IsAsciiDigit(c) || c == '-' || c == '.') return ReadNumber(begin);
        if (char.IsLetter(c) || c == '_' || c == '$') return ReadIdentifier(begin);
        _position++;
        return new Token(TokenKind.Bad, new TextSpan(begin, 1), c.ToString());
    }

    private Token Single(TokenKind kind)
    {
        _position++;
        return new Token(kind, new TextSpan(_position - 1, 1), text[_position - 1].ToString());
    }

    private Token ReadString(int begin)
    {
        var value = new System.Text.StringBuilder();
        _position++;
        while (_position < text.Length)
        {
            var c = text[_position];
            if (c == '\'')
            {
                if (_position + 1 < text.Length && text[_position + 1] == '\'')
                {
                    value.Append('\'');
                    _position += 2;
                    continue;
                }
                _position++;
                return new Token(TokenKind.String, TextSpan.FromBounds(begin, _position), value.ToString());
            }
            value.Append(c);
            _position++;
        }
        // Unterminated: the parser reports it, pointing at the opening quote.
        return new Token(TokenKind.Bad, new TextSpan(begin, 1), "'");
    }

    private Token ReadNumber(int begin)
    {
        if (text[_position] == '-') _position++;
        while (_position < text.Length && (char.IsAsciiDigit(text[_position]) || text[_position] == '.')) _position++;
        if (_position < text.Length && (text[_position] == 'e' || text[_position] == 'E'))
        {
            _position++;
            if (_position < text.Length && (text[_position] == '+' || text[_position] == '-')) _position++;
            while (_position < text.Length && char.IsAsciiDigit(text[_position])) _position++;
        }
        var span = TextSpan.FromBounds(begin, _position);
        var raw = text[begin.._position];
        return raw is "-" or "." ? new Token(TokenKind.Bad, span, raw) : new Token(TokenKind.Number, span, raw);
    }

    private Token ReadIdentifier(int begin)
    {
        while (_position < text.Length && (char.IsLetterOrDigit(text[_position]) || text[_position] == '_' || text[_position] == '$')) _position++;
        return new Token(TokenKind.Identifier, TextSpan.FromBounds(begin, _position), text[begin.._position]);
    }
}
