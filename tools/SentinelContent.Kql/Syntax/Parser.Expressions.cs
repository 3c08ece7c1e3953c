
namespace SentinelContent.Kql.Syntax;

// Scalar (and tabular) expressions by precedence, lowest first:
//   or < and < equality/in/has_any/between (one per level) < relational (one per level)
//   < additive < multiplicative < string operators (has, contains, =~, ...) < unary sign < path/call/primary.
internal sealed partial class Parser
{
    private SyntaxNode? ParseUnnamedExpression()
    {
        // Fast path: a name or literal directly followed by punctuation that ends an expression.
        switch (PeekKind(1))
        {
            case SyntaxKind.CommaToken or SyntaxKind.CloseParenToken or SyntaxKind.CloseBraceToken or SyntaxKind.CloseBracketToken or SyntaxKind.BarToken:
                switch (PeekKind())
                {
                    case SyntaxKind.IdentifierToken or SyntaxKind.BooleanLiteralToken or SyntaxKind.LongLiteralToken or
                        SyntaxKind.RealLiteralToken or SyntaxKind.DecimalLiteralToken or SyntaxKind.DateTimeLiteralToken or
                        SyntaxKind.TimespanLiteralToken or SyntaxKind.GuidLiteralToken or SyntaxKind.RawGuidLiteralToken or
                        SyntaxKind.IntLiteralToken:
                        return ParsePrimaryExpression();
                }

                break;
        }

        return Deeper(_parseLogicalOr);
    }

    private SyntaxNode? ParseLogicalOrExpression()
    {
        var expr = ParseLogicalAndExpression();
        while (expr is not null && PeekKind() == SyntaxKind.OrKeyword)
            expr = Node(SyntaxKind.BinaryExpression, expr, TakeToken(), ParseLogicalAndExpression() ?? MissingExpression());
        return expr;
    }

    private SyntaxNode? ParseLogicalAndExpression()
    {
        var expr = ParseEqualityExpression();
        while (expr is not null && PeekKind() == SyntaxKind.AndKeyword)
            expr = Node(SyntaxKind.BinaryExpression, expr, TakeToken(), ParseEqualityExpression() ?? MissingExpression());
        return expr;
    }

    private SyntaxNode? ParseEqualityExpression()
    {
        if (PeekKind() == SyntaxKind.AsteriskToken && PeekKind(1) == SyntaxKind.EqualEqualToken)
        {
            var star = Node(SyntaxKind.StarExpression, TakeToken());
            return Node(SyntaxKind.BinaryExpression, star, TakeToken(), ParseRelationalExpression() ?? MissingExpression());
        }

        var expr = ParseRelationalExpression();
        if (expr is null) return null;

        switch (PeekKind())
        {
            case SyntaxKind.EqualEqualToken or SyntaxKind.BangEqualToken or SyntaxKind.LessThanGreaterThanToken:
                return Node(SyntaxKind.BinaryExpression, expr, TakeToken(), ParseRelationalExpression() ?? MissingExpression());
            case SyntaxKind.InKeyword when PeekKind(1) == SyntaxKind.RangeKeyword:
                return expr; // "in range(...)" belongs to make-series
            case SyntaxKind.InKeyword or SyntaxKind.InCsKeyword or SyntaxKind.NotInKeyword or SyntaxKind.NotInCsKeyword:
                return Node(SyntaxKind.InExpression, expr, TakeToken(), ParseRequiredInList());
            case SyntaxKind.HasAnyKeyword:
                return Node(SyntaxKind.HasAnyExpression, expr, TakeToken(), ParseRequiredInList());
            case SyntaxKind.HasAllKeyword:
                return Node(SyntaxKind.HasAllExpression, expr, TakeToken(), ParseRequiredInList());
            case SyntaxKind.BetweenKeyword or SyntaxKind.NotBetweenKeyword:
                return Node(SyntaxKind.BetweenExpression, expr, TakeToken(), ParseRequiredExpressionCouple());
            default:
                return expr;
        }
    }

    private SyntaxNode ParseRequiredInList()
    {
        var open = TakeRequired(SyntaxKind.OpenParenToken);
        // The first element may be a subquery, x in (T | project y); later elements are scalar values.
        var first = true;
        SyntaxNode? ParseElement()
        {
            var element = first ? ParseExpression() : ParseUnnamedExpression();
            first = false;
            return element;
        }

        var items = CommaList(ParseElement, MissingExpression, _isCommonListEnd, oneOrMore: true);
        var close = TakeRequired(SyntaxKind.CloseParenToken);
        return Node(SyntaxKind.ExpressionList, open, items, close);
    }

