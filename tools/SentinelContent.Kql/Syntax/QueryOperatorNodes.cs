namespace SentinelContent.Kql.Syntax;

/// <summary>
/// A query operator: what follows '|'. Every operator kind is at least this (see <see cref="SyntaxShapes"/>);
/// the kinds the binder and planner read closely have a subclass below with accessors for their parts.
/// </summary>
public class QueryOperator : SyntaxNode
{
    internal QueryOperator(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    /// <summary>The facts of this operator (keywords, declared parameters).</summary>
    public QueryOperatorInfo Info => SyntaxFacts.GetQueryOperator(Kind)!;

    /// <summary>The name=value parameters written before the operands (kind=inner, hint.strategy=shuffle...).</summary>
    public IEnumerable<NamedParameter> Parameters =>
        ChildNodes().Where(n => n.Kind == SyntaxKind.List).SelectMany(l => l.ChildNodes()).OfType<NamedParameter>();

    /// <summary>The value of the parameter <paramref name="name"/>, or null when it is not written.</summary>
    public SyntaxNode? ParameterValue(string name) => Parameters.FirstOrDefault(p => p.Name == name)?.Value;

    /// <summary>The text of a parameter's value: a string literal's value, a name, or the value's tokens.</summary>
    public string? ParameterText(string name) => ParameterValue(name) switch
    {
        null => null,
        { Kind: SyntaxKind.StringLiteralExpression } literal => SyntaxHelpers.StringValue(literal),
        var value => SyntaxHelpers.NameText(value) ?? string.Concat(value.DescendantTokens().Select(t => t.Text)),
    };

    /// <summary>The items of the operator's comma lists, parameters left out (extend's assignments, project's columns...).</summary>
    public IReadOnlyList<SyntaxNode> Expressions =>
        [
            .. ChildNodes().Where(n => n.Kind == SyntaxKind.List).SelectMany(l => l.ChildNodes())
                .Where(n => n.Kind != SyntaxKind.NamedParameter),
        ];
}

/// <summary>where / filter: keeps the rows where <see cref="Condition"/> is true.</summary>
public sealed class FilterOperator : QueryOperator
{
    internal FilterOperator(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public SyntaxNode Condition => LastNonList()!;
}

/// <summary>take / limit.</summary>
public sealed class TakeOperator : QueryOperator
{
    internal TakeOperator(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public SyntaxNode Count => LastNonList()!;
}

/// <summary>sample N (taken as take N: any N rows are a sample).</summary>
public sealed class SampleOperator : QueryOperator
{
    internal SampleOperator(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public SyntaxNode Count => LastNonList()!;
}

/// <summary>sort / order by keys.</summary>
public sealed class SortOperator : QueryOperator
{
    internal SortOperator(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public IReadOnlyList<OrderedKey> Keys => [.. SyntaxHelpers.Items(ListAt(1)).Select(OrderedKey.Of)];
}

/// <summary>top N by key.</summary>
public sealed class TopOperator : QueryOperator
{
    internal TopOperator(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public SyntaxNode Count => ChildNodes().First(n => n.Kind != SyntaxKind.List);

    public OrderedKey Key => OrderedKey.Of(LastNonList()!);
}

/// <summary>summarize aggregates by groups.</summary>
public sealed class SummarizeOperator : QueryOperator
{
    internal SummarizeOperator(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    /// <summary>The aggregate expressions (before `by`).</summary>
    public IReadOnlyList<SyntaxNode> Aggregates => [.. SyntaxHelpers.Items(ListAt(1))];

    /// <summary>The group-by expressions, the legacy `bin=` one last.</summary>
    public IReadOnlyList<SyntaxNode> GroupBy =>
        ChildOfKind(SyntaxKind.SummarizeByClause) is { } by ? [.. by.ChildNodes().SelectMany(SyntaxHelpers.Items)] : [];

    public bool HasByClause => ChildOfKind(SyntaxKind.SummarizeByClause) is not null;
}

/// <summary>join and lookup: the right side and the condition (the left side is the pipe's input).</summary>
public class JoinOperator : QueryOperator
{
    internal JoinOperator(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    /// <summary>The kind= word as written, or null when absent.</summary>
    public string? KindText => ParameterText("kind");

    /// <summary>The join kind; the operator's default when kind= is absent; null for a word that is no join kind.</summary>
    public JoinKind? JoinKind => KindText is { } text ? SyntaxEnums.ParseJoinKind(text) : DefaultKind;

    private protected virtual JoinKind DefaultKind => Syntax.JoinKind.InnerUnique;

    public SyntaxNode Right =>
        ChildNodes().First(n => n.Kind is not (SyntaxKind.List or SyntaxKind.JoinOnClause or SyntaxKind.JoinWhereClause));

    /// <summary>The on- or where-clause, if any.</summary>
    public SyntaxNode? Condition => ChildNodes().FirstOrDefault(n => n.Kind is SyntaxKind.JoinOnClause or SyntaxKind.JoinWhereClause);

    /// <summary>The items of the condition: `on a, $left.b == $right.c`'s items, or `where`'s predicate.</summary>
    public IReadOnlyList<SyntaxNode> ConditionItems =>
        Condition is { } condition ? [.. condition.ChildNodes().SelectMany(SyntaxHelpers.Items)] : [];

    /// <summary>The items of `on a, $left.b == $right.c` (empty without an on-clause).</summary>
    public IReadOnlyList<SyntaxNode> On =>
        ChildOfKind(SyntaxKind.JoinOnClause) is { } on ? [.. on.ChildNodes().SelectMany(SyntaxHelpers.Items)] : [];
}

/// <summary>lookup: a join whose default kind is leftouter and whose right keys are dropped.</summary>
public sealed class LookupOperator : JoinOperator
{
    internal LookupOperator(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    private protected override JoinKind DefaultKind => Syntax.JoinKind.LeftOuter;
}

/// <summary>union of tables.</summary>
public sealed class UnionOperator : QueryOperator
{
    internal UnionOperator(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public UnionKind UnionKind => ParameterText("kind") == "inner" ? UnionKind.Inner : UnionKind.Outer;

    /// <summary>withsource= / with_source=: the name of the column that says which table a row came from.</summary>
    public string? WithSource => ParameterText("withsource") ?? ParameterText("with_source");

    public IReadOnlyList<SyntaxNode> Operands => Expressions;
}

/// <summary>count [as Name].</summary>
public sealed class CountOperator : QueryOperator
{
    internal CountOperator(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public string? AsName => ChildOfKind(SyntaxKind.CountAsIdentifierClause)?.DescendantTokens()
        .LastOrDefault(t => t.Kind == SyntaxKind.IdentifierToken && !t.IsMissing)?.Text;
}

/// <summary>as Name.</summary>
public sealed class AsOperator : QueryOperator
{
    internal AsOperator(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public string? Name => SyntaxHelpers.NameText(ChildOfKind(SyntaxKind.NameDeclaration));
}

/// <summary>range Name from A to B step C.</summary>
public sealed class RangeOperator : QueryOperator
{
    internal RangeOperator(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public string? Name => SyntaxHelpers.NameText(ChildOfKind(SyntaxKind.NameDeclaration));

    /// <summary>from, to and step, in that order (fewer when the text lacks some).</summary>
    public IReadOnlyList<SyntaxNode> Bounds => [.. ChildNodes().Where(n => n.Kind != SyntaxKind.NameDeclaration)];
}

/// <summary>invoke f(...): calls a tabular function with the input as its first argument.</summary>
public sealed class InvokeOperator : QueryOperator
{
    internal InvokeOperator(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public FunctionCallExpression? Call => ChildNodes().OfType<FunctionCallExpression>().FirstOrDefault();
}

/// <summary>evaluate plugin(...) [: schema].</summary>
public sealed class EvaluateOperator : QueryOperator
{
    internal EvaluateOperator(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public FunctionCallExpression? Call => ChildNodes().OfType<FunctionCallExpression>().FirstOrDefault();
}
