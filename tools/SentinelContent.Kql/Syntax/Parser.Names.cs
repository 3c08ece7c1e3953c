namespace SentinelContent.Kql.Syntax;

// Names: identifiers, keywords usable as names, ['bracketed'] names, {client} parameters and wildcards.
internal sealed partial class Parser
{
    // Keywords accepted as names where the grammar reads a declared or renamed name (from the official grammar's lists).
    private static readonly HashSet<SyntaxKind> s_extendedKeywordsAsIdentifiers =
    [
        SyntaxKind.AccumulateKeyword, SyntaxKind.AsKeyword, SyntaxKind.ByKeyword, SyntaxKind.ContainsKeyword,
        SyntaxKind.DataTableKeyword, SyntaxKind.EarliestKeyword, SyntaxKind.ExternalDataKeyword, SyntaxKind.FindKeyword,
        SyntaxKind.HasKeyword, SyntaxKind.InKeyword, SyntaxKind.InvokeKeyword, SyntaxKind.LatestKeyword,
        SyntaxKind.MaterializeKeyword, SyntaxKind.MdmKeyword, SyntaxKind.OfKeyword, SyntaxKind.PrintKeyword,
        SyntaxKind.SampleKeyword, SyntaxKind.SampleDistinctKeyword, SyntaxKind.SearchKeyword, SyntaxKind.SetKeyword,
        SyntaxKind.SqlKeyword, SyntaxKind.TitleKeyword, SyntaxKind.ToKeyword, SyntaxKind.ToScalarKeyword,
        SyntaxKind.ToTableKeyword, SyntaxKind.TopNestedKeyword, SyntaxKind.TopHittersKeyword, SyntaxKind.VerboseKeyword,
        SyntaxKind.ViewersKeyword, SyntaxKind.WhereKeyword,
    ];

    // Keywords that stay plain names in a bare path (kind, withsource) so columns of those names work.
    private static readonly HashSet<SyntaxKind> s_specialKeywordsAsIdentifiers =
        [SyntaxKind.KindKeyword, SyntaxKind.WithSourceKeyword, SyntaxKind.With_SourceKeyword];

    private bool IsIdentifierOrKeywordAsIdentifier(int offset = 0)
    {
        var kind = PeekKind(offset);
        return kind == SyntaxKind.IdentifierToken || (KeywordTable.IsKeyword(kind) && KeywordTable.CanBeIdentifier(kind));
    }

    private bool IsExtendedKeywordAsIdentifier(int offset = 0)
    {
        var kind = PeekKind(offset);
        return s_extendedKeywordsAsIdentifiers.Contains(kind) || (KeywordTable.IsKeyword(kind) && KeywordTable.CanBeIdentifier(kind));
    }

    /// <summary>Length in tokens of a name at offset, or -1.</summary>
    private int ScanName(int offset = 0) => PeekKind(offset) switch
    {
        SyntaxKind.IdentifierToken => 1,
        SyntaxKind.OpenBracketToken => ScanBracketedName(offset),
        SyntaxKind.OpenBraceToken => IsIdentifierOrKeywordAsIdentifier(offset + 1) && PeekKind(offset + 2) == SyntaxKind.CloseBraceToken ? 3 : -1,
        _ => IsIdentifierOrKeywordAsIdentifier(offset) ? 1 : -1,
    };

    private int ScanExtendedName(int offset = 0)
    {
        var length = ScanName(offset);
        if (length >= 0) return length;
        return IsExtendedKeywordAsIdentifier(offset) ? 1 : -1;
    }

    private int ScanBracketedName(int offset = 0)
    {
        if (PeekKind(offset) != SyntaxKind.OpenBracketToken) return -1;
        var strings = 0;
        while (PeekKind(offset + 1 + strings) == SyntaxKind.StringLiteralToken) strings++;
        return strings > 0 && PeekKind(offset + 1 + strings) == SyntaxKind.CloseBracketToken ? strings + 2 : -1;
    }

    private bool IsClientParameterName(int offset = 0) =>
        PeekKind(offset) == SyntaxKind.OpenBraceToken
        && IsIdentifierOrKeywordAsIdentifier(offset + 1) && IsAdjacentToPrevious(offset + 1)
        && PeekKind(offset + 2) == SyntaxKind.CloseBraceToken && IsAdjacentToPrevious(offset + 2);

    private SyntaxNode? ParseName() => PeekKind() switch
    {
        SyntaxKind.OpenBracketToken => ParseBracketedName(),
        SyntaxKind.OpenBraceToken => ParseClientParameterName(),
        _ => ParseIdentifierName(),
    };

    private SyntaxNode? ParseExtendedName() => PeekKind() switch
    {
        SyntaxKind.OpenBracketToken => ParseBracketedName(),
        SyntaxKind.OpenBraceToken => ParseClientParameterName(),
        _ => ParseIdentifierName() ?? (IsExtendedKeywordAsIdentifier() ? Node(SyntaxKind.TokenName, TakeToken()) : null),
    };

    private SyntaxNode? ParseIdentifierName() =>
        IsIdentifierOrKeywordAsIdentifier() ? Node(SyntaxKind.TokenName, TakeToken()) : null;