    private SyntaxNode ParseRequiredExpressionCouple()
    {
        var open = TakeRequired(SyntaxKind.OpenParenToken);
        var low = ParseUnnamedExpression() ?? MissingExpression();
        var dots = TakeRequired(SyntaxKind.DotDotToken);
        var high = ParseUnnamedExpression() ?? MissingExpression();
        var close = TakeRequired(SyntaxKind.CloseParenToken);
        return Node(SyntaxKind.ExpressionCouple, open, low, dots, high, close);
    }

    private SyntaxNode? ParseRelationalExpression()
    {
        var expr = ParseAdditiveExpression();
        if (expr is not null && PeekKind() is SyntaxKind.LessThanToken or SyntaxKind.LessThanOrEqualToken or SyntaxKind.GreaterThanToken or SyntaxKind.GreaterThanOrEqualToken)
            expr = Node(SyntaxKind.BinaryExpression, expr, TakeToken(), ParseAdditiveExpression() ?? MissingExpression());
        return expr;
    }

    private SyntaxNode? ParseAdditiveExpression()
    {
        var expr = ParseMultiplicativeExpression();
        while (expr is not null && PeekKind() is SyntaxKind.PlusToken or SyntaxKind.MinusToken)
            expr = Node(SyntaxKind.BinaryExpression, expr, TakeToken(), ParseMultiplicativeExpression() ?? MissingExpression());
        return expr;
    }

    private SyntaxNode? ParseMultiplicativeExpression()
    {
        var expr = ParseStringOperation();
        while (expr is not null && PeekKind() is SyntaxKind.AsteriskToken or SyntaxKind.SlashToken or SyntaxKind.PercentToken)
            expr = Node(SyntaxKind.BinaryExpression, expr, TakeToken(), ParseStringOperation() ?? MissingExpression());
        return expr;
    }

    private SyntaxNode? ParseStringOperation()
    {
        if (PeekKind() == SyntaxKind.AsteriskToken && IsStringOperator(PeekKind(1)))
        {
            var star = Node(SyntaxKind.StarExpression, TakeToken());
            return Node(SyntaxKind.BinaryExpression, star, TakeToken(), ParseUnaryExpression() ?? MissingExpression());
        }

        var expr = ParseUnaryExpression();
        while (expr is not null && IsStringOperator(PeekKind()))
        {
            // The search shorthand "column: value" takes no further string operators after it.
            var isSearchColon = PeekKind() == SyntaxKind.ColonToken;
            expr = Node(SyntaxKind.BinaryExpression, expr, TakeToken(), ParseUnaryExpression() ?? MissingExpression());
            if (isSearchColon) break;
        }

        return expr;
    }

    /// <summary>The string comparison operators, which bind tighter than arithmetic (and ':' of search).</summary>
    private static bool IsStringOperator(SyntaxKind kind) => kind switch
    {
        SyntaxKind.EqualTildeToken or SyntaxKind.BangTildeToken or SyntaxKind.ColonToken or
        SyntaxKind.HasKeyword or SyntaxKind.NotHasKeyword or SyntaxKind.HasCsKeyword or SyntaxKind.NotHasCsKeyword or
        SyntaxKind.HasPrefixKeyword or SyntaxKind.NotHasPrefixKeyword or SyntaxKind.HasPrefixCsKeyword or SyntaxKind.NotHasPrefixCsKeyword or
        SyntaxKind.HasSuffixKeyword or SyntaxKind.NotHasSuffixKeyword or SyntaxKind.HasSuffixCsKeyword or SyntaxKind.NotHasSuffixCsKeyword or
        SyntaxKind.LikeKeyword or SyntaxKind.NotLikeKeyword or SyntaxKind.LikeCsKeyword or SyntaxKind.NotLikeCsKeyword or
        SyntaxKind.ContainsKeyword or SyntaxKind.NotContainsKeyword or SyntaxKind.NotBangContainsKeyword or
        SyntaxKind.ContainsCsKeyword or SyntaxKind.Contains_CsKeyword or SyntaxKind.NotContainsCsKeyword or SyntaxKind.NotBangContainsCsKeyword or
        SyntaxKind.StartsWithKeyword or SyntaxKind.NotStartsWithKeyword or SyntaxKind.StartsWithCsKeyword or SyntaxKind.NotStartsWithCsKeyword or
        SyntaxKind.EndsWithKeyword or SyntaxKind.NotEndsWithKeyword or SyntaxKind.EndsWithCsKeyword or SyntaxKind.NotEndsWithCsKeyword or
        SyntaxKind.MatchesRegexKeyword => true,
        _ => false,
    };

