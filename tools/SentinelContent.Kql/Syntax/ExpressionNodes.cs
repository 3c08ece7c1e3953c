namespace SentinelContent.Kql.Syntax;

/// <summary>A sort key as written: the expression, its direction and where its nulls go (both Unspecified when not said).</summary>
public readonly record struct OrderedKey(SyntaxNode Expression, SortDirection Direction, NullsOrder Nulls)
{
    /// <summary>The key of a list item: an <see cref="OrderedExpression"/>, or a plain expression with no ordering.</summary>
    public static OrderedKey Of(SyntaxNode item) => item is OrderedExpression ordered
        ? new OrderedKey(ordered.Expression, ordered.Direction, ordered.Nulls)
        : new OrderedKey(item, SortDirection.Unspecified, NullsOrder.Unspecified);
}

/// <summary>expr asc|desc|granny-asc|granny-desc [nulls first|last].</summary>
public sealed class OrderedExpression : SyntaxNode
{
    internal OrderedExpression(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public SyntaxNode Expression => FirstChildNode()!;

    private SyntaxNode? Ordering => ChildOfKind(SyntaxKind.OrderingClause);

    public SortDirection Direction =>
        Ordering?.Children.OfType<SyntaxToken>().Select(t => SyntaxEnums.DirectionOf(t.Kind))
            .FirstOrDefault(d => d != SortDirection.Unspecified)
        ?? SortDirection.Unspecified;

    public NullsOrder Nulls => Ordering is { } ordering && SyntaxHelpers.Child(ordering, SyntaxKind.OrderingNullsClause) is { } nulls
        ? nulls.Children.OfType<SyntaxToken>().Any(t => t.Kind == SyntaxKind.FirstKeyword && !t.IsMissing) ? NullsOrder.First
        : nulls.Children.OfType<SyntaxToken>().Any(t => t.Kind == SyntaxKind.LastKeyword && !t.IsMissing) ? NullsOrder.Last
        : NullsOrder.Unspecified
        : NullsOrder.Unspecified;
}

/// <summary>Name = expression (in extend, project, summarize...).</summary>
public sealed class SimpleNamedExpression : SyntaxNode
{
    internal SimpleNamedExpression(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public SyntaxNode? NameNode => ChildOfKind(SyntaxKind.NameDeclaration);

    /// <summary>The declared name; null when error recovery inserted it.</summary>
    public string? Name => SyntaxHelpers.NameText(NameNode);

    public SyntaxNode Expression => LastChildNode()!;
}

/// <summary>name(arguments).</summary>
public sealed class FunctionCallExpression : SyntaxNode
{
    internal FunctionCallExpression(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public SyntaxNode? NameNode => ChildOfKind(SyntaxKind.NameReference);

    /// <summary>The function's name ("" when it is missing).</summary>
    public string Name => SyntaxHelpers.NameText(NameNode) ?? string.Empty;

    public IReadOnlyList<SyntaxNode> Arguments =>
        ChildOfKind(SyntaxKind.ExpressionList) is { } list ? [.. SyntaxHelpers.Items(SyntaxHelpers.FirstList(list))] : [];
}

/// <summary>left op right, for every binary operator (arithmetic, comparison, and/or, string operators).</summary>
public sealed class BinaryExpression : SyntaxNode
{
    internal BinaryExpression(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public SyntaxNode Left => (SyntaxNode)Children[0];

    public SyntaxToken Operator => (SyntaxToken)Children[1];

    public SyntaxNode Right => (SyntaxNode)Children[^1];
}

/// <summary>input | operator.</summary>
public sealed class PipeExpression : SyntaxNode
{
    internal PipeExpression(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public SyntaxNode Input => FirstChildNode()!;

    public SyntaxNode Operator => LastChildNode()!;
}

/// <summary>( expression ).</summary>
public sealed class ParenthesizedExpression : SyntaxNode
{
    internal ParenthesizedExpression(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public SyntaxNode Expression => FirstChildNode()!;
}

/// <summary>expression.selector ($left.Column, bag.field, database("x").T).</summary>
public sealed class PathExpression : SyntaxNode
{
    internal PathExpression(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public SyntaxNode Expression => FirstChildNode()!;

    public SyntaxNode Selector => LastChildNode()!;
}

/// <summary>name=value before an operator's operands.</summary>
public sealed class NamedParameter : SyntaxNode
{
    internal NamedParameter(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public string? Name => SyntaxHelpers.NameText(ChildOfKind(SyntaxKind.NameDeclaration));

    public SyntaxNode? Value => LastChildNode();
}

/// <summary>materialize(expression).</summary>
public sealed class MaterializeExpression : SyntaxNode
{
    internal MaterializeExpression(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public SyntaxNode Expression => FirstChildNode()!;
}

/// <summary>Name: type (a function parameter, a datatable column).</summary>
public sealed class NameAndTypeDeclaration : SyntaxNode
{
    internal NameAndTypeDeclaration(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public string? Name => SyntaxHelpers.NameText(ChildOfKind(SyntaxKind.NameDeclaration));

    /// <summary>The scalar type (int, string...), or null for a tabular one.</summary>
    public SyntaxNode? ScalarType => ChildOfKind(SyntaxKind.PrimitiveTypeExpression);

    /// <summary>True for a tabular parameter: T: (*) or T: (A: string).</summary>
    public bool IsTabular => ChildOfKind(SyntaxKind.SchemaTypeExpression) is not null;
}
