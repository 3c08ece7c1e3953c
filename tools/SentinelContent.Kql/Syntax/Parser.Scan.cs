namespace SentinelContent.Kql.Syntax;

// The scan operator: order by / partition by / declare clauses and its with (step ...;) block.
internal sealed partial class Parser
{
    private SyntaxNode ParseScan()
    {
        var keyword = TakeToken();
        var parameters = ParseParameterList(SyntaxFacts.ParametersOf(SyntaxKind.ScanOperator));

        SyntaxNode? order = null;
        if (PeekKind() == SyntaxKind.OrderKeyword)
        {
            var orderKeyword = TakeToken();
            var by = TakeRequired(SyntaxKind.ByKeyword);
            order = Node(SyntaxKind.ScanOrderByClause, orderKeyword, by, CommaList(ParseOrderedExpression, MissingExpression, IsScanListEnd, oneOrMore: true));
        }

        SyntaxNode? partition = null;
        if (PeekKind() == SyntaxKind.PartitionKeyword)
        {
            var partitionKeyword = TakeToken();
            var by = TakeRequired(SyntaxKind.ByKeyword);
            partition = Node(SyntaxKind.ScanPartitionByClause, partitionKeyword, by, CommaList(_parseUnnamedExpression, _missingExpression, IsScanListEnd, oneOrMore: true));
        }

        SyntaxNode? declare = null;
        if (PeekKind() == SyntaxKind.DeclareKeyword)
        {
            var declareKeyword = TakeToken();
            var open = TakeRequired(SyntaxKind.OpenParenToken);
            var declarations = CommaList(ParseFunctionParameter, MissingFunctionParameter, _isCommonListEnd);
            declare = Node(SyntaxKind.ScanDeclareClause, declareKeyword, open, declarations, TakeRequired(SyntaxKind.CloseParenToken));
        }

        var with = TakeRequired(SyntaxKind.WithKeyword);
        var withOpen = TakeRequired(SyntaxKind.OpenParenToken);
        var steps = PlainList(ParseScanStep, isEnd: _isCommonListEnd);
        var withClose = TakeRequired(SyntaxKind.CloseParenToken);
        return Node(SyntaxKind.ScanOperator, keyword, parameters, order, partition, declare, with, withOpen, steps, withClose);
    }

    private bool IsScanListEnd() =>
        PeekKind() is SyntaxKind.PartitionKeyword or SyntaxKind.OrderKeyword or SyntaxKind.ByKeyword or SyntaxKind.DeclareKeyword or SyntaxKind.WithKeyword
        || IsCommonListEnd();

    private SyntaxNode? ParseScanStep()
    {
        if (PeekKind() != SyntaxKind.StepKeyword) return null;
        var keyword = TakeToken();
        var name = ParseExtendedNameDeclaration() ?? MissingName();
        var optional = TryTake(SyntaxKind.OptionalKeyword);
        SyntaxNode? output = null;
        if (PeekKind() == SyntaxKind.OutputKeyword)
        {
            var outputKeyword = TakeToken();
            var equal = TakeRequired(SyntaxKind.EqualToken);
            output = Node(SyntaxKind.ScanStepOutput, outputKeyword, equal, ParseWord(["all", "last", "none"]) ?? MissingValue("'all', 'last' or 'none'"));
        }

        var colon = TakeRequired(SyntaxKind.ColonToken);
        var condition = ParseUnnamedExpression() ?? MissingExpression();
        SyntaxNode? computation = null;
        if (PeekKind() == SyntaxKind.FatArrowToken)
        {
            var arrow = TakeToken();
            computation = Node(SyntaxKind.ScanComputationClause, arrow, CommaList(ParseScanAssignment, MissingScanAssignment, _isCommonListEnd, oneOrMore: true));
        }

        var semicolon = TakeRequired(SyntaxKind.SemicolonToken);
        return Node(SyntaxKind.ScanStep, keyword, name, optional, output, colon, condition, computation, semicolon);
    }

    private SyntaxNode? ParseScanAssignment()
    {
        var name = ParseExtendedNameReference();
        if (name is null) return null;
        var equal = TakeRequired(SyntaxKind.EqualToken);
        return Node(SyntaxKind.ScanAssignment, name, equal, ParseUnnamedExpression() ?? MissingExpression());
    }

    private SyntaxNode MissingScanAssignment()
    {
        var name = MissingNameReference();
        return Node(SyntaxKind.ScanAssignment, name);
    }
}