    private SyntaxNode? ParseUnaryExpression()
    {
        switch (PeekKind())
        {
            case SyntaxKind.MinusToken:
                var minus = TakeToken();
                return Node(SyntaxKind.UnaryMinusExpression, minus, ParseFunctionCallOrPath() ?? MissingExpression());
            case SyntaxKind.PlusToken:
                var plus = TakeToken();
                return Node(SyntaxKind.UnaryPlusExpression, plus, ParseFunctionCallOrPath() ?? MissingExpression());
            default:
                return ParseFunctionCallOrPath();
        }
    }

    /// <summary>A primary expression followed by any number of .member, .call() and [index] selectors.</summary>
    private SyntaxNode? ParseFunctionCallOrPath()
    {
        if (PeekKind() == SyntaxKind.ToTableKeyword) return ParseToScalarOrTable(SyntaxKind.ToTableExpression);

        var expr = ParsePrimaryExpression();
        while (expr is not null)
        {
            var kind = PeekKind();
            if (kind == SyntaxKind.DotToken)
            {
                var dot = TakeToken();
                var selector = ParsePathElementSelectorOrFunctionCall() ?? MissingNameReference();
                expr = Node(SyntaxKind.PathExpression, expr, dot, selector);
            }
            else if (kind == SyntaxKind.OpenBracketToken)
            {
                expr = Node(SyntaxKind.ElementExpression, expr, ParseBracketedExpression());
            }
            else
            {
                break;
            }
        }

        return expr;
    }

    private SyntaxNode? ParsePrimaryExpression()
    {
        switch (PeekKind())
        {
            case SyntaxKind.LongLiteralToken or SyntaxKind.RealLiteralToken or SyntaxKind.BooleanLiteralToken or
                SyntaxKind.IntLiteralToken or SyntaxKind.DecimalLiteralToken or SyntaxKind.TimespanLiteralToken or
                SyntaxKind.DateTimeLiteralToken or SyntaxKind.GuidLiteralToken or SyntaxKind.RawGuidLiteralToken or
                SyntaxKind.StringLiteralToken or SyntaxKind.DynamicKeyword:
                return ParseLiteral();
            case SyntaxKind.DataTableKeyword:
                return ParseDataTableExpression();
            case SyntaxKind.ExternalDataKeyword or SyntaxKind.External_DataKeyword:
                return ParseExternalDataExpression();
            case SyntaxKind.OpenParenToken:
                return ParseParenthesizedExpression();
            case SyntaxKind.ToScalarKeyword:
                return ParseToScalarOrTable(SyntaxKind.ToScalarExpression);
            default:
                if (IsTypeOfLiteral()) return ParseTypeOfLiteral();
                if (IsFunctionCallStart()) return ParseFunctionCall();
                return ParsePrimaryPathSelector();
        }
    }

    private SyntaxNode? ParsePrimaryPathSelector()
    {
        var selector = PeekKind() == SyntaxKind.OpenBracketToken ? ParseBracketedPathElementSelector() : ParseBarePathElementSelector();
        if (selector is not null && PeekKind() == SyntaxKind.DataScopeKeyword)
        {
            var keyword = TakeToken();
            var equal = TakeRequired(SyntaxKind.EqualToken);
            var value = ParseWord(["hotcache", "all"]) ?? MissingValue("'hotcache' or 'all'");
            return Node(SyntaxKind.DataScopeExpression, selector, Node(SyntaxKind.DataScopeClause, keyword, equal, value));
        }

        return selector;
    }

    private SyntaxNode? ParseBarePathElementSelector()
    {
        var kind = PeekKind();
        if (kind == SyntaxKind.AtToken) return Node(SyntaxKind.AtExpression, TakeToken());
        if (s_specialKeywordsAsIdentifiers.Contains(kind)) return Node(SyntaxKind.NameReference, Node(SyntaxKind.TokenName, TakeToken()));
        return ParseNameReference();
    }

    private SyntaxNode? ParseBracketedPathElementSelector() =>
        ParseBracketedWildcardedNameReference() ?? ParseBracketedNameReference() ?? ParseBracketedExpression();

    private SyntaxNode? ParsePathElementSelectorOrFunctionCall()
    {
        if (IsFunctionCallStart()) return ParseFunctionCall();
        return PeekKind() == SyntaxKind.OpenBracketToken ? ParseBracketedPathElementSelector() : ParseBarePathElementSelector();
    }

