using System.Runtime.CompilerServices;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;

namespace SentinelContent.Kql.Syntax;

/// <summary>
/// Hand-written recursive-descent parser for KQL queries. The grammar and its error recovery follow
/// the official parser so that both agree on which queries are valid: a missing token or operand is
/// inserted as a missing token (one diagnostic, parsing continues), and text that cannot continue
/// the query is kept as skipped tokens, so the tree always reproduces the input exactly.
/// This file holds the token cursor, node building, lists and the depth guard; the grammar is split
/// across Parser.*.cs by area.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Deeper nesting than this is reported instead of parsed, so recursion stays bounded.</summary>
    public const int MaxDepth = 256;

    private readonly string _text;
    private readonly LexicalToken[] _tokens; // may be longer than the token count (a pooled buffer)
    private readonly int _count;
    private readonly List<KqlDiagnostic> _diagnostics;
    private int _pos;
    private int _depth;
    private bool _depthReported;

    // Once nesting is too deep, the parser sees end-of-text from this token on, so every open
    // construct unwinds at once; the rest of the text is then kept as skipped tokens.
    private int _stopAt = int.MaxValue;

    // Delegates for the hottest grammar functions, made once per parse instead of per use.
    private readonly Func<bool> _isCommonListEnd;
    private readonly Func<SyntaxNode?> _parseLogicalOr;
    private readonly Func<SyntaxElement?> _parseNamedExpression;
    private readonly Func<SyntaxElement?> _parseUnnamedExpression;
    private readonly Func<SyntaxElement?> _parseArgument;
    private readonly Func<SyntaxElement?> _parseParameter;
    private readonly Func<SyntaxElement> _missingExpression;

    private Parser(string text, LexicalToken[] tokens, int count, List<KqlDiagnostic> diagnostics)
    {
        _text = text;
        _tokens = tokens;
        _count = count;
        _diagnostics = diagnostics;
        _isCommonListEnd = () => IsCommonListEnd();
        _parseLogicalOr = ParseLogicalOrExpression;
        _parseNamedExpression = ParseNamedExpression;
        _parseUnnamedExpression = ParseUnnamedExpression;
        _parseArgument = ParseArgument;
        _parseParameter = ParseParameter;
        _missingExpression = MissingExpression;
    }

    /// <summary>Parses <paramref name="count"/> tokens (the last is end-of-text) into a QueryBlock node.</summary>
    public static SyntaxNode ParseQuery(string text, LexicalToken[] tokens, int count, List<KqlDiagnostic> diagnostics) =>
        new Parser(text, tokens, count, diagnostics).ParseQueryBlock();

    #region Token cursor

    private LexicalToken Peek(int offset = 0)
    {
        var index = _pos + offset;
        return index < _count && index < _stopAt ? _tokens[index] : _tokens[_count - 1];
    }

    private SyntaxKind PeekKind(int offset = 0) => Peek(offset).Kind;

    private bool PeekTextEquals(int offset, string text)
    {
        var token = Peek(offset);
        return token.Length == text.Length && _text.AsSpan(token.Start, token.Length).SequenceEqual(text);
    }

    private ReadOnlySpan<char> PeekText(int offset = 0)
    {
        var token = Peek(offset);
        return _text.AsSpan(token.Start, token.Length);
    }

    /// <summary>True when the token at offset follows the previous one with no trivia in between.</summary>
    private bool IsAdjacentToPrevious(int offset) => offset + _pos > 0 && Peek(offset).Start == Peek(offset - 1).End;

    private bool AtEnd => PeekKind() == SyntaxKind.EndOfTextToken;

    private SyntaxToken TakeToken()
    {
        var lexical = Peek();
        if (lexical.Kind != SyntaxKind.EndOfTextToken) _pos++;
        return ToSyntaxToken(lexical, lexical.Kind);
    }

    private SyntaxToken ToSyntaxToken(LexicalToken lexical, SyntaxKind kind) =>
        new(kind, _text, lexical.FullStart, lexical.Start, lexical.End, lexical.FullEnd);

    private SyntaxToken? TryTake(SyntaxKind kind) => PeekKind() == kind ? TakeToken() : null;

    private SyntaxToken? TryTake(SyntaxKind first, SyntaxKind second)
    {
        var kind = PeekKind();
        return kind == first || kind == second ? TakeToken() : null;
    }

    private SyntaxToken TakeRequired(SyntaxKind kind) => TryTake(kind) ?? MissingToken(kind);

    /// <summary>Where inserted (missing) elements sit: right after the previous token's text.</summary>
    private int MissingPosition => _pos > 0 ? _tokens[_pos - 1].End : 0;

    /// <summary>An inserted token with an "Expected ..." diagnostic.</summary>
    private SyntaxToken MissingToken(SyntaxKind kind)
    {
        Report(KqlSyntaxDiagnostics.ExpectedToken, new TextSpan(MissingPosition, 0), Describe(kind));
        return SilentMissingToken(kind);
    }

    private SyntaxToken MissingToken(SyntaxKind kind, string expectedDescription)
    {
        Report(KqlSyntaxDiagnostics.ExpectedToken, new TextSpan(MissingPosition, 0), expectedDescription);
        return SilentMissingToken(kind);
    }

    /// <summary>An inserted token whose enclosing missing node carries the diagnostic.</summary>
    private SyntaxToken SilentMissingToken(SyntaxKind kind) => SyntaxToken.Missing(kind, _text, Peek().FullStart);

    private static string Describe(SyntaxKind kind) => kind switch
    {
        SyntaxKind.CommaToken => "','",
        SyntaxKind.SemicolonToken => "';'",
        SyntaxKind.OpenParenToken => "'('",
        SyntaxKind.CloseParenToken => "')'",
        SyntaxKind.OpenBracketToken => "'['",
        SyntaxKind.CloseBracketToken => "']'",
        SyntaxKind.OpenBraceToken => "'{'",
        SyntaxKind.CloseBraceToken => "'}'",
        SyntaxKind.EqualToken => "'='",
        SyntaxKind.ColonToken => "':'",
        SyntaxKind.DotDotToken => "'..'",
        SyntaxKind.IdentifierToken => "a name",
        _ when KeywordTable.IsKeyword(kind) => $"'{KeywordTable.GetText(kind)}'",
        _ => kind.ToString(),
    };

    #endregion

    #region Diagnostics and nodes

    private void Report(DiagnosticDescriptor descriptor, TextSpan span, params object?[] args)
    {
        // After a too-deep nesting the unwinding inserts missing tokens everywhere: one report is enough.
        if (_stopAt != int.MaxValue) return;
        _diagnostics.Add(KqlDiagnostic.Create(descriptor, span, args));
    }

    private void ReportAtMissingPosition(DiagnosticDescriptor descriptor, params object?[] args) =>
        Report(descriptor, new TextSpan(MissingPosition, 0), args);

    private SyntaxNode Node(SyntaxKind kind, SyntaxElement? a) => NodeOf(kind, [a]);

    private SyntaxNode Node(SyntaxKind kind, SyntaxElement? a, SyntaxElement? b) => NodeOf(kind, [a, b]);

    private SyntaxNode Node(SyntaxKind kind, SyntaxElement? a, SyntaxElement? b, SyntaxElement? c) => NodeOf(kind, [a, b, c]);

    private SyntaxNode Node(SyntaxKind kind, params SyntaxElement?[] children) => NodeOf(kind, children);

    /// <summary>Builds a node from the parts that are present; absent optional parts are left out.</summary>
    private SyntaxNode NodeOf(SyntaxKind kind, ReadOnlySpan<SyntaxElement?> parts)
    {
        var count = 0;
        foreach (var part in parts)
            if (part is not null) count++;

        var children = new SyntaxElement[count];
        var i = 0;
        foreach (var part in parts)
            if (part is not null) children[i++] = part;

        return SyntaxNode.Create(kind, children, Peek().FullStart);
    }

    private SyntaxNode ListNode(List<SyntaxElement> items)
    {
        var node = new SyntaxNode(SyntaxKind.List, [.. items], Peek().FullStart);
        ReturnBuilder(items);
        return node;
    }

    // Lists are built in reused buffers: one per nesting level in use, so a parse allocates only the final arrays.
    private readonly Stack<List<SyntaxElement>> _builders = new();

    private List<SyntaxElement> RentBuilder() => _builders.Count > 0 ? _builders.Pop() : new List<SyntaxElement>(8);

    private void ReturnBuilder(List<SyntaxElement> builder)
    {
        builder.Clear();
        _builders.Push(builder);
    }

    /// <summary>A missing expression: an empty name reference with a "Missing expression" diagnostic.</summary>
    private SyntaxNode MissingExpression()
    {
        ReportAtMissingPosition(KqlSyntaxDiagnostics.MissingExpression);
        return Node(SyntaxKind.NameReference, SilentMissingToken(SyntaxKind.IdentifierToken));
    }

    private SyntaxNode MissingName()
    {
        ReportAtMissingPosition(KqlSyntaxDiagnostics.MissingName);
        return Node(SyntaxKind.NameDeclaration, SilentMissingToken(SyntaxKind.IdentifierToken));
    }

    private SyntaxNode MissingNameReference()
    {
        ReportAtMissingPosition(KqlSyntaxDiagnostics.MissingName);
        return Node(SyntaxKind.NameReference, SilentMissingToken(SyntaxKind.IdentifierToken));
    }

    private SyntaxNode MissingValue(string what, SyntaxKind literalKind = SyntaxKind.NameReference)
    {
        ReportAtMissingPosition(KqlSyntaxDiagnostics.MissingValue, what);
        return Node(literalKind, SilentMissingToken(SyntaxKind.IdentifierToken));
    }

    #endregion

    #region Lists

    /// <summary>
    /// A comma-separated list, recovering like the official parser: with an end test, an element
    /// that follows another without a comma gets a missing comma; a trailing comma gets a missing
    /// element unless trailing commas are allowed.
    /// </summary>
    private SyntaxNode CommaList(
        Func<SyntaxElement?> parseElement,
        Func<SyntaxElement>? createMissing = null,
        Func<bool>? isEnd = null,
        bool oneOrMore = false,
        bool allowTrailingComma = false)
    {
        var items = RentBuilder();
        var element = isEnd is null || !isEnd() ? parseElement() : null;
        if (element is null && PeekKind() == SyntaxKind.CommaToken && createMissing is not null)
            element = createMissing();

        while (element is not null)
        {
            var kind = PeekKind();
            if (kind == SyntaxKind.EndOfTextToken || (isEnd is not null && isEnd()))
            {
                items.Add(element);
                break;
            }

            if (kind == SyntaxKind.CommaToken)
            {
                items.Add(element);
                items.Add(TakeToken());
                if (createMissing is not null)
                {
                    element = isEnd is null || !isEnd() ? parseElement() : null;
                    if (element is not null) continue;
                    if (!allowTrailingComma) items.Add(createMissing());
                }

                break;
            }

            if (isEnd is not null)
            {
                // The missing comma belongs between the two elements: note where before parsing the next.
                var commaPosition = MissingPosition;
                var commaFullStart = Peek().FullStart;
                var diagnosticIndex = _diagnostics.Count;
                var next = parseElement();
                items.Add(element);
                if (next is not null)
                {
                    if (!StoppedByDepth)
                        _diagnostics.Insert(diagnosticIndex, KqlDiagnostic.Create(KqlSyntaxDiagnostics.ExpectedToken, new TextSpan(commaPosition, 0), Describe(SyntaxKind.CommaToken)));
                    items.Add(SyntaxToken.Missing(SyntaxKind.CommaToken, _text, commaFullStart));
                }

                element = next;
                continue;
            }

            items.Add(element);
            break;
        }

        if (oneOrMore && items.Count == 0 && createMissing is not null) items.Add(createMissing());
        return ListNode(items);
    }

    /// <summary>A list without separators: elements are parsed until one is absent or the end test holds.</summary>
    private SyntaxNode PlainList(Func<SyntaxElement?> parseElement, Func<SyntaxElement>? createMissing = null, Func<bool>? isEnd = null, bool oneOrMore = false)
    {
        var items = RentBuilder();
        while (isEnd is null || !isEnd())
        {
            var start = _pos;
            var element = parseElement();
            if (element is null) break;
            items.Add(element);
            if (_pos == start && element.FullSpan.Length == 0) break; // no progress: stop rather than loop
        }

        if (oneOrMore && items.Count == 0 && createMissing is not null) items.Add(createMissing());
        return ListNode(items);
    }

    private bool IsCommonListEnd(int offset = 0) => PeekKind(offset) switch
    {
        SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken or SyntaxKind.CloseBraceToken or
        SyntaxKind.BarToken or SyntaxKind.SemicolonToken or SyntaxKind.EndOfTextToken => true,
        _ => false,
    };

    private bool IsCommonListEndOr(SyntaxKind kind) => PeekKind() == kind || IsCommonListEnd();

    private bool IsCommonListEndOr(SyntaxKind a, SyntaxKind b, SyntaxKind c = SyntaxKind.None)
    {
        var kind = PeekKind();
        return kind == a || kind == b || (c != SyntaxKind.None && kind == c) || IsCommonListEnd();
    }

    #endregion

    #region Depth guard

    /// <summary>
    /// Runs a recursive parse step one level deeper. Past <see cref="MaxDepth"/> levels (or when the
    /// thread's stack runs low) it reports once and returns null, so the caller recovers as if the
    /// element were absent and the rest of the text ends up as skipped tokens.
    /// </summary>
    private SyntaxNode? Deeper(Func<SyntaxNode?> parse)
    {
        if (_depth >= MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            if (!_depthReported)
            {
                _depthReported = true;
                Report(KqlSyntaxDiagnostics.NestingTooDeep, new TextSpan(Peek().Start, Peek().Length), MaxDepth);
                _stopAt = _pos;
            }

            return null;
        }

        _depth++;
        try
        {
            return parse();
        }
        finally
        {
            _depth--;
        }
    }

    #endregion

    /// <summary>Lifts the end-of-text barrier set by the depth guard, so the remaining tokens can be kept as skipped text.</summary>
    private void ResumeAfterDepthStop() => _stopAt = int.MaxValue;

    private bool StoppedByDepth => _stopAt != int.MaxValue;

    #region Reset points

    private readonly record struct ResetPoint(int Position, int DiagnosticCount);

    private ResetPoint GetResetPoint() => new(_pos, _diagnostics.Count);

    private void Reset(ResetPoint point)
    {
        _pos = point.Position;
        _diagnostics.RemoveRange(point.DiagnosticCount, _diagnostics.Count - point.DiagnosticCount);
    }

    #endregion
}
