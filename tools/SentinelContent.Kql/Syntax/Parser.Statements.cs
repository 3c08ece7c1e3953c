using SentinelContent.Core.Text;

namespace SentinelContent.Kql.Syntax;

// The query block: statements separated by ';' (let, set, declare query_parameters, alias,
// restrict, pattern, and the query expression), then any text that cannot continue it.
internal sealed partial class Parser
{
    private SyntaxNode ParseQueryBlock()
    {
        var statements = ParseStatementList();

        // After a too-deep nesting the rest is kept as text; the depth diagnostic already covers it.
        var stoppedByDepth = StoppedByDepth;
        if (stoppedByDepth) ResumeAfterDepthStop();

        SyntaxNode? skipped = null;
        if (!AtEnd)
        {
            var tokens = new List<SyntaxElement>();
            var first = Peek();

            // A bad character already has its own diagnostic; reporting it again as unexpected text adds nothing.
            if (!stoppedByDepth && first.Problem != LexicalProblem.UnexpectedCharacter)
                Report(KqlSyntaxDiagnostics.UnexpectedText, new TextSpan(first.Start, first.Length));
            while (!AtEnd) tokens.Add(TakeToken());
            skipped = NodeOf(SyntaxKind.SkippedTokens, tokens.ToArray());
        }

        return Node(SyntaxKind.QueryBlock, statements, skipped, TakeToken());
    }

    private SyntaxNode ParseStatementList()
    {
        var items = new List<SyntaxElement>();
        TakeDirectives(items);
        var statement = ParseStatement();
        while (statement is not null)
        {
            items.Add(statement);
            var semicolon = TryTake(SyntaxKind.SemicolonToken);
            if (semicolon is not null)
            {
                items.Add(semicolon);
                statement = ParseStatement();
                continue;
            }

            // Two statements without ';' between them: insert the separator and go on.
            var reset = GetResetPoint();
            var next = ParseStatement();
            if (next is not null)
            {
                var missingPosition = _tokens[reset.Position - 1].End;
                var missing = SyntaxToken.Missing(SyntaxKind.SemicolonToken, _text, _tokens[reset.Position].FullStart);
                _diagnostics.Insert(reset.DiagnosticCount, KqlDiagnostic.Create(KqlSyntaxDiagnostics.ExpectedToken, new TextSpan(missingPosition, 0), "';'"));
                items.Add(missing);
            }

            statement = next;
        }

        return NodeOf(SyntaxKind.StatementList, items.ToArray());
    }

    /// <summary>Client directive lines (#connect ...) before the query belong to the client, not the query.</summary>
    private void TakeDirectives(List<SyntaxElement> items)
    {
        while (PeekKind() == SyntaxKind.DirectiveToken) items.Add(TakeToken());
    }

    private SyntaxNode? ParseStatement()
    {
        switch (PeekKind())
        {
            case SyntaxKind.AliasKeyword when PeekKind(1) == SyntaxKind.DatabaseKeyword:
                return ParseAlias();
            case SyntaxKind.LetKeyword when ScanName(1) > 0: // without a name after it, 'let' is a plain name
                return ParseLet();
            case SyntaxKind.SetKeyword:
                return ParseSet();
            case SyntaxKind.DeclareKeyword:
                return PeekKind(1) == SyntaxKind.PatternKeyword ? ParsePattern() : ParseQueryParameters();
            case SyntaxKind.RestrictKeyword:
                return ParseRestrict();
            default:
                var expr = ParseExpression();
                return expr is null ? null : Node(SyntaxKind.ExpressionStatement, expr);
        }
    }

    /// <summary>A tabular or scalar expression, possibly with '|' operators.</summary>
    private SyntaxNode? ParseExpression() => ParsePipeExpression();

