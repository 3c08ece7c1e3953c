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

    /// <summary>The operator as Kusto spells it, lower case ("==", "!contains", "=~", "and"), whatever case it was written in.</summary>
    public string OperatorText => Operator.Text.ToLowerInvariant();
}

/// <summary>-x and +x.</summary>
public sealed class UnaryExpression : SyntaxNode
{
    internal UnaryExpression(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public SyntaxNode Operand => LastChildNode()!;
}

/// <summary>x in (...), x !in~ (...), x has_any (...), x has_all (...): the left value and the list (or subquery).</summary>
public sealed class InExpression : SyntaxNode
{
    internal InExpression(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public SyntaxNode Left => FirstChildNode()!;

    /// <summary>The ExpressionList after the operator: its items are scalars, or a subquery first.</summary>
    public SyntaxNode List => LastChildNode()!;

    /// <summary>The items of <see cref="List"/>.</summary>
    public IReadOnlyList<SyntaxNode> Items => List.Kind == SyntaxKind.ExpressionList
        ? [.. List.ChildNodes().SelectMany(SyntaxHelpers.Items)]
        : [List];

    /// <summary>!in and !in~.</summary>
    public bool IsNegated => GetToken(SyntaxKind.NotInKeyword) is not null || GetToken(SyntaxKind.NotInCsKeyword) is not null;

    /// <summary>in~ and !in~ compare without case.</summary>
    public bool IgnoresCase => GetToken(SyntaxKind.InCsKeyword) is not null || GetToken(SyntaxKind.NotInCsKeyword) is not null;
}

/// <summary>x between (low .. high) and x !between (low .. high).</summary>
public sealed class BetweenExpression : SyntaxNode
{
    internal BetweenExpression(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public SyntaxNode Left => FirstChildNode()!;

    /// <summary>The ExpressionCouple: ( low .. high ).</summary>
    private SyntaxNode Couple => LastChildNode()!;

    public SyntaxNode Low => Couple.FirstChildNode() ?? Couple;

    public SyntaxNode High => Couple.LastChildNode() ?? Couple;

    public bool IsNegated => GetToken(SyntaxKind.NotBetweenKeyword) is not null;
}

/// <summary>x[index] (the selector is a bracketed expression).</summary>
public sealed class ElementExpression : SyntaxNode
{
    internal ElementExpression(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public SyntaxNode Expression => FirstChildNode()!;

    /// <summary>The bracketed part, [index].</summary>
    public SyntaxNode Selector => LastChildNode()!;

    /// <summary>The index inside the brackets.</summary>
    public SyntaxNode Index => Selector is BracketedExpression bracketed ? bracketed.Expression : Selector;
}

/// <summary>[ expression ].</summary>
public sealed class BracketedExpression : SyntaxNode
{
    internal BracketedExpression(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public SyntaxNode Expression => FirstChildNode()!;
}

/// <summary>toscalar(expression) and totable(expression), with optional kind= parameters.</summary>
public sealed class ToScalarExpression : SyntaxNode
{
    internal ToScalarExpression(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    /// <summary>The query or scalar inside the parentheses (null when the text lacks it).</summary>
    public SyntaxNode? Expression
    {
        get
        {
            for (var i = Children.Count - 1; i >= 0; i--)
                if (Children[i] is SyntaxNode node && node.Kind is not (SyntaxKind.NamedParameter or SyntaxKind.List)) return node;
            return null;
        }
    }
}

/// <summary>(a, b) = expression: several names for the columns of one value.</summary>
public sealed class CompoundNamedExpression : SyntaxNode
{
    internal CompoundNamedExpression(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    /// <summary>The declared names, in order (null for a name error recovery inserted).</summary>
    public IReadOnlyList<string?> Names =>
        [.. FirstChildNode()!.DescendantNodesAndSelf().Where(n => n.Kind == SyntaxKind.NameDeclaration).Select(SyntaxHelpers.NameText)];

    public SyntaxNode Expression => LastChildNode()!;
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
