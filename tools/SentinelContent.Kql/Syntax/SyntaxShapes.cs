namespace SentinelContent.Kql.Syntax;

/// <summary>
/// The table of node shapes: which class a node of each kind is. A kind listed here gets its typed class
/// (accessors that name its parts); every other query operator is a <see cref="QueryOperator"/>, every other
/// kind a plain <see cref="SyntaxNode"/>. Nodes are made only here, so a kind can never be read as another shape.
/// </summary>
internal static class SyntaxShapes
{
    private delegate SyntaxNode Factory(SyntaxKind kind, SyntaxElement[] children, int position);

    private static readonly (SyntaxKind Kind, Factory Create)[] s_shapes =
    [
        (SyntaxKind.FilterOperator, (k, c, p) => new FilterOperator(k, c, p)),
        (SyntaxKind.TakeOperator, (k, c, p) => new TakeOperator(k, c, p)),
        (SyntaxKind.SampleOperator, (k, c, p) => new SampleOperator(k, c, p)),
        (SyntaxKind.SortOperator, (k, c, p) => new SortOperator(k, c, p)),
        (SyntaxKind.TopOperator, (k, c, p) => new TopOperator(k, c, p)),
        (SyntaxKind.SummarizeOperator, (k, c, p) => new SummarizeOperator(k, c, p)),
        (SyntaxKind.JoinOperator, (k, c, p) => new JoinOperator(k, c, p)),
        (SyntaxKind.LookupOperator, (k, c, p) => new LookupOperator(k, c, p)),
        (SyntaxKind.UnionOperator, (k, c, p) => new UnionOperator(k, c, p)),
        (SyntaxKind.CountOperator, (k, c, p) => new CountOperator(k, c, p)),
        (SyntaxKind.AsOperator, (k, c, p) => new AsOperator(k, c, p)),
        (SyntaxKind.RangeOperator, (k, c, p) => new RangeOperator(k, c, p)),
        (SyntaxKind.InvokeOperator, (k, c, p) => new InvokeOperator(k, c, p)),
        (SyntaxKind.EvaluateOperator, (k, c, p) => new EvaluateOperator(k, c, p)),
        (SyntaxKind.OrderedExpression, (k, c, p) => new OrderedExpression(k, c, p)),
        (SyntaxKind.SimpleNamedExpression, (k, c, p) => new SimpleNamedExpression(k, c, p)),
        (SyntaxKind.FunctionCallExpression, (k, c, p) => new FunctionCallExpression(k, c, p)),
        (SyntaxKind.BinaryExpression, (k, c, p) => new BinaryExpression(k, c, p)),
        (SyntaxKind.UnaryMinusExpression, (k, c, p) => new UnaryExpression(k, c, p)),
        (SyntaxKind.UnaryPlusExpression, (k, c, p) => new UnaryExpression(k, c, p)),
        (SyntaxKind.InExpression, (k, c, p) => new InExpression(k, c, p)),
        (SyntaxKind.HasAnyExpression, (k, c, p) => new InExpression(k, c, p)),
        (SyntaxKind.HasAllExpression, (k, c, p) => new InExpression(k, c, p)),
        (SyntaxKind.BetweenExpression, (k, c, p) => new BetweenExpression(k, c, p)),
        (SyntaxKind.ElementExpression, (k, c, p) => new ElementExpression(k, c, p)),
        (SyntaxKind.BracketedExpression, (k, c, p) => new BracketedExpression(k, c, p)),
        (SyntaxKind.ToScalarExpression, (k, c, p) => new ToScalarExpression(k, c, p)),
        (SyntaxKind.ToTableExpression, (k, c, p) => new ToScalarExpression(k, c, p)),
        (SyntaxKind.CompoundNamedExpression, (k, c, p) => new CompoundNamedExpression(k, c, p)),
        (SyntaxKind.PipeExpression, (k, c, p) => new PipeExpression(k, c, p)),
        (SyntaxKind.ParenthesizedExpression, (k, c, p) => new ParenthesizedExpression(k, c, p)),
        (SyntaxKind.PathExpression, (k, c, p) => new PathExpression(k, c, p)),
        (SyntaxKind.NamedParameter, (k, c, p) => new NamedParameter(k, c, p)),
        (SyntaxKind.MaterializeExpression, (k, c, p) => new MaterializeExpression(k, c, p)),
        (SyntaxKind.NameAndTypeDeclaration, (k, c, p) => new NameAndTypeDeclaration(k, c, p)),
        (SyntaxKind.QueryBlock, (k, c, p) => new QueryBlock(k, c, p)),
        (SyntaxKind.LetStatement, (k, c, p) => new LetStatement(k, c, p)),
        (SyntaxKind.ExpressionStatement, (k, c, p) => new ExpressionStatement(k, c, p)),
        (SyntaxKind.FunctionDeclaration, (k, c, p) => new FunctionDeclaration(k, c, p)),
        (SyntaxKind.FunctionParameter, (k, c, p) => new FunctionParameter(k, c, p)),
        (SyntaxKind.FunctionBody, (k, c, p) => new FunctionBody(k, c, p)),
    ];

    // Indexed by kind, so making a node costs one array read.
    private static readonly Factory?[] s_byKind = BuildIndex();

    /// <summary>The kinds that have a typed class of their own.</summary>
    public static IEnumerable<SyntaxKind> TypedKinds => s_shapes.Select(s => s.Kind);

    public static SyntaxNode Create(SyntaxKind kind, SyntaxElement[] children, int position) =>
        s_byKind[(int)kind] is { } create ? create(kind, children, position) : new SyntaxNode(kind, children, position);

    private static Factory?[] BuildIndex()
    {
        // Every query operator without a row of its own is a QueryOperator; the rest of the kinds stay plain nodes.
        var index = new Factory?[Enum.GetValues<SyntaxKind>().Max(k => (int)k) + 1];
        Factory queryOperator = (k, c, p) => new QueryOperator(k, c, p);
        foreach (var info in SyntaxFacts.QueryOperators) index[(int)info.Kind] = queryOperator;
        foreach (var (kind, create) in s_shapes) index[(int)kind] = create;
        return index;
    }
}