    private SyntaxNode? ParseBracketedName()
    {
        if (ScanBracketedName() <= 0) return null;
        var open = TakeToken();
        var value = ParseStringOrCompoundStringLiteral();
        var close = TakeRequired(SyntaxKind.CloseBracketToken);
        return Node(SyntaxKind.BracketedName, open, value, close);
    }

    private SyntaxNode? ParseClientParameterName() =>
        IsClientParameterName() ? Node(SyntaxKind.BracedName, TakeToken(), TakeToken(), TakeToken()) : null;

    private SyntaxNode? ParseNameReference() => ParseName() is { } name ? Node(SyntaxKind.NameReference, name) : null;

    private SyntaxNode? ParseExtendedNameReference() => ParseExtendedName() is { } name ? Node(SyntaxKind.NameReference, name) : null;

    private SyntaxNode? ParseNameDeclaration() => ParseName() is { } name ? Node(SyntaxKind.NameDeclaration, name) : null;

    private SyntaxNode? ParseExtendedNameDeclaration() => ParseExtendedName() is { } name ? Node(SyntaxKind.NameDeclaration, name) : null;

    /// <summary>Names on the left of '=' in extend/project/summarize: identifiers and extended keywords.</summary>
    private int ScanRenameName(int offset = 0) => PeekKind(offset) switch
    {
        SyntaxKind.IdentifierToken => 1,
        SyntaxKind.OpenBracketToken => ScanBracketedName(offset),
        SyntaxKind.OpenBraceToken => IsIdentifierOrKeywordAsIdentifier(offset + 1) && PeekKind(offset + 2) == SyntaxKind.CloseBraceToken ? 3 : -1,
        _ => IsExtendedKeywordAsIdentifier(offset) ? 1 : -1,
    };

    private SyntaxNode? ParseRenameNameDeclaration() => ParseExtendedNameDeclaration();

    /// <summary>Token count of a wildcarded name such as Col*, *Id or a*b*, whose parts touch without trivia.</summary>
    private int ScanWildcardedName(int offset = 0)
    {
        var start = offset;
        var kind = PeekKind(offset);
        if (kind == SyntaxKind.AsteriskToken)
        {
            offset++;
        }
        else if ((kind == SyntaxKind.IdentifierToken || IsExtendedKeywordAsIdentifier(offset)) && PeekKind(offset + 1) == SyntaxKind.AsteriskToken && IsAdjacentToPrevious(offset + 1))
        {
            offset += 2;
        }
        else
        {
            return -1;
        }

        while (IsAdjacentToPrevious(offset))
        {
            kind = PeekKind(offset);
            if (kind is SyntaxKind.IdentifierToken or SyntaxKind.LongLiteralToken or SyntaxKind.AsteriskToken || IsExtendedKeywordAsIdentifier(offset)) offset++;
            else break;
        }

        return offset - start;
    }

    private SyntaxNode? ParseWildcardedNameReference()
    {
        var length = ScanWildcardedName();
        if (length <= 0) return null;
        var parts = new SyntaxElement[length];
        for (var i = 0; i < length; i++) parts[i] = TakeToken();
        return Node(SyntaxKind.NameReference, NodeOf(SyntaxKind.WildcardedName, parts));
    }

    private SyntaxNode? ParseBracketedWildcardedNameReference()
    {
        if (PeekKind() != SyntaxKind.OpenBracketToken || ScanWildcardedName(1) <= 0) return null;
        var open = TakeToken();
        var length = ScanWildcardedName();
        var parts = new SyntaxElement[length];
        for (var i = 0; i < length; i++) parts[i] = TakeToken();
        var close = TakeRequired(SyntaxKind.CloseBracketToken);
        return Node(SyntaxKind.NameReference, Node(SyntaxKind.BracketedWildcardedName, open, NodeOf(SyntaxKind.WildcardedName, parts), close));
    }

    private SyntaxNode? ParseBracketedNameReference() => ParseBracketedName() is { } name ? Node(SyntaxKind.NameReference, name) : null;

    /// <summary>
    /// Matches text that the lexer splits into several adjacent tokens (hint.pass_filters, 3Dchart-like
    /// names): returns the token count, or -1.
    /// </summary>
    private int ScanText(string text, int offset = 0)
    {
        var matched = 0;
        var count = 0;
        while (matched < text.Length)
        {
            var token = Peek(offset + count);
            if (token.Kind == SyntaxKind.EndOfTextToken || token.Length == 0) return -1;
            if (count > 0 && !IsAdjacentToPrevious(offset + count)) return -1;
            var part = _text.AsSpan(token.Start, token.Length);
            if (!text.AsSpan(matched).StartsWith(part, StringComparison.Ordinal)) return -1;
            matched += part.Length;
            count++;
        }

        return count;
    }

    /// <summary>Takes the adjacent tokens spelling <paramref name="text"/> as one name node, or returns null.</summary>
    private SyntaxNode? ParseText(string text)
    {
        var count = ScanText(text);
        if (count <= 0) return null;
        if (count == 1) return Node(SyntaxKind.TokenName, TakeToken());
        var parts = new SyntaxElement[count];
        for (var i = 0; i < count; i++) parts[i] = TakeToken();
        return NodeOf(SyntaxKind.MultiTokenName, parts);
    }
}
