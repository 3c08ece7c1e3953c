namespace SentinelContent.Kql.Syntax;

/// <summary>
/// Splits query text into tokens, each with its leading trivia (whitespace and comments before it)
/// and trailing trivia (spaces, a comment and one line break after it on the same line).
/// The rules follow the official lexer: keywords match by longest prefix (they may contain '-', '.',
/// '!', '~' or a space), typed literals such as datetime(...) are single tokens, and a character
/// outside the language becomes a one-character bad token instead of stopping the scan.
/// </summary>
internal sealed class Lexer
{
    private static readonly string[] s_timespanSuffixes =
    [
        "m", "min", "minute", "minutes", "s", "sec", "second", "seconds", "d", "day", "days",
        "h", "hr", "hrs", "hour", "hours", "ms", "milli", "millis", "millisec", "millisecond", "milliseconds",
        "micro", "micros", "microsec", "microsecond", "microseconds",
        "nano", "nanos", "nanosec", "nanosecond", "nanoseconds", "tick", "ticks",
    ];

    private static readonly int[] s_guidGroups = [8, 4, 4, 4, 12];

    private static readonly string[] s_booleans = ["true", "True", "TRUE", "false", "False", "FALSE"];

    private readonly string _text;
    private int _pos;

    private Lexer(string text) => _text = text;

    /// <summary>All tokens of the text; the last one is always an end-of-text token.</summary>
    public static LexicalToken[] Tokenize(string text)
    {
        var buffer = TokenizeInto(text, out var count);
        var tokens = buffer.AsSpan(0, count).ToArray();
        System.Buffers.ArrayPool<LexicalToken>.Shared.Return(buffer);
        return tokens;
    }

    /// <summary>
    /// Tokenizes into a buffer rented from the shared pool (every token is at least one character,
    /// so text length + 1 slots always suffice); the caller returns the buffer when done.
    /// </summary>
    public static LexicalToken[] TokenizeInto(string text, out int count)
    {
        var lexer = new Lexer(text);
        var tokens = System.Buffers.ArrayPool<LexicalToken>.Shared.Rent(text.Length + 1);
        count = 0;
        while (true)
        {
            var token = lexer.Next();
            tokens[count++] = token;
            if (token.Kind == SyntaxKind.EndOfTextToken) break;
        }

        return tokens;
    }

    private char Peek(int offset = 0) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private char At(int index) => index < _text.Length ? _text[index] : '\0';

    private LexicalToken Next()
    {
        var fullStart = _pos;
        SkipLeadingTrivia();
        var start = _pos;
        var (kind, problem) = ScanToken();
        var end = _pos;
        if (kind != SyntaxKind.EndOfTextToken) SkipTrailingTrivia();
        return new LexicalToken(kind, fullStart, start, end, _pos, problem);
    }