    private SyntaxNode? ParseBracketedExpression()
    {
        if (PeekKind() != SyntaxKind.OpenBracketToken) return null;
        var open = TakeToken();
        var expr = ParseUnnamedExpression() ?? MissingNameReference();
        var close = TakeRequired(SyntaxKind.CloseBracketToken);
        return Node(SyntaxKind.BracketedExpression, open, expr, close);
    }

    private SyntaxNode? ParseParenthesizedExpression()
    {
        var open = TakeToken();
        var expr = ParseExpression() ?? MissingExpression();
        var close = TakeRequired(SyntaxKind.CloseParenToken);
        return Node(SyntaxKind.ParenthesizedExpression, open, expr, close);
    }

    private bool IsFunctionCallStart(int offset = 0)
    {
        var length = ScanName(offset);
        return length > 0 && PeekKind(offset + length) == SyntaxKind.OpenParenToken;
    }

    private SyntaxNode? ParseFunctionCall()
    {
        if (!IsFunctionCallStart()) return null;
        var name = ParseNameReference();
        return Node(SyntaxKind.FunctionCallExpression, name, ParseArgumentList());
    }

    /// <summary>A function call where one is required (evaluate, invoke); a bare name gets a missing argument list.</summary>
    private SyntaxNode ParseRequiredFunctionCall()
    {
        if (IsFunctionCallStart()) return ParseFunctionCall()!;
        if (ScanName() > 0)
        {
            var name = ParseNameReference();
            var open = MissingToken(SyntaxKind.OpenParenToken);
            return Node(SyntaxKind.FunctionCallExpression, name, Node(SyntaxKind.ExpressionList, open, SilentMissingToken(SyntaxKind.CloseParenToken)));
        }

        ReportAtMissingPosition(KqlSyntaxDiagnostics.MissingValue, "function call");
        return Node(SyntaxKind.FunctionCallExpression, SilentMissingToken(SyntaxKind.IdentifierToken));
    }

    private SyntaxNode? ParseArgumentList()
    {
        if (PeekKind() != SyntaxKind.OpenParenToken) return null;
        var open = TakeToken();
        var arguments = CommaList(_parseArgument, _missingExpression, _isCommonListEnd);
        var close = TakeRequired(SyntaxKind.CloseParenToken);
        return Node(SyntaxKind.ExpressionList, open, arguments, close);
    }

    private SyntaxElement? ParseArgument()
    {
        if (PeekKind() == SyntaxKind.AsteriskToken && PeekKind(1) is SyntaxKind.CloseParenToken or SyntaxKind.CommaToken)
            return Node(SyntaxKind.StarExpression, TakeToken());
        return ParseNamedExpression();
    }

    /// <summary>name = expr, (a, b) = expr, or a plain expression.</summary>
    private SyntaxNode? ParseNamedExpression()
    {
        // Name-like text such as Synced-Folder or a$b before '=' is a name that needs brackets.
        var compoundLength = ScanNameNeedingBrackets();
        if (compoundLength > 1 && PeekKind(compoundLength) == SyntaxKind.EqualToken)
        {
            var parts = new SyntaxElement[compoundLength];
            for (var i = 0; i < compoundLength; i++) parts[i] = TakeToken();
            var name = NodeOf(SyntaxKind.MultiTokenName, parts);
            Report(KqlSyntaxDiagnostics.NameNeedsBrackets, name.Span, _text.Substring(name.Span.Start, name.Span.Length));
            var equalToken = TakeToken();
            return Node(SyntaxKind.SimpleNamedExpression, Node(SyntaxKind.NameDeclaration, name), equalToken, ParseUnnamedExpression() ?? MissingExpression());
        }

        var nameLength = ScanRenameName();
        if (nameLength > 0 && PeekKind(nameLength) == SyntaxKind.EqualToken)
        {
            var name = ParseRenameNameDeclaration();
            var equal = TakeToken();
            return Node(SyntaxKind.SimpleNamedExpression, name, equal, ParseUnnamedExpression() ?? MissingExpression());
        }

        var listLength = ScanRenameList();
        if (listLength > 0 && PeekKind(listLength) == SyntaxKind.EqualToken)
        {
            var open = TakeToken();
            var names = CommaList(ParseRenameNameDeclaration, MissingName, _isCommonListEnd, oneOrMore: true);
            var close = TakeRequired(SyntaxKind.CloseParenToken);
            var renameList = Node(SyntaxKind.RenameList, open, names, close);
            var equal = TakeRequired(SyntaxKind.EqualToken);
            return Node(SyntaxKind.CompoundNamedExpression, renameList, equal, ParseUnnamedExpression() ?? MissingExpression());
        }

        return ParseUnnamedExpression();
    }