    private SyntaxNode? ParsePipeExpression()
    {
        var expr = ParseQueryOperator() ?? ParseUnnamedExpression();
        while (expr is not null && PeekKind() == SyntaxKind.BarToken)
        {
            var bar = TakeToken();
            var op = ParseQueryOperator() ?? ParseBadQueryOperator() ?? MissingQueryOperator();
            expr = Node(SyntaxKind.PipeExpression, expr, bar, op);
        }

        return expr;
    }

    private SyntaxNode? ParseBadQueryOperator()
    {
        if (PeekKind() != SyntaxKind.IdentifierToken) return null;
        var name = TakeToken();
        Report(KqlSyntaxDiagnostics.QueryOperatorExpected, name.Span);
        return Node(SyntaxKind.BadQueryOperator, name);
    }

    private SyntaxNode ParseAlias()
    {
        var keyword = TakeToken();
        var database = TakeRequired(SyntaxKind.DatabaseKeyword);
        var name = ParseNameDeclaration() ?? MissingName();
        var equal = TakeRequired(SyntaxKind.EqualToken);
        return Node(SyntaxKind.AliasStatement, keyword, database, name, equal, ParseUnnamedExpression() ?? MissingExpression());
    }

    private SyntaxNode ParseLet()
    {
        var keyword = TakeToken();
        var name = ParseNameDeclaration() ?? MissingName();
        var equal = TakeRequired(SyntaxKind.EqualToken);
        SyntaxNode value;
        if (PeekKind() == SyntaxKind.MaterializeKeyword)
        {
            var materialize = TakeToken();
            var open = TakeRequired(SyntaxKind.OpenParenToken);
            var expr = ParsePipeExpression() ?? MissingExpression();
            value = Node(SyntaxKind.MaterializeExpression, materialize, open, expr, TakeRequired(SyntaxKind.CloseParenToken));
        }
        else if (PeekKind() == SyntaxKind.EntityGroupKeyword)
        {
            var entityGroup = TakeToken();
            var open = TakeRequired(SyntaxKind.OpenBracketToken);
            var items = CommaList(_parseUnnamedExpression, _missingExpression, _isCommonListEnd, oneOrMore: true);
            value = Node(SyntaxKind.EntityGroup, entityGroup, open, items, TakeRequired(SyntaxKind.CloseBracketToken));
        }
        else if (IsFunctionDeclarationStart())
        {
            value = ParseFunctionDeclaration();
        }
        else
        {
            value = ParseExpression() ?? MissingExpression();
        }

        return Node(SyntaxKind.LetStatement, keyword, name, equal, value);
    }

    /// <summary>view (...) {...}, () {...}, (*) {...} or (name: type ...) {...}.</summary>
    private bool IsFunctionDeclarationStart()
    {
        switch (PeekKind())
        {
            case SyntaxKind.ViewKeyword:
                return PeekKind(1) == SyntaxKind.OpenParenToken; // else 'view' is a plain name
            case SyntaxKind.OpenParenToken:
                if (PeekKind(1) is SyntaxKind.CloseParenToken or SyntaxKind.AsteriskToken) return true;
                var nameLength = ScanExtendedName(1);
                return nameLength > 0 && PeekKind(1 + nameLength) == SyntaxKind.ColonToken;
            default:
                return false;
        }
    }

    private SyntaxNode ParseFunctionDeclaration()
    {
        var view = TryTake(SyntaxKind.ViewKeyword);
        SyntaxNode parameters;
        if (PeekKind() == SyntaxKind.OpenParenToken)
        {
            var open = TakeToken();
            var list = CommaList(ParseFunctionParameter, MissingFunctionParameter, _isCommonListEnd);
            parameters = Node(SyntaxKind.FunctionParameters, open, list, TakeRequired(SyntaxKind.CloseParenToken));
        }
        else
        {
            var open = MissingToken(SyntaxKind.OpenParenToken);
            parameters = Node(SyntaxKind.FunctionParameters, open, SilentMissingToken(SyntaxKind.CloseParenToken));
        }

        SyntaxNode body;
        if (PeekKind() == SyntaxKind.OpenBraceToken)
        {
            body = Deeper(ParseFunctionBody) ?? Node(SyntaxKind.FunctionBody, SilentMissingToken(SyntaxKind.OpenBraceToken));
        }
        else
        {
            var open = MissingToken(SyntaxKind.OpenBraceToken);
            body = Node(SyntaxKind.FunctionBody, open, SilentMissingToken(SyntaxKind.CloseBraceToken));
        }

        return Node(SyntaxKind.FunctionDeclaration, view, parameters, body);
    }