    private void SkipLeadingTrivia()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (CharFacts.IsWhitespace(c))
            {
                _pos++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                // A comment runs to the start of the next line, so its line break (even U+2028) is trivia too.
                SkipToLineBreak();
                SkipLineBreak();
            }
            else
            {
                break;
            }
        }
    }

    /// <summary>Spaces, then an optional comment, then one line break: what belongs to the line the token is on.</summary>
    private void SkipTrailingTrivia()
    {
        while (_pos < _text.Length && CharFacts.IsSpace(_text[_pos])) _pos++;
        var comment = Peek() == '/' && Peek(1) == '/';
        if (comment) SkipToLineBreak();
        SkipLineBreak(includeSeparators: comment);
    }

    /// <summary>
    /// Skips one line break. U+2028/U+2029 end a comment (and belong to it) but are not whitespace,
    /// so outside a comment only CR and LF count.
    /// </summary>
    private void SkipLineBreak(bool includeSeparators = true)
    {
        if (Peek() == '\r' && Peek(1) == '\n') _pos += 2;
        else if (Peek() is '\r' or '\n' || (includeSeparators && Peek() is '\u2028' or '\u2029')) _pos++;
    }

    private void SkipToLineBreak()
    {
        while (_pos < _text.Length && !CharFacts.IsLineBreak(_text[_pos])) _pos++;
    }

    private (SyntaxKind Kind, LexicalProblem Problem) ScanToken()
    {
        if (_pos >= _text.Length) return (SyntaxKind.EndOfTextToken, LexicalProblem.None);

        var c = _text[_pos];
        if (!CharFacts.IsLetterOrDigit(c))
        {
            var punctuation = ScanPunctuation(c);
            if (punctuation != SyntaxKind.None) return (punctuation, LexicalProblem.None);

            switch (c)
            {
                case '\'' or '"' or '`' or '~':
                    if (TryScanString(_pos, out var stringProblem)) return (SyntaxKind.StringLiteralToken, stringProblem);
                    break;
                case '@' when Peek(1) is '\'' or '"' or '`':
                    if (TryScanString(_pos, out stringProblem)) return (SyntaxKind.StringLiteralToken, stringProblem);
                    break;
                case '#':
                    // A client directive runs to the end of its line; the line break is trailing trivia.
                    SkipToLineBreak();
                    return (SyntaxKind.DirectiveToken, LexicalProblem.None);
            }
        }

        if (KeywordTable.TryMatchLongest(_text, _pos, out var keyword))
        {
            var after = _pos + keyword.Text.Length;
            if (At(after) == '(' && TypedLiteralKind(keyword.Kind) is var literalKind && literalKind != SyntaxKind.None)
            {
                _pos = after;
                return (literalKind, ScanParenthesizedLiteralBody());
            }

            if (!CharFacts.IsIdentifierPart(At(after)))
            {
                _pos = after;
                return (keyword.Kind, LexicalProblem.None);
            }
        }

        // A lone '!' (not !=, !~ or a !keyword) is the bang token.
        if (c == '!' && !CharFacts.IsIdentifierPart(Peek(1)))
        {
            _pos++;
            return (SyntaxKind.BangToken, LexicalProblem.None);
        }

        if (CharFacts.IsIdentifierStart(c)) return ScanWordLike(c);
        if (CharFacts.IsDigit(c)) return ScanNumberLike();

        _pos++;
        return (SyntaxKind.BadToken, LexicalProblem.UnexpectedCharacter);
    }

    private SyntaxKind ScanPunctuation(char c)
    {
        var next = Peek(1);
        var (kind, length) = c switch
        {
            '(' => (SyntaxKind.OpenParenToken, 1),
            ')' => (SyntaxKind.CloseParenToken, 1),
            '[' => (SyntaxKind.OpenBracketToken, 1),
            ']' => (SyntaxKind.CloseBracketToken, 1),
            '{' => (SyntaxKind.OpenBraceToken, 1),
            '}' => (SyntaxKind.CloseBraceToken, 1),
            '|' => (SyntaxKind.BarToken, 1),
            '.' => next == '.' ? (SyntaxKind.DotDotToken, 2) : (SyntaxKind.DotToken, 1),
            '+' => (SyntaxKind.PlusToken, 1),
            '-' => (SyntaxKind.MinusToken, 1),
            '*' => (SyntaxKind.AsteriskToken, 1),
            '/' => (SyntaxKind.SlashToken, 1),
            '%' => (SyntaxKind.PercentToken, 1),
            '<' => next switch
            {
                '=' => (SyntaxKind.LessThanOrEqualToken, 2),
                '|' => (SyntaxKind.LessThanBarToken, 2),
                '>' => (SyntaxKind.LessThanGreaterThanToken, 2),
                _ => (SyntaxKind.LessThanToken, 1),
            },
            '>' => next == '=' ? (SyntaxKind.GreaterThanOrEqualToken, 2) : (SyntaxKind.GreaterThanToken, 1),
            '=' => next switch
            {
                '=' => (SyntaxKind.EqualEqualToken, 2),
                '>' => (SyntaxKind.FatArrowToken, 2),
                '~' => (SyntaxKind.EqualTildeToken, 2),
                _ => (SyntaxKind.EqualToken, 1),
            },
            '!' => next switch
            {
                '=' => (SyntaxKind.BangEqualToken, 2),
                '~' => (SyntaxKind.BangTildeToken, 2),
                _ => (SyntaxKind.None, 0),
            },
            ':' => (SyntaxKind.ColonToken, 1),
            ';' => (SyntaxKind.SemicolonToken, 1),
            ',' => (SyntaxKind.CommaToken, 1),
            '@' when next is not ('\'' or '"' or '`') => (SyntaxKind.AtToken, 1),
            '?' => (SyntaxKind.QuestionToken, 1),
            _ => (SyntaxKind.None, 0),
        };

        _pos += length;
        return kind;
    }

    /// <summary>The literal token a type keyword forms when '(' follows directly: datetime(...), int(...), guid(...).</summary>
    private static SyntaxKind TypedLiteralKind(SyntaxKind keyword) => keyword switch
    {
        SyntaxKind.LongKeyword => SyntaxKind.LongLiteralToken,
        SyntaxKind.IntKeyword => SyntaxKind.IntLiteralToken,
        SyntaxKind.RealKeyword or SyntaxKind.DoubleKeyword => SyntaxKind.RealLiteralToken,
        SyntaxKind.DecimalKeyword => SyntaxKind.DecimalLiteralToken,
        SyntaxKind.BoolKeyword => SyntaxKind.BooleanLiteralToken,
        SyntaxKind.DateTimeKeyword or SyntaxKind.DateKeyword => SyntaxKind.DateTimeLiteralToken,
        SyntaxKind.TimeKeyword or SyntaxKind.TimespanKeyword => SyntaxKind.TimespanLiteralToken,
        SyntaxKind.GuidKeyword => SyntaxKind.GuidLiteralToken,
        _ => SyntaxKind.None,
    };

    /// <summary>Scans "(...)" of a typed literal; it ends at ')' or, when unclosed, at the line break.</summary>
    private LexicalProblem ScanParenthesizedLiteralBody()
    {
        _pos++; // '('
        while (_pos < _text.Length && _text[_pos] != ')' && !CharFacts.IsLineBreak(_text[_pos])) _pos++;
        if (Peek() == ')')
        {
            _pos++;
            return LexicalProblem.None;
        }

        return LexicalProblem.UnterminatedParenthesizedLiteral;
    }

    private (SyntaxKind, LexicalProblem) ScanWordLike(char first)
    {
        foreach (var boolean in s_booleans)
        {
            if (_text.AsSpan(_pos).StartsWith(boolean) && !CharFacts.IsIdentifierPart(At(_pos + boolean.Length)))
            {
                _pos += boolean.Length;
                return (SyntaxKind.BooleanLiteralToken, LexicalProblem.None);
            }
        }

        if (ScanRawGuid(_pos) is var guidLength and > 0)
        {
            _pos += guidLength;
            return (SyntaxKind.RawGuidLiteralToken, LexicalProblem.None);
        }

        var start = _pos;
        _pos++;
        while (_pos < _text.Length && CharFacts.IsIdentifierPart(_text[_pos])) _pos++;

        // h"..." and h@"..." are obfuscated strings: a one-letter 'h' prefix before a quote.
        if (_pos - start == 1 && first is 'h' or 'H' && Peek() is '\'' or '"' or '@' or '`')
        {
            if (TryScanString(start, out var problem)) return (SyntaxKind.StringLiteralToken, problem);
            _pos = start + 1;
        }

        return (SyntaxKind.IdentifierToken, LexicalProblem.None);
    }

    private (SyntaxKind, LexicalProblem) ScanNumberLike()
    {
        var start = _pos;
        if (ScanRawGuid(start) is var guidLength and > 0) return Advance(guidLength, SyntaxKind.RawGuidLiteralToken);
        if (ScanReal(start) is var realLength and > 0) return Advance(realLength, SyntaxKind.RealLiteralToken);
        if (ScanTimespan(start) is var timespanLength and > 0) return Advance(timespanLength, SyntaxKind.TimespanLiteralToken);
        if (ScanLong(start) is var longLength and > 0) return Advance(longLength, SyntaxKind.LongLiteralToken);

        // Digits followed by a letter or '_' start an identifier (e.g. 3Dchart-like names).
        var digits = ScanDigits(start);
        if (At(start + digits) is var after && (CharFacts.IsLetter(after) || after == '_'))
        {
            var end = start + digits;
            while (end < _text.Length && CharFacts.IsIdentifierPart(_text[end])) end++;
            return Advance(end - start, SyntaxKind.IdentifierToken);
        }

        _pos++;
        return (SyntaxKind.BadToken, LexicalProblem.UnexpectedCharacter);
    }

    private (SyntaxKind, LexicalProblem) Advance(int length, SyntaxKind kind)
    {
        _pos += length;
        return (kind, LexicalProblem.None);
    }

    private int ScanDigits(int start)
    {
        var end = start;
        while (CharFacts.IsDigit(At(end))) end++;
        return end - start;
    }

    private int ScanExponent(int start)
    {
        if (At(start) is not ('e' or 'E')) return 0;
        var pos = start + 1;
        if (At(pos) is '+' or '-') pos++;
        var digits = ScanDigits(pos);
        return digits == 0 ? -1 : pos + digits - start;
    }

    private int ScanReal(int start)
    {
        var pos = start + ScanDigits(start);
        if (pos == start) return -1;
        if (At(pos) == '.' && (At(pos + 1) != '.' || At(pos + 2) == '.'))
        {
            pos++;
            pos += ScanDigits(pos);
            var exponent = ScanExponent(pos);
            if (exponent > 0) pos += exponent;
        }
        else
        {
            var exponent = ScanExponent(pos);
            if (exponent <= 0) return -1;
            pos += exponent;
        }

        return CharFacts.IsIdentifierPart(At(pos)) ? -1 : pos - start;
    }

    private int ScanTimespan(int start)
    {
        var length = ScanDigits(start);
        if (length == 0) return -1;
        if (At(start + length) == '.' && ScanDigits(start + length + 1) is var fraction and > 0) length += fraction + 1;

        var suffixStart = start + length;
        var best = 0;
        foreach (var suffix in s_timespanSuffixes)
        {
            if (suffix.Length > best && _text.AsSpan(suffixStart).StartsWith(suffix))
                best = suffix.Length;
        }

        if (best == 0) return -1;
        length += best;
        return CharFacts.IsIdentifierPart(At(start + length)) ? -1 : length;
    }

    private int ScanLong(int start)
    {
        if (At(start) == '0' && At(start + 1) is 'x' or 'X')
        {
            var pos = start + 2;
            if (!CharFacts.IsHexDigit(At(pos))) return -1;
            while (CharFacts.IsHexDigit(At(pos))) pos++;
            return CharFacts.IsIdentifierPart(At(pos)) ? -1 : pos - start;
        }

        var digits = ScanDigits(start);
        return digits > 0 && !CharFacts.IsIdentifierPart(At(start + digits)) ? digits : -1;
    }

    private int ScanRawGuid(int start)
    {
        if (start + 35 >= _text.Length || _text[start + 8] != '-') return -1;
        var pos = start;
        for (var g = 0; g < s_guidGroups.Length; g++)
        {
            for (var i = 0; i < s_guidGroups[g]; i++, pos++)
                if (!CharFacts.IsHexDigit(_text[pos])) return -1;
            if (g < s_guidGroups.Length - 1)
            {
                if (_text[pos] != '-') return -1;
                pos++;
            }
        }

        return 36;
    }

    /// <summary>
    /// Scans a string literal at <paramref name="start"/>: optional h (obfuscated) and @ (verbatim)
    /// prefixes, then '...', "..." or a ```/~~~ multi-line string. An unterminated single-line
    /// string ends at the line break (or at an invalid escape) and reports the missing quote.
    /// </summary>
    private bool TryScanString(int start, out LexicalProblem problem)
    {
        problem = LexicalProblem.None;
        var pos = start;
        if (At(pos) is 'h' or 'H') pos++;
        var verbatim = false;
        if (At(pos) == '@')
        {
            verbatim = true;
            pos++;
        }

        var quote = At(pos);
        if (quote is '\'' or '"')
        {
            pos = ScanQuotedContent(pos + 1, quote, verbatim);
            if (At(pos) == quote) pos++;
            else problem = quote == '\'' ? LexicalProblem.UnterminatedSingleQuote : LexicalProblem.UnterminatedDoubleQuote;
        }
        else if (IsMultiLineQuote(pos, out var fence))
        {
            pos += 3;
            var close = _text.IndexOf(fence, pos, StringComparison.Ordinal);
            if (close >= 0) pos = close + 3;
            else
            {
                pos = _text.Length;
                problem = LexicalProblem.UnterminatedMultiLineString;
            }
        }
        else
        {
            return false;
        }

        _pos = pos;
        return true;
    }

    private bool IsMultiLineQuote(int pos, out string fence)
    {
        fence = At(pos) == '`' ? "```" : "~~~";
        return _text.AsSpan(pos).StartsWith(fence);
    }

    private int ScanQuotedContent(int pos, char quote, bool verbatim)
    {
        while (pos < _text.Length)
        {
            var c = _text[pos];
            if (c == quote && verbatim && At(pos + 1) == quote)
            {
                pos += 2;
            }
            else if (c == '\\' && !verbatim)
            {
                var escape = ScanEscape(pos);
                if (escape <= 0) break;
                pos += escape;
            }
            else if (c == quote || CharFacts.IsLineBreak(c))
            {
                break;
            }
            else
            {
                pos++;
            }
        }

        return pos;
    }

    private int ScanEscape(int pos)
    {
        var c = At(pos + 1);
        switch (c)
        {
            case '\\' or '\'' or '"' or 'a' or 'b' or 'f' or 'n' or 'r' or 't' or 'v':
                return 2;
            case 'u':
                return HexRun(pos + 2, 4) ? 6 : -1;
            case 'U':
                return HexRun(pos + 2, 8) ? 10 : -1;
            case 'x':
                return HexRun(pos + 2, 2) ? 4 : -1;
            default:
                return OctalLength(pos + 1) is var octal and > 0 ? octal + 1 : -1;
        }
    }

    private bool HexRun(int start, int count)
    {
        if (start + count > _text.Length) return false;
        for (var i = 0; i < count; i++)
            if (!CharFacts.IsHexDigit(_text[start + i])) return false;
        return true;
    }

    private int OctalLength(int start)
    {
        static bool IsOctal(char c) => c is >= '0' and <= '7';
        if (!IsOctal(At(start))) return -1;
        if (!IsOctal(At(start + 1))) return 1;
        return IsOctal(At(start + 2)) && At(start) <= '3' ? 3 : 2;
    }
}
