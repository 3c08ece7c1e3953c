
namespace SentinelContent.Kql.Syntax;

// Tabular query operators: what may follow '|' (and, for a few, start a query).
internal sealed partial class Parser
{
    private SyntaxNode? ParseQueryOperator() => IsQueryOperatorStart() ? Deeper(ParseQueryOperatorCore) : null;

    private bool IsQueryOperatorStart(int offset = 0) => PeekKind(offset) switch
    {
        SyntaxKind.CountKeyword => PeekKind(offset + 1) != SyntaxKind.OpenParenToken, // count() is the function
        SyntaxKind.RangeKeyword => ScanName(offset + 1) is var length && length > 0 && PeekKind(offset + 1 + length) == SyntaxKind.FromKeyword, // else range is a name or range()
        var keyword => SyntaxFacts.QueryOperatorOfKeyword(keyword) is not null,
    };

    private SyntaxNode? ParseQueryOperatorCore() => PeekKind() switch
    {
        SyntaxKind.AsKeyword => ParseAs(),
        SyntaxKind.ConsumeKeyword =>
            Node(SyntaxKind.ConsumeOperator, TakeToken(), ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.ConsumeOperator))),
        SyntaxKind.CountKeyword => ParseCount(),
        SyntaxKind.DistinctKeyword => ParseDistinct(),
        SyntaxKind.EvaluateKeyword => ParseEvaluate(),
        SyntaxKind.ExecuteAndCacheKeyword => Node(SyntaxKind.ExecuteAndCacheOperator, TakeToken()),
        SyntaxKind.ExtendKeyword => Node(SyntaxKind.ExtendOperator, TakeToken(), CommaList(_parseNamedExpression, _missingExpression, _isCommonListEnd, oneOrMore: true)),
        SyntaxKind.FacetKeyword => ParseFacet(),
        SyntaxKind.FilterKeyword or SyntaxKind.WhereKeyword => ParseFilter(),
        SyntaxKind.FindKeyword => ParseFind(),
        SyntaxKind.ForkKeyword => Node(SyntaxKind.ForkOperator, TakeToken(), PlainList(ParseForkExpression, MissingForkExpression, oneOrMore: true)),
        SyntaxKind.GetSchemaKeyword => Node(SyntaxKind.GetSchemaOperator, TakeToken(), ParseNamedParameter(SyntaxFacts.ParametersOf(SyntaxKind.GetSchemaOperator)[0])),
        SyntaxKind.InvokeKeyword => ParseInvoke(),
        SyntaxKind.JoinKeyword => ParseJoin(),
        SyntaxKind.LookupKeyword => ParseLookup(),
        SyntaxKind.MakeSeriesKeyword => ParseMakeSeries(),
        SyntaxKind.MvApplyKeyword or SyntaxKind.MvDashApplyKeyword => ParseMvApply(),
        SyntaxKind.MvExpandKeyword or SyntaxKind.MvDashExpandKeyword => ParseMvExpand(),
        SyntaxKind.ParseKeyword => ParseParse(SyntaxKind.ParseOperator),
        SyntaxKind.ParseWhereKeyword => ParseParse(SyntaxKind.ParseWhereOperator),
        SyntaxKind.ParseKvKeyword => ParseParseKv(),
        SyntaxKind.PartitionByKeyword => ParsePartitionBy(),
        SyntaxKind.PartitionKeyword => ParsePartition(),
        SyntaxKind.PrintKeyword => Node(SyntaxKind.PrintOperator, TakeToken(), CommaList(_parseNamedExpression, _missingExpression, _isCommonListEnd, oneOrMore: true)),
        SyntaxKind.ProjectKeyword => Node(SyntaxKind.ProjectOperator, TakeToken(), CommaList(_parseNamedExpression, _missingExpression, _isCommonListEnd)),
        SyntaxKind.ProjectAwayKeyword => Node(SyntaxKind.ProjectAwayOperator, TakeToken(), CommaList(ParseSimpleOrWildcardedName, MissingExpression, _isCommonListEnd)),
        SyntaxKind.ProjectKeepKeyword => Node(SyntaxKind.ProjectKeepOperator, TakeToken(), CommaList(ParseSimpleOrWildcardedName, MissingExpression, _isCommonListEnd)),
        SyntaxKind.ProjectByNamesKeyword => Node(SyntaxKind.ProjectByNamesOperator, TakeToken(), CommaList(_parseUnnamedExpression, _missingExpression, _isCommonListEnd)),
        SyntaxKind.ProjectRenameKeyword => Node(SyntaxKind.ProjectRenameOperator, TakeToken(), CommaList(_parseNamedExpression, _missingExpression, _isCommonListEnd)),
        SyntaxKind.ProjectReorderKeyword => Node(SyntaxKind.ProjectReorderOperator, TakeToken(), CommaList(ParseProjectReorderExpression, MissingExpression, _isCommonListEnd)),
        SyntaxKind.RangeKeyword => ParseRange(),
        SyntaxKind.ReduceKeyword => ParseReduce(),
        SyntaxKind.RenderKeyword => ParseRender(),
        SyntaxKind.SampleKeyword => ParseSample(),
        SyntaxKind.SampleDistinctKeyword => ParseSampleDistinct(),
        SyntaxKind.ScanKeyword => ParseScan(),
        SyntaxKind.SearchKeyword => ParseSearch(),
        SyntaxKind.SerializeKeyword => Node(SyntaxKind.SerializeOperator, TakeToken(), ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.SerializeOperator), equalsNeeded: true), CommaList(_parseNamedExpression, _missingExpression, _isCommonListEnd)),
        SyntaxKind.SortKeyword or SyntaxKind.OrderKeyword => ParseSort(),
        SyntaxKind.SummarizeKeyword => ParseSummarize(),
        SyntaxKind.TakeKeyword or SyntaxKind.LimitKeyword => Node(SyntaxKind.TakeOperator, TakeToken(), ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.TakeOperator), equalsNeeded: true), ParseNamedExpression() ?? MissingExpression()),
        SyntaxKind.TopKeyword => ParseTop(),
        SyntaxKind.TopHittersKeyword => ParseTopHitters(),
        SyntaxKind.TopNestedKeyword => Node(SyntaxKind.TopNestedOperator, CommaList(ParseTopNestedClause, MissingTopNestedClause, _isCommonListEnd, oneOrMore: true)),
        SyntaxKind.UnionKeyword => ParseUnion(),
        SyntaxKind.AssertSchemaKeyword => Node(SyntaxKind.AssertSchemaOperator, TakeToken(), ParseRowSchema() ?? MissingRowSchema()),
        _ => null,
    };

    private SyntaxNode ParseAs()
    {
        var keyword = TakeToken();
        var parameters = ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.AsOperator), equalsNeeded: true);
        return Node(SyntaxKind.AsOperator, keyword, parameters, ParseNameDeclaration() ?? MissingName());
    }

    private SyntaxNode ParseCount()
    {
        var keyword = TakeToken();
        SyntaxNode? asClause = null;
        if (PeekKind() == SyntaxKind.AsKeyword)
        {
            var asKeyword = TakeToken();
            asClause = Node(SyntaxKind.CountAsIdentifierClause, asKeyword, TakeRequired(SyntaxKind.IdentifierToken));
        }

        return Node(SyntaxKind.CountOperator, keyword, asClause);
    }

    private SyntaxNode ParseDistinct()
    {
        var keyword = TakeToken();
        var parameters = ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.DistinctOperator), equalsNeeded: true);
        var expressions = CommaList(
            () => (PeekKind() == SyntaxKind.AsteriskToken ? Node(SyntaxKind.StarExpression, TakeToken()) : null) ?? ParseNamedExpression(),
            MissingExpression, _isCommonListEnd, oneOrMore: true);
        return Node(SyntaxKind.DistinctOperator, keyword, parameters, expressions);
    }

    private SyntaxNode ParseEvaluate()
    {
        var keyword = TakeToken();
        var parameters = ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.EvaluateOperator));
        var call = ParseRequiredFunctionCall();
        SyntaxNode? schema = null;
        if (PeekKind() == SyntaxKind.ColonToken)
        {
            var colon = TakeToken();
            schema = Node(SyntaxKind.EvaluateSchemaClause, colon, ParseRowSchema() ?? MissingRowSchema());
        }

        return Node(SyntaxKind.EvaluateOperator, keyword, parameters, call, schema);
    }

    private SyntaxNode ParseFacet()
    {
        var keyword = TakeToken();
        var by = TakeRequired(SyntaxKind.ByKeyword);
        var expressions = CommaList(ParseEntityPathExpression, MissingNameReference, () => IsCommonListEndOr(SyntaxKind.WithKeyword), oneOrMore: true);
        SyntaxNode? withClause = null;
        if (PeekKind() == SyntaxKind.WithKeyword)
        {
            var with = TakeToken();
            if (PeekKind() == SyntaxKind.OpenParenToken)
            {
                var open = TakeToken();
                var expr = ParsePipeExpression() ?? MissingQueryOperator();
                withClause = Node(SyntaxKind.FacetWithExpressionClause, with, open, expr, TakeRequired(SyntaxKind.CloseParenToken));
            }
            else
            {
                withClause = Node(SyntaxKind.FacetWithOperatorClause, with, ParseQueryOperator() ?? MissingQueryOperator());
            }
        }

        return Node(SyntaxKind.FacetOperator, keyword, by, expressions, withClause);
    }

    private SyntaxNode ParseFilter()
    {
        var keyword = TakeToken();
        var parameters = ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.FilterOperator), equalsNeeded: true);
        return Node(SyntaxKind.FilterOperator, keyword, parameters, ParseNamedExpression() ?? MissingExpression());
    }

    private SyntaxNode ParseFind()
    {
        var keyword = TakeToken();
        var dataScope = ParseDataScopeClause();
        var parameters = ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.FindOperator));
        var inClause = ParseFindInClause();
        var where = parameters.Children.Count > 0 || inClause is not null
            ? TakeRequired(SyntaxKind.WhereKeyword)
            : TryTake(SyntaxKind.WhereKeyword);
        var predicate = ParseUnnamedExpression() ?? MissingExpression();
        SyntaxNode? project = null;
        if (PeekKind() == SyntaxKind.ProjectKeyword)
        {
            var projectKeyword = TakeToken();
            project = Node(SyntaxKind.FindProjectClause, projectKeyword, CommaList(ParseFindProjectColumn, MissingExpression, oneOrMore: true));
        }
        else if (PeekKind() == SyntaxKind.ProjectSmartKeyword)
        {
            project = Node(SyntaxKind.FindProjectClause, TakeToken());
        }

        SyntaxNode? projectAway = null;
        if (PeekKind() == SyntaxKind.InternalProjectAwayKeyword)
        {
            var awayKeyword = TakeToken();
            projectAway = Node(SyntaxKind.FindProjectClause, awayKeyword, CommaList(ParseFindProjectColumn, MissingExpression, oneOrMore: true));
        }

        return Node(SyntaxKind.FindOperator, keyword, dataScope, parameters, inClause, where, predicate, project, projectAway);
    }

    private SyntaxNode? ParseDataScopeClause()
    {
        if (PeekKind() != SyntaxKind.DataScopeKeyword) return null;
        var keyword = TakeToken();
        var equal = TakeRequired(SyntaxKind.EqualToken);
        return Node(SyntaxKind.DataScopeClause, keyword, equal, ParseWord(["hotcache", "all"]) ?? MissingValue("'hotcache' or 'all'"));
    }

    private SyntaxNode? ParseFindInClause()
    {
        if (PeekKind() != SyntaxKind.InKeyword) return null;
        var keyword = TakeToken();
        var open = TakeRequired(SyntaxKind.OpenParenToken);
        var tables = CommaList(ParseFindOperand, MissingExpression, _isCommonListEnd, oneOrMore: true);
        return Node(SyntaxKind.FindInClause, keyword, open, tables, TakeRequired(SyntaxKind.CloseParenToken));
    }

    private SyntaxElement? ParseFindOperand() =>
        ParseWildcardedEntityExpression() ?? ParseBracketedWildcardedNameReference() ?? ParseBracketedNameReference() ?? ParseBarePathElementSelector();

    private SyntaxElement? ParseFindProjectColumn()
    {
        if (PeekKind() == SyntaxKind.PackKeyword)
        {
            var pack = TakeToken();
            return Node(SyntaxKind.PackExpression, pack, TakeRequired(SyntaxKind.OpenParenToken), TakeRequired(SyntaxKind.AsteriskToken), TakeRequired(SyntaxKind.CloseParenToken));
        }

        if (PeekKind() == SyntaxKind.AsteriskToken) return Node(SyntaxKind.StarExpression, TakeToken());
        var name = ParseNameReference();
        if (name is not null && PeekKind() == SyntaxKind.ColonToken)
        {
            var colon = TakeToken();
            return Node(SyntaxKind.TypedColumnReference, name, colon, ParseParamTypeExtended() ?? ParseIdentifierType() ?? MissingType());
        }

        return name;
    }

    private SyntaxNode? ParseForkExpression()
    {
        SyntaxNode? nameClause = null;
        var nameLength = ScanName();
        if (nameLength > 0 && PeekKind(nameLength) == SyntaxKind.EqualToken)
        {
            var name = ParseNameDeclaration();
            nameClause = Node(SyntaxKind.NameEqualsClause, name, TakeRequired(SyntaxKind.EqualToken));
        }
        else if (PeekKind() != SyntaxKind.OpenParenToken)
        {
            return null;
        }

        var open = TakeRequired(SyntaxKind.OpenParenToken);
        var expr = ParsePipeExpression() ?? MissingExpression();
        return Node(SyntaxKind.ForkExpression, nameClause, open, expr, TakeRequired(SyntaxKind.CloseParenToken));
    }

    private SyntaxNode MissingForkExpression()
    {
        var open = MissingToken(SyntaxKind.OpenParenToken);
        return Node(SyntaxKind.ForkExpression, open, SilentMissingToken(SyntaxKind.IdentifierToken), SilentMissingToken(SyntaxKind.CloseParenToken));
    }

    private SyntaxNode ParseInvoke()
    {
        var keyword = TakeToken();
        SyntaxNode? call = ParseFunctionCall();
        while (call is not null && PeekKind() == SyntaxKind.DotToken && IsFunctionCallStart(1))
        {
            var dot = TakeToken();
            call = Node(SyntaxKind.PathExpression, call, dot, ParseFunctionCall());
        }

        return Node(SyntaxKind.InvokeOperator, keyword, call ?? MissingExpression());
    }

    private SyntaxNode ParseJoin()
    {
        var keyword = TakeToken();
        var parameters = ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.JoinOperator), equalsNeeded: true);
        var right = ParseUnnamedExpression() ?? MissingExpression();
        SyntaxNode? condition = null;
        if (PeekKind() == SyntaxKind.OnKeyword)
        {
            var on = TakeToken();
            condition = Node(SyntaxKind.JoinOnClause, on, CommaList(_parseUnnamedExpression, _missingExpression, oneOrMore: true));
        }
        else if (PeekKind() == SyntaxKind.WhereKeyword)
        {
            var where = TakeToken();
            condition = Node(SyntaxKind.JoinWhereClause, where, ParseUnnamedExpression() ?? MissingExpression());
        }

        return Node(SyntaxKind.JoinOperator, keyword, parameters, right, condition);
    }

    private SyntaxNode ParseLookup()
    {
        var keyword = TakeToken();
        var parameters = ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.LookupOperator), equalsNeeded: true);
        var right = ParseUnnamedExpression() ?? MissingExpression();
        SyntaxNode condition;
        if (PeekKind() == SyntaxKind.OnKeyword)
        {
            var on = TakeToken();
            condition = Node(SyntaxKind.JoinOnClause, on, CommaList(_parseUnnamedExpression, _missingExpression, oneOrMore: true));
        }
        else
        {
            ReportAtMissingPosition(KqlSyntaxDiagnostics.MissingClause, "'on' clause");
            condition = Node(SyntaxKind.JoinOnClause, SilentMissingToken(SyntaxKind.OnKeyword));
        }

        return Node(SyntaxKind.LookupOperator, keyword, parameters, right, condition);
    }

    private SyntaxNode ParseMakeSeries()
    {
        var keyword = TakeToken();
        var parameters = ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.MakeSeriesOperator), equalsNeeded: true);
        var aggregates = CommaList(ParseMakeSeriesExpression, () => Node(SyntaxKind.MakeSeriesExpression, MissingExpression()),
            () => IsCommonListEndOr(SyntaxKind.OnKeyword, SyntaxKind.FromKeyword, SyntaxKind.InKeyword), oneOrMore: true);
        var on = TakeRequired(SyntaxKind.OnKeyword);
        var onClause = Node(SyntaxKind.MakeSeriesOnClause, on, ParseNamedExpression() ?? MissingExpression());

        SyntaxNode range;
        if (PeekKind() is SyntaxKind.FromKeyword or SyntaxKind.ToKeyword or SyntaxKind.StepKeyword)
        {
            SyntaxNode? from = null, to = null;
            if (PeekKind() == SyntaxKind.FromKeyword)
            {
                var fromKeyword = TakeToken();
                from = Node(SyntaxKind.MakeSeriesFromClause, fromKeyword, ParseUnnamedExpression() ?? MissingExpression());
            }

            if (PeekKind() == SyntaxKind.ToKeyword)
            {
                var toKeyword = TakeToken();
                to = Node(SyntaxKind.MakeSeriesToClause, toKeyword, ParseUnnamedExpression() ?? MissingExpression());
            }

            var stepKeyword = TakeRequired(SyntaxKind.StepKeyword);
            var step = Node(SyntaxKind.MakeSeriesStepClause, stepKeyword, ParseUnnamedExpression() ?? MissingExpression());
            range = Node(SyntaxKind.MakeSeriesFromToStepClause, from, to, step);
        }
        else
        {
            var inKeyword = TakeRequired(SyntaxKind.InKeyword);
            var rangeKeyword = TakeRequired(SyntaxKind.RangeKeyword);
            var open = TakeRequired(SyntaxKind.OpenParenToken);
            var arguments = CommaList(_parseNamedExpression, _missingExpression, _isCommonListEnd);
            var close = TakeRequired(SyntaxKind.CloseParenToken);
            range = Node(SyntaxKind.MakeSeriesInRangeClause, inKeyword, rangeKeyword, Node(SyntaxKind.ExpressionList, open, arguments, close));
        }

        SyntaxNode? byClause = null;
        if (PeekKind() == SyntaxKind.ByKeyword)
        {
            var by = TakeToken();
            byClause = Node(SyntaxKind.MakeSeriesByClause, by, CommaList(_parseNamedExpression, _missingExpression, oneOrMore: true));
        }

        return Node(SyntaxKind.MakeSeriesOperator, keyword, parameters, aggregates, onClause, range, byClause);
    }

    private SyntaxNode? ParseMakeSeriesExpression()
    {
        var expr = ParseNamedExpression();
        if (expr is null) return null;
        SyntaxNode? defaultClause = null;
        if (PeekKind() == SyntaxKind.DefaultKeyword)
        {
            var keyword = TakeToken();
            var equal = TakeRequired(SyntaxKind.EqualToken);
            defaultClause = Node(SyntaxKind.DefaultExpressionClause, keyword, equal, ParseNamedExpression() ?? MissingExpression());
        }

        return Node(SyntaxKind.MakeSeriesExpression, expr, defaultClause);
    }

    private SyntaxNode? ParseToTypeOfClause()
    {
        if (PeekKind() != SyntaxKind.ToKeyword) return null;
        var to = TakeToken();
        SyntaxNode typeOf;
        if (IsTypeOfLiteral())
        {
            typeOf = ParseTypeOfLiteral()!;
        }
        else
        {
            ReportAtMissingPosition(KqlSyntaxDiagnostics.MissingValue, "typeof(...)");
            typeOf = Node(SyntaxKind.TypeOfLiteralExpression, SilentMissingToken(SyntaxKind.TypeOfKeyword));
        }

        return Node(SyntaxKind.ToTypeOfClause, to, typeOf);
    }

    private SyntaxNode ParseExpandList(SyntaxKind itemKind, Func<bool> isEnd)
    {
        if (PeekKind() == SyntaxKind.ToKeyword)
        {
            // A lone "to typeof(...)" needs no expression before it.
            var reset = GetResetPoint();
            var clause = ParseToTypeOfClause();
            if (PeekKind() != SyntaxKind.CommaToken) return ListNode([Node(itemKind, clause)]);
            Reset(reset);
        }

        SyntaxNode? ParseItem()
        {
            if (PeekKind() == SyntaxKind.ToKeyword) return Node(itemKind, MissingExpression(), ParseToTypeOfClause());
            var expr = ParseNamedExpression();
            return expr is null ? null : Node(itemKind, expr, ParseToTypeOfClause());
        }

        return CommaList(ParseItem, () => Node(itemKind, MissingExpression()), isEnd, oneOrMore: true);
    }

    private SyntaxNode ParseMvExpand()
    {
        var keyword = TakeToken();
        var parameters = ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.MvExpandOperator), equalsNeeded: true);
        var expressions = ParseExpandList(SyntaxKind.MvExpandExpression, () => IsCommonListEndOr(SyntaxKind.LimitKeyword));
        SyntaxNode? limit = null;
        if (PeekKind() == SyntaxKind.LimitKeyword)
        {
            var limitKeyword = TakeToken();
            limit = Node(SyntaxKind.MvExpandRowLimitClause, limitKeyword, ParseUnnamedExpression() ?? MissingExpression());
        }

        return Node(SyntaxKind.MvExpandOperator, keyword, parameters, expressions, limit);
    }

    private SyntaxNode ParseMvApply()
    {
        var keyword = TakeToken();
        var parameters = ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.MvApplyOperator), equalsNeeded: true);
        var expressions = ParseExpandList(SyntaxKind.MvApplyExpression, () => IsCommonListEndOr(SyntaxKind.LimitKeyword, SyntaxKind.IdKeyword, SyntaxKind.OnKeyword));
        SyntaxNode? limit = null;
        if (PeekKind() == SyntaxKind.LimitKeyword)
        {
            var limitKeyword = TakeToken();
            limit = Node(SyntaxKind.MvApplyRowLimitClause, limitKeyword, ParseUnnamedExpression() ?? MissingExpression());
        }

        SyntaxNode? id = null;
        if (PeekKind() == SyntaxKind.IdKeyword)
        {
            var idKeyword = TakeToken();
            id = Node(SyntaxKind.MvApplyContextIdClause, idKeyword, ParseUnnamedExpression() ?? MissingExpression());
        }

        var on = TakeRequired(SyntaxKind.OnKeyword);
        SyntaxNode subquery;
        if (PeekKind() == SyntaxKind.OpenParenToken)
        {
            var open = TakeToken();
            var expr = ParsePipeExpression() ?? MissingExpression();
            subquery = Node(SyntaxKind.MvApplySubqueryExpression, open, expr, TakeRequired(SyntaxKind.CloseParenToken));
        }
        else
        {
            var open = MissingToken(SyntaxKind.OpenParenToken);
            subquery = Node(SyntaxKind.MvApplySubqueryExpression, open, SilentMissingToken(SyntaxKind.CloseParenToken));
        }

        return Node(SyntaxKind.MvApplyOperator, keyword, parameters, expressions, limit, id, on, subquery);
    }

    private SyntaxNode ParseParse(SyntaxKind kind)
    {
        var keyword = TakeToken();
        var parameters = ParseParameterList(SyntaxFacts.ParametersOf(kind), equalsNeeded: true);
        var source = ParseUnnamedExpression() ?? MissingExpression();
        var with = TakeRequired(SyntaxKind.WithKeyword);
        var pattern = PlainList(ParseParsePatternPart);
        return Node(kind, keyword, parameters, source, with, pattern);
    }

    /// <summary>One part of a parse pattern: *, a string constant, or a column (name[: type]).</summary>
    private SyntaxElement? ParseParsePatternPart()
    {
        if (PeekKind() == SyntaxKind.AsteriskToken) return Node(SyntaxKind.StarExpression, TakeToken());
        if (ParseStringOrCompoundStringLiteral() is { } text) return text;

        if (PeekKind() == SyntaxKind.ColonToken)
        {
            var missing = MissingName();
            var colon = TakeToken();
            return Node(SyntaxKind.NameAndTypeDeclaration, missing, colon, ParseSchemaScalarType() ?? MissingType());
        }

        var name = ParseExtendedNameDeclaration();
        if (name is not null && PeekKind() == SyntaxKind.ColonToken)
        {
            var colon = TakeToken();
            return Node(SyntaxKind.NameAndTypeDeclaration, name, colon, ParseSchemaScalarType() ?? MissingType());
        }

        return name;
    }

    private SyntaxNode ParseParseKv()
    {
        var keyword = TakeToken();
        var source = ParseUnnamedExpression() ?? MissingExpression();
        var asKeyword = TakeRequired(SyntaxKind.AsKeyword);
        var keys = ParseRowSchema() ?? MissingRowSchema();
        SyntaxNode? withClause = null;
        if (PeekKind() == SyntaxKind.WithKeyword)
        {
            var with = TakeToken();
            var open = TakeRequired(SyntaxKind.OpenParenToken);
            var properties = ParseDeclaredParameterCommaList(OperatorParameters.ParseKvWith);
            withClause = Node(SyntaxKind.ParseKvWithClause, with, open, properties, TakeRequired(SyntaxKind.CloseParenToken));
        }

        return Node(SyntaxKind.ParseKvOperator, keyword, source, asKeyword, keys, withClause);
    }

    private SyntaxNode ParsePartition()
    {
        var keyword = TakeToken();
        var parameters = ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.PartitionOperator));
        var by = TakeRequired(SyntaxKind.ByKeyword);
        var column = ParseEntityPathExpression() ?? MissingNameReference();
        SyntaxNode? scope = null;
        if (PeekKind() == SyntaxKind.InKeyword)
        {
            var inKeyword = TakeToken();
            scope = Node(SyntaxKind.PartitionScope, inKeyword, ParseFunctionCall() ?? ParseDynamicLiteral() ?? MissingExpression());
        }

        SyntaxNode operand;
        if (PeekKind() == SyntaxKind.OpenBraceToken)
        {
            var open = TakeToken();
            var expr = ParseExpression() ?? MissingExpression();
            operand = Node(SyntaxKind.PartitionQuery, open, expr, TakeRequired(SyntaxKind.CloseBraceToken));
        }
        else if (PeekKind() == SyntaxKind.OpenParenToken)
        {
            var open = TakeToken();
            var expr = ParsePipeExpression() ?? MissingExpression();
            operand = Node(SyntaxKind.PartitionSubquery, open, expr, TakeRequired(SyntaxKind.CloseParenToken));
        }
        else
        {
            var open = MissingToken(SyntaxKind.OpenParenToken);
            operand = Node(SyntaxKind.PartitionSubquery, open, SilentMissingToken(SyntaxKind.CloseParenToken));
        }

        return Node(SyntaxKind.PartitionOperator, keyword, parameters, by, column, scope, operand);
    }

    private SyntaxNode ParsePartitionBy()
    {
        var keyword = TakeToken();
        var parameters = ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.PartitionByOperator));
        var column = ParseEntityPathExpression() ?? MissingNameReference();
        SyntaxNode? id = null;
        if (PeekKind() == SyntaxKind.IdKeyword)
        {
            var idKeyword = TakeToken();
            id = Node(SyntaxKind.PartitionByIdClause, idKeyword, ParseLiteral() ?? MissingValue("value"));
        }

        var open = TakeRequired(SyntaxKind.OpenParenToken);
        var expr = ParsePipeExpression() ?? MissingExpression();
        return Node(SyntaxKind.PartitionByOperator, keyword, parameters, column, id, open, expr, TakeRequired(SyntaxKind.CloseParenToken));
    }

    private SyntaxElement? ParseSimpleOrWildcardedName() => ParseWildcardedNameReference() ?? ParseNameReference();

    private SyntaxElement? ParseProjectReorderExpression()
    {
        var expr = ParseWildcardedNameReference() ?? ParseNameReference();
        if (expr is not null && PeekKind() is SyntaxKind.AscKeyword or SyntaxKind.DescKeyword or SyntaxKind.GrannyAscKeyword or SyntaxKind.GrannyDescKeyword)
            expr = Node(SyntaxKind.OrderedExpression, expr, Node(SyntaxKind.OrderingClause, TakeToken()));
        return expr;
    }

    private SyntaxNode ParseRange()
    {
        var keyword = TakeToken();
        var name = ParseNameDeclaration() ?? MissingName();
        var from = TakeRequired(SyntaxKind.FromKeyword);
        var start = ParseUnnamedExpression() ?? MissingExpression();
        var to = TakeRequired(SyntaxKind.ToKeyword);
        var end = ParseUnnamedExpression() ?? MissingExpression();
        var step = TakeRequired(SyntaxKind.StepKeyword);
        var stepValue = ParseUnnamedExpression() ?? MissingExpression();
        return Node(SyntaxKind.RangeOperator, keyword, name, from, start, to, end, step, stepValue);
    }

    private SyntaxNode ParseReduce()
    {
        var keyword = TakeToken();
        var parameters = ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.ReduceByOperator));
        var by = TakeRequired(SyntaxKind.ByKeyword);
        var expr = ParseNamedExpression() ?? MissingExpression();
        SyntaxNode? withClause = null;
        if (PeekKind() == SyntaxKind.WithKeyword)
        {
            var with = TakeToken();
            withClause = Node(SyntaxKind.ReduceByWithClause, with, ParseParameterCommaList(OperatorParameters.ReduceWith));
        }

        return Node(SyntaxKind.ReduceByOperator, keyword, parameters, by, expr, withClause);
    }

    private static readonly string[] s_chartTypes =
    [
        "table", "list", "barchart", "piechart", "ladderchart", "timechart", "linechart", "anomalychart", "pivotchart", "areachart",
        "stackedareachart", "scatterchart", "timepivot", "columnchart", "timeline", "3Dchart", "card", "treemap", "plotly", "graph", "sankey",
    ];

    private static readonly string[] s_renderDeprecatedListEnds = ["kind", "title", "accumulate", "with", "by"];

    private SyntaxNode ParseRender()
    {
        var keyword = TakeToken();
        SyntaxElement chartType = ParseWord(s_chartTypes) as SyntaxElement
            ?? TryTake(SyntaxKind.IdentifierToken)
            ?? MissingToken(SyntaxKind.IdentifierToken, "a chart type (timechart, barchart, piechart, ...)");
        var properties = PlainList(ParseDeprecatedRenderProperty);
        SyntaxNode? withClause = null;
        if (PeekKind() == SyntaxKind.WithKeyword)
        {
            var with = TakeToken();
            var open = TakeRequired(SyntaxKind.OpenParenToken);
            var list = ParseDeclaredParameterCommaList(OperatorParameters.RenderWith);
            withClause = Node(SyntaxKind.RenderWithClause, with, open, list, TakeRequired(SyntaxKind.CloseParenToken));
        }

        return Node(SyntaxKind.RenderOperator, keyword, chartType, properties, withClause);
    }

    private SyntaxElement? ParseDeprecatedRenderProperty() =>
        ParseNamedParameter(OperatorParameters.RenderKind)
        ?? ParseNamedParameter(OperatorParameters.RenderTitle)
        ?? ParseNamedParameter(OperatorParameters.RenderAccumulate)
        ?? (PeekKind() == SyntaxKind.WithKeyword && PeekKind(1) != SyntaxKind.OpenParenToken ? ParseNamedParameter(OperatorParameters.RenderWithDeprecated) : null)
        ?? ParseNamedParameter(OperatorParameters.RenderByDeprecated, IsRenderDeprecatedListEnd);

    private bool IsRenderDeprecatedListEnd()
    {
        foreach (var name in s_renderDeprecatedListEnds)
            if (ScanText(name) > 0) return true;
        return false;
    }

    private SyntaxNode ParseSample()
    {
        var keyword = TakeToken();
        var parameters = ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.SampleOperator), equalsNeeded: true);
        return Node(SyntaxKind.SampleOperator, keyword, parameters, ParseNamedExpression() ?? MissingExpression());
    }

    private SyntaxNode ParseSampleDistinct()
    {
        var keyword = TakeToken();
        var parameters = ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.SampleDistinctOperator), equalsNeeded: true);
        var count = ParseNamedExpression() ?? MissingExpression();
        var of = TakeRequired(SyntaxKind.OfKeyword);
        return Node(SyntaxKind.SampleDistinctOperator, keyword, parameters, count, of, ParseNamedExpression() ?? MissingExpression());
    }

    private SyntaxNode ParseSearch()
    {
        var keyword = TakeToken();
        var parameters = ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.SearchOperator), equalsNeeded: true);
        var dataScope = ParseDataScopeClause();
        var inClause = ParseFindInClause();
        var predicate = ParseUnnamedExpression();
        if (predicate is null && PeekKind() == SyntaxKind.AsteriskToken)
        {
            predicate = Node(SyntaxKind.StarExpression, TakeToken());
            if (PeekKind() == SyntaxKind.AndKeyword)
            {
                var and = TakeToken();
                predicate = Node(SyntaxKind.BinaryExpression, predicate, and, ParseUnnamedExpression() ?? MissingExpression());
            }
        }

        return Node(SyntaxKind.SearchOperator, keyword, parameters, dataScope, inClause, predicate ?? MissingExpression());
    }

    private SyntaxNode ParseSort()
    {
        var keyword = TakeToken();
        var parameters = ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.SortOperator));
        var by = TakeRequired(SyntaxKind.ByKeyword);
        return Node(SyntaxKind.SortOperator, keyword, parameters, by, CommaList(ParseOrderedExpression, MissingExpression, _isCommonListEnd, oneOrMore: true));
    }

    private SyntaxNode? ParseOrderedExpression()
    {
        var expr = ParseNamedExpression();
        if (expr is null) return null;
        if (PeekKind() is SyntaxKind.AscKeyword or SyntaxKind.DescKeyword or SyntaxKind.GrannyAscKeyword or SyntaxKind.GrannyDescKeyword or SyntaxKind.NullsKeyword)
        {
            var direction = TryTake(SyntaxKind.AscKeyword, SyntaxKind.DescKeyword) ?? TryTake(SyntaxKind.GrannyAscKeyword, SyntaxKind.GrannyDescKeyword);
            SyntaxNode? nulls = null;
            if (PeekKind() == SyntaxKind.NullsKeyword)
            {
                var nullsKeyword = TakeToken();
                var firstOrLast = TryTake(SyntaxKind.FirstKeyword, SyntaxKind.LastKeyword) ?? MissingToken(SyntaxKind.FirstKeyword, "'first' or 'last'");
                nulls = Node(SyntaxKind.OrderingNullsClause, nullsKeyword, firstOrLast);
            }

            expr = Node(SyntaxKind.OrderedExpression, expr, Node(SyntaxKind.OrderingClause, direction, nulls));
        }

        return expr;
    }

    private SyntaxNode ParseSummarize()
    {
        var keyword = TakeToken();
        var parameters = ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.SummarizeOperator), equalsNeeded: true);
        var aggregates = CommaList(_parseNamedExpression, _missingExpression, () => IsCommonListEndOr(SyntaxKind.ByKeyword));
        SyntaxNode? byClause = null;
        if (PeekKind() == SyntaxKind.ByKeyword)
        {
            var by = TakeToken();
            var groups = CommaList(_parseNamedExpression, _missingExpression, IsSummarizeByListEnd, oneOrMore: true);
            SyntaxNode? legacyBin = null;
            if (PeekKind() == SyntaxKind.BinKeyword && PeekKind(1) == SyntaxKind.EqualToken)
            {
                var bin = Node(SyntaxKind.NameDeclaration, Node(SyntaxKind.TokenName, TakeToken()));
                var equal = TakeToken();
                legacyBin = Node(SyntaxKind.SimpleNamedExpression, bin, equal, ParseUnnamedExpression() ?? MissingExpression());
            }

            byClause = Node(SyntaxKind.SummarizeByClause, by, groups, legacyBin);
        }

        return Node(SyntaxKind.SummarizeOperator, keyword, parameters, aggregates, byClause);
    }

    private bool IsSummarizeByListEnd() =>
        (PeekKind() == SyntaxKind.BinKeyword && PeekKind(1) == SyntaxKind.EqualToken) || IsCommonListEnd();

    private SyntaxNode ParseTop()
    {
        var keyword = TakeToken();
        var parameters = ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.TopOperator), equalsNeeded: true);
        var count = ParseNamedExpression() ?? MissingExpression();
        var by = TakeRequired(SyntaxKind.ByKeyword);
        return Node(SyntaxKind.TopOperator, keyword, parameters, count, by, ParseOrderedExpression() ?? MissingExpression());
    }

    private SyntaxNode ParseTopHitters()
    {
        var keyword = TakeToken();
        var count = ParseNamedExpression() ?? MissingExpression();
        var of = TakeRequired(SyntaxKind.OfKeyword);
        var column = ParseNamedExpression() ?? MissingExpression();
        SyntaxNode? byClause = null;
        if (PeekKind() == SyntaxKind.ByKeyword)
        {
            var by = TakeToken();
            byClause = Node(SyntaxKind.TopHittersByClause, by, ParseNamedExpression() ?? MissingExpression());
        }

        return Node(SyntaxKind.TopHittersOperator, keyword, count, of, column, byClause);
    }

    private SyntaxNode? ParseTopNestedClause()
    {
        if (PeekKind() != SyntaxKind.TopNestedKeyword) return null;
        var keyword = TakeToken();
        var count = ParseNamedExpression();
        var of = TakeRequired(SyntaxKind.OfKeyword);
        var column = ParseNamedExpression() ?? MissingExpression();
        SyntaxNode? others = null;
        if (PeekKind() == SyntaxKind.WithKeyword)
        {
            var with = TakeToken();
            var othersKeyword = TakeRequired(SyntaxKind.OthersKeyword);
            var equal = TakeRequired(SyntaxKind.EqualToken);
            others = Node(SyntaxKind.TopNestedWithOthersClause, with, othersKeyword, equal, ParseLiteral() ?? ParseUnnamedExpression() ?? MissingExpression());
        }

        var by = TakeRequired(SyntaxKind.ByKeyword);
        return Node(SyntaxKind.TopNestedClause, keyword, count, of, column, others, by, ParseOrderedExpression() ?? MissingExpression());
    }

    private SyntaxNode MissingTopNestedClause()
    {
        ReportAtMissingPosition(KqlSyntaxDiagnostics.MissingClause, "top-nested clause");
        return Node(SyntaxKind.TopNestedClause, SilentMissingToken(SyntaxKind.TopNestedKeyword));
    }

    private SyntaxNode ParseUnion()
    {
        var keyword = TakeToken();
        var parameters = ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.UnionOperator), equalsNeeded: true);
        var tables = CommaList(ParseUnionOperand, MissingExpression, _isCommonListEnd, oneOrMore: true);
        return Node(SyntaxKind.UnionOperator, keyword, parameters, tables);
    }

    private SyntaxElement? ParseUnionOperand() =>
        (PeekKind() == SyntaxKind.OpenParenToken ? ParseParenthesizedExpression() : null)
        ?? ParseWildcardedEntityExpression()
        ?? ParseBracketedWildcardedNameReference() ?? ParseBracketedNameReference()
        ?? ParseBarePathElementSelector();

    /// <summary>A table reference that may be wildcarded (Security*) or a path (database("x").T, cluster(...).database(...).T*).</summary>
    private SyntaxNode? ParseWildcardedEntityExpression()
    {
        if (ScanWildcardedName() > 0) return ParseWildcardedNameReference();

        var expr = ParsePathElementSelectorOrFunctionCall();
        while (expr is not null)
        {
            if (PeekKind() == SyntaxKind.DotToken)
            {
                var dot = TakeToken();
                if (ScanWildcardedName() > 0) return Node(SyntaxKind.PathExpression, expr, dot, ParseWildcardedNameReference());
                expr = Node(SyntaxKind.PathExpression, expr, dot, ParsePathElementSelectorOrFunctionCall() ?? MissingNameReference());
            }
            else if (PeekKind() == SyntaxKind.OpenBracketToken)
            {
                expr = Node(SyntaxKind.ElementExpression, expr, ParseBracketedPathElementSelector());
            }
            else
            {
                break;
            }
        }

        return expr;
    }

    /// <summary>A column or path used as an entity (facet by, partition by).</summary>
    private SyntaxNode? ParseEntityPathExpression()
    {
        var expr = PeekKind() == SyntaxKind.OpenBracketToken ? ParseBracketedPathElementSelector() : ParseBarePathElementSelector();
        while (expr is not null)
        {
            if (PeekKind() == SyntaxKind.DotToken)
            {
                var dot = TakeToken();
                var selector = (PeekKind() == SyntaxKind.OpenBracketToken ? ParseBracketedPathElementSelector() : ParseBarePathElementSelector()) ?? MissingNameReference();
                expr = Node(SyntaxKind.PathExpression, expr, dot, selector);
            }
            else if (PeekKind() == SyntaxKind.OpenBracketToken)
            {
                expr = Node(SyntaxKind.ElementExpression, expr, ParseBracketedPathElementSelector());
            }
            else
            {
                break;
            }
        }

        return expr;
    }

    private SyntaxNode MissingQueryOperator()
    {
        ReportAtMissingPosition(KqlSyntaxDiagnostics.QueryOperatorExpected);
        return Node(SyntaxKind.BadQueryOperator, SilentMissingToken(SyntaxKind.IdentifierToken));
    }
}