    /// <summary>Token count of adjacent name parts joined by '-' or '$' (a-b, a$b), or 0.</summary>
    private int ScanNameNeedingBrackets()
    {
        if (PeekKind() != SyntaxKind.IdentifierToken && !IsExtendedKeywordAsIdentifier()) return 0;
        var offset = 1;
        while (IsAdjacentToPrevious(offset))
        {
            if (PeekKind(offset) == SyntaxKind.MinusToken && IsAdjacentToPrevious(offset + 1)
                && (PeekKind(offset + 1) == SyntaxKind.IdentifierToken || IsExtendedKeywordAsIdentifier(offset + 1)))
                offset += 2;
            else if (PeekKind(offset) == SyntaxKind.IdentifierToken && PeekText(offset)[0] == '$')
                offset += 1;
            else
                break;
        }

        return offset;
    }

    private int ScanRenameList()
    {
        if (PeekKind() != SyntaxKind.OpenParenToken) return -1;
        var offset = 1;
        while (!IsCommonListEnd(offset))
        {
            var length = ScanRenameName(offset);
            if (length <= 0) return -1;
            offset += length;
            if (PeekKind(offset) != SyntaxKind.CommaToken) break;
            offset++;
        }

        return PeekKind(offset) == SyntaxKind.CloseParenToken ? offset + 1 : -1;
    }

    private SyntaxNode? ParseToScalarOrTable(SyntaxKind kind)
    {
        var keyword = TakeToken();
        var kindParameter = ParseNamedParameter(OperatorParameters.ToScalarKind);
        var open = TakeRequired(SyntaxKind.OpenParenToken);
        var expr = ParseExpression() ?? MissingExpression();
        var close = TakeRequired(SyntaxKind.CloseParenToken);
        return Node(kind, keyword, kindParameter, open, expr, close);
    }

    private SyntaxNode ParseDataTableExpression()
    {
        var keyword = TakeToken();
        var parameters = ParseParameterList(OperatorParameters.None);
        var schema = ParseRowSchema() ?? MissingRowSchema();
        var open = TakeRequired(SyntaxKind.OpenBracketToken);
        var leadingComma = TryTake(SyntaxKind.CommaToken);
        var values = CommaList(ParseLiteral, () => MissingValue("value"), _isCommonListEnd, allowTrailingComma: true);
        var close = TakeRequired(SyntaxKind.CloseBracketToken);
        return Node(SyntaxKind.DataTableExpression, keyword, parameters, schema, open, leadingComma, values, close);
    }

    private SyntaxNode ParseExternalDataExpression()
    {
        var keyword = TakeToken();
        var parameters = ParseParameterList(OperatorParameters.None);
        var schema = ParseRowSchema() ?? MissingRowSchema();
        var open = TakeRequired(SyntaxKind.OpenBracketToken);
        var uris = CommaList(ParseLiteral, () => MissingValue("value"), _isCommonListEnd, allowTrailingComma: true);
        var close = TakeRequired(SyntaxKind.CloseBracketToken);
        SyntaxNode? withClause = null;
        if (PeekKind() == SyntaxKind.WithKeyword)
        {
            var with = TakeToken();
            var withOpen = TakeRequired(SyntaxKind.OpenParenToken);
            var properties = CommaList(ParseExternalDataProperty, () => MissingValue("property"), _isCommonListEnd);
            withClause = Node(SyntaxKind.ExternalDataWithClause, with, withOpen, properties, TakeRequired(SyntaxKind.CloseParenToken));
        }

        return Node(SyntaxKind.ExternalDataExpression, keyword, parameters, schema, open, uris, close, withClause);
    }

    private SyntaxNode? ParseExternalDataProperty()
    {
        var name = ParseRenameNameDeclaration();
        if (name is null) return null;
        var equal = TakeRequired(SyntaxKind.EqualToken);
        var value = PeekKind() switch
        {
            SyntaxKind.StringLiteralToken or SyntaxKind.LongLiteralToken or SyntaxKind.RealLiteralToken or
            SyntaxKind.BooleanLiteralToken or SyntaxKind.DateTimeLiteralToken => ParseLiteral(),
            SyntaxKind.RawGuidLiteralToken or SyntaxKind.GuidLiteralToken => Node(SyntaxKind.GuidLiteralExpression, TakeToken()),
            _ => ParseRenameNameDeclaration(),
        };
        return Node(SyntaxKind.NamedParameter, name, equal, value ?? MissingValue("value"));
    }
}