    private SyntaxNode? ParseFunctionBody()
    {
        var open = TakeToken();
        var statements = PlainList(ParseFunctionBodyStatement, isEnd: _isCommonListEnd);
        var expr = ParseExpression();
        var semicolon = TryTake(SyntaxKind.SemicolonToken);
        var close = TakeRequired(SyntaxKind.CloseBraceToken);
        return Node(SyntaxKind.FunctionBody, open, statements, expr, semicolon, close);
    }

    private SyntaxElement? ParseFunctionBodyStatement()
    {
        SyntaxNode? statement = PeekKind() switch
        {
            SyntaxKind.LetKeyword when ScanName(1) > 0 => ParseLet(),
            SyntaxKind.DeclareKeyword when PeekKind(1) == SyntaxKind.QueryParametersKeyword => ParseQueryParameters(),
            _ => null,
        };
        return statement is null ? null : Node(SyntaxKind.List, statement, TakeRequired(SyntaxKind.SemicolonToken));
    }

    private SyntaxNode? ParseFunctionParameter()
    {
        var declaration = ParseNameAndTypeDeclaration();
        if (declaration is null) return null;
        SyntaxNode? defaultValue = null;
        if (PeekKind() == SyntaxKind.EqualToken)
        {
            var equal = TakeToken();
            var value = ParseLiteral()
                ?? (IsIdentifierOrKeywordAsIdentifier() ? Node(SyntaxKind.TokenLiteralExpression, TakeToken()) : null)
                ?? MissingExpression();
            defaultValue = Node(SyntaxKind.DefaultValueDeclaration, equal, value);
        }

        return Node(SyntaxKind.FunctionParameter, declaration, defaultValue);
    }

    private SyntaxNode MissingFunctionParameter()
    {
        ReportAtMissingPosition(KqlSyntaxDiagnostics.MissingValue, "parameter");
        return Node(SyntaxKind.FunctionParameter, SilentMissingToken(SyntaxKind.IdentifierToken));
    }

    private SyntaxNode ParseSet()
    {
        var keyword = TakeToken();
        var name = ParseNameDeclaration() ?? MissingName();
        SyntaxNode? value = null;
        if (PeekKind() == SyntaxKind.EqualToken)
        {
            var equal = TakeToken();
            value = Node(SyntaxKind.OptionValueClause, equal, ParseUnnamedExpression() ?? MissingExpression());
        }

        return Node(SyntaxKind.SetOptionStatement, keyword, name, value);
    }

    private SyntaxNode ParseQueryParameters()
    {
        var keyword = TakeToken();
        var parametersKeyword = TakeRequired(SyntaxKind.QueryParametersKeyword);
        var open = TakeRequired(SyntaxKind.OpenParenToken);
        var list = CommaList(ParseFunctionParameter, MissingFunctionParameter, _isCommonListEnd, oneOrMore: true);
        return Node(SyntaxKind.QueryParametersStatement, keyword, parametersKeyword, open, list, TakeRequired(SyntaxKind.CloseParenToken));
    }

    private SyntaxNode ParseRestrict()
    {
        var keyword = TakeToken();
        var access = TakeRequired(SyntaxKind.AccessKeyword);
        var to = TakeRequired(SyntaxKind.ToKeyword);
        var open = TakeRequired(SyntaxKind.OpenParenToken);
        var list = CommaList(() => ParseWildcardedEntityExpression() ?? ParseNameReference(), MissingExpression, _isCommonListEnd, oneOrMore: true);
        return Node(SyntaxKind.RestrictStatement, keyword, access, to, open, list, TakeRequired(SyntaxKind.CloseParenToken));
    }

    private SyntaxNode ParsePattern()
    {
        var declare = TakeToken();
        var pattern = TakeToken();
        var name = ParseNameDeclaration() ?? MissingName();
        SyntaxNode? declaration = null;
        if (PeekKind() == SyntaxKind.EqualToken)
        {
            var equal = TakeToken();
            var open = TakeRequired(SyntaxKind.OpenParenToken);
            var parameters = CommaList(ParseNameAndTypeDeclaration, MissingNameAndType, _isCommonListEnd);
            var close = TakeRequired(SyntaxKind.CloseParenToken);
            SyntaxNode? pathParameter = null;
            if (PeekKind() == SyntaxKind.OpenBracketToken)
            {
                var pathOpen = TakeToken();
                var pathName = ParseNameAndTypeDeclaration() ?? MissingNameAndType();
                pathParameter = Node(SyntaxKind.PatternPathParameter, pathOpen, pathName, TakeRequired(SyntaxKind.CloseBracketToken));
            }

            var braceOpen = TakeRequired(SyntaxKind.OpenBraceToken);
            var matches = PlainList(ParsePatternMatch, isEnd: _isCommonListEnd, oneOrMore: true, createMissing: MissingPatternMatch);
            var braceClose = TakeRequired(SyntaxKind.CloseBraceToken);
            declaration = Node(SyntaxKind.PatternDeclaration, equal, open, parameters, close, pathParameter, braceOpen, matches, braceClose);
        }

        return Node(SyntaxKind.PatternStatement, declare, pattern, name, declaration);
    }

    private SyntaxNode? ParsePatternMatch()
    {
        if (PeekKind() != SyntaxKind.OpenParenToken) return null;
        var open = TakeToken();
        var values = CommaList(ParseUnnamedExpression, () => MissingValue("string literal"), _isCommonListEnd, oneOrMore: true);
        var close = TakeRequired(SyntaxKind.CloseParenToken);
        SyntaxNode? pathValue = null;
        if (PeekKind() == SyntaxKind.DotToken)
        {
            var dot = TakeToken();
            var bracketOpen = TakeRequired(SyntaxKind.OpenBracketToken);
            var value = ParseLiteral() ?? MissingValue("string literal");
            pathValue = Node(SyntaxKind.PatternPathValue, dot, bracketOpen, value, TakeRequired(SyntaxKind.CloseBracketToken));
        }

        var equal = TakeRequired(SyntaxKind.EqualToken);
        var braceOpen = TakeRequired(SyntaxKind.OpenBraceToken);
        var statements = PlainList(() => PeekKind() == SyntaxKind.LetKeyword ? Node(SyntaxKind.List, ParseLet(), TakeRequired(SyntaxKind.SemicolonToken)) : null, isEnd: _isCommonListEnd);
        var expr = ParseExpression();
        var semicolon = TryTake(SyntaxKind.SemicolonToken);
        var body = Node(SyntaxKind.FunctionBody, braceOpen, statements, expr, semicolon, TakeRequired(SyntaxKind.CloseBraceToken));
        var end = TakeRequired(SyntaxKind.SemicolonToken);
        return Node(SyntaxKind.PatternMatch, Node(SyntaxKind.ExpressionList, open, values, close), pathValue, equal, body, end);
    }

    private SyntaxNode MissingPatternMatch()
    {
        ReportAtMissingPosition(KqlSyntaxDiagnostics.MissingClause, "pattern match");
        return Node(SyntaxKind.PatternMatch, SilentMissingToken(SyntaxKind.OpenParenToken));
    }
}
