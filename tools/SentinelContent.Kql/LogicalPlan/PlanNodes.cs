using SentinelContent.Core.Text;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.LogicalPlan;

/// <summary>A column of a plan node's output, as the binder resolved it.</summary>
public sealed record PlanColumn(string Name, ScalarType Type);

/// <summary>
/// A scalar expression in the plan: its text, its type and the input columns it reads (the binder's column
/// symbols under it). <see cref="ReadsAll"/> when it reads every column without naming them (`*`, pack_all()).
/// </summary>
public sealed record PlanExpression(string Text, ScalarType Type, IReadOnlyList<string> Reads, bool ReadsAll = false);

/// <summary>An output column computed from an expression (extend, project, summarize).</summary>
public sealed record PlanAssignment(string Name, PlanExpression Value);

/// <summary>A sort key with its direction and null placement decided (the operator's defaults applied).</summary>
public sealed record PlanSortKey(PlanExpression Value, bool Descending, bool NullsFirst);

/// <summary>
/// A node of the logical plan: the intermediate representation between binding and evaluation. Immutable;
/// every node knows its output columns and where in the query it comes from.
/// </summary>
public abstract record PlanNode(TextSpan Span)
{
    public IReadOnlyList<PlanColumn> Output { get; init; } = [];

    /// <summary>The nodes whose rows this node reads, in order.</summary>
    public abstract IReadOnlyList<PlanNode> Inputs { get; }

    /// <summary>The node's name as printed (Scan, Filter, Join...).</summary>
    public abstract string Name { get; }

    /// <summary>This node and every node under it, depth first (a shared expansion is visited once).</summary>
    public IEnumerable<PlanNode> DescendantsAndSelf()
    {
        var seen = new HashSet<PlanNode>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<PlanNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!seen.Add(node)) continue;
            yield return node;
            for (var i = node.Inputs.Count - 1; i >= 0; i--) stack.Push(node.Inputs[i]);
        }
    }
}

/// <summary>Reads a table: only <see cref="Columns"/> of its <see cref="Width"/> columns are needed by the operators above.</summary>
public sealed record ScanNode(TextSpan Span, string Table, IReadOnlyList<PlanColumn> Columns, int Width) : PlanNode(Span)
{
    public override IReadOnlyList<PlanNode> Inputs => [];

    public override string Name => "Scan";
}

/// <summary>A reference to a let-bound table, computed once per run however often it is read.</summary>
public sealed record LetReferenceNode(TextSpan Span, string Let) : PlanNode(Span)
{
    public override IReadOnlyList<PlanNode> Inputs => [];

    public override string Name => "LetRef";
}

/// <summary>where: keeps the rows where every predicate holds, tested left to right on the rows still kept.</summary>
public sealed record FilterNode(TextSpan Span, PlanNode Input, IReadOnlyList<PlanExpression> Predicates) : PlanNode(Span)
{
    public override IReadOnlyList<PlanNode> Inputs => [Input];

    public override string Name => "Filter";
}

/// <summary>project and its kin (project-away, -keep, -rename, -reorder): the output columns and what each reads.</summary>
public sealed record ProjectNode(TextSpan Span, PlanNode Input, string Operator, IReadOnlyList<PlanAssignment> Columns) : PlanNode(Span)
{
    public override IReadOnlyList<PlanNode> Inputs => [Input];

    public override string Name => "Project";
}

/// <summary>extend (and serialize's assignments): the input's columns plus the assigned ones.</summary>
public sealed record ExtendNode(TextSpan Span, PlanNode Input, IReadOnlyList<PlanAssignment> Assignments) : PlanNode(Span)
{
    public override IReadOnlyList<PlanNode> Inputs => [Input];

    public override string Name => "Extend";
}

/// <summary>summarize: groups, then one value per aggregate per group.</summary>
public sealed record AggregateNode(
    TextSpan Span, PlanNode Input, IReadOnlyList<PlanAssignment> Groups, IReadOnlyList<PlanAssignment> Aggregates)
    : PlanNode(Span)
{
    public override IReadOnlyList<PlanNode> Inputs => [Input];

    public override string Name => "Aggregate";
}

/// <summary>sort / order by.</summary>
public sealed record SortNode(TextSpan Span, PlanNode Input, IReadOnlyList<PlanSortKey> Keys) : PlanNode(Span)
{
    public override IReadOnlyList<PlanNode> Inputs => [Input];

    public override string Name => "Sort";
}

/// <summary>top N by key.</summary>
public sealed record TopNode(TextSpan Span, PlanNode Input, PlanExpression Count, PlanSortKey Key) : PlanNode(Span)
{
    public override IReadOnlyList<PlanNode> Inputs => [Input];

    public override string Name => "Top";
}

/// <summary>take / limit / sample N.</summary>
public sealed record TakeNode(TextSpan Span, PlanNode Input, PlanExpression Count) : PlanNode(Span)
{
    public override IReadOnlyList<PlanNode> Inputs => [Input];

    public override string Name => "Take";
}

/// <summary>distinct of some columns (all of them for `distinct *`: then <see cref="Columns"/> is empty).</summary>
public sealed record DistinctNode(TextSpan Span, PlanNode Input, IReadOnlyList<PlanAssignment> Columns) : PlanNode(Span)
{
    public override IReadOnlyList<PlanNode> Inputs => [Input];

    public override string Name => "Distinct";
}

/// <summary>count: the number of input rows.</summary>
public sealed record CountNode(TextSpan Span, PlanNode Input) : PlanNode(Span)
{
    public override IReadOnlyList<PlanNode> Inputs => [Input];

    public override string Name => "Count";
}

/// <summary>join and lookup (<see cref="Lookup"/>: the right keys are dropped) on equal keys.</summary>
public sealed record JoinNode(
    TextSpan Span, PlanNode Left, PlanNode Right, JoinKind Kind, IReadOnlyList<string> LeftKeys, IReadOnlyList<string> RightKeys,
    bool Lookup)
    : PlanNode(Span)
{
    public override IReadOnlyList<PlanNode> Inputs => [Left, Right];

    public override string Name => Lookup ? "Lookup" : "Join";
}

/// <summary>union of its inputs; <see cref="SourceColumn"/> is withsource's column.</summary>
public sealed record UnionNode(TextSpan Span, IReadOnlyList<PlanNode> Parts, UnionKind Kind, string? SourceColumn) : PlanNode(Span)
{
    public override IReadOnlyList<PlanNode> Inputs => Parts;

    public override string Name => "Union";
}

/// <summary>A tabular argument of a function expansion: the parameter's name and the plan it is bound to.</summary>
public sealed record PlanArgument(string Parameter, PlanNode? Table, PlanExpression? Scalar);

/// <summary>
/// A user function expanded at a call (a let lambda, or a workspace function such as a parser): the arguments
/// bound to its parameters, its own lets, and the plan of its body. Calls with the same arguments share one expansion.
/// </summary>
public sealed record ExpandNode(
    TextSpan Span, string Function, bool Workspace, IReadOnlyList<PlanArgument> Arguments, IReadOnlyList<LetBinding> Lets, PlanNode Body)
    : PlanNode(Span)
{
    public override IReadOnlyList<PlanNode> Inputs =>
        [
            .. Arguments.Where(a => a.Table is not null).Select(a => a.Table!),
            .. Lets.Where(l => l.Table is not null).Select(l => l.Table!),
            Body,
        ];

    public override string Name => "Expand";
}

/// <summary>
/// An operator the plan does not model in detail (mv-expand, parse, evaluate, print, range, datatable...): it reads every
/// input column.
/// </summary>
public sealed record OperatorNode(TextSpan Span, string Operator, PlanNode? Input, IReadOnlyList<PlanExpression> Expressions)
    : PlanNode(Span)
{
    public override IReadOnlyList<PlanNode> Inputs => Input is null ? [] : [Input];

    public override string Name => "Operator";
}

/// <summary>A let statement: a table (a plan) or a scalar (an expression) computed once per run.</summary>
public sealed record LetBinding(string Name, PlanNode? Table, PlanExpression? Scalar);

/// <summary>The plan of a whole query: its lets in order, then its result.</summary>
public sealed record QueryPlan(IReadOnlyList<LetBinding> Lets, PlanNode Result)
{
    /// <summary>Every node of the plan: the lets' plans, then the result's, each node once.</summary>
    public IEnumerable<PlanNode> Nodes()
    {
        var seen = new HashSet<PlanNode>(ReferenceEqualityComparer.Instance);
        foreach (var root in Lets.Where(l => l.Table is not null).Select(l => l.Table!).Append(Result))
            foreach (var node in root.DescendantsAndSelf())
                if (seen.Add(node)) yield return node;
    }

    /// <summary>The plan as indented text, one node per line (what `sentinelctl query --explain` prints).</summary>
    public string ToText() => PlanPrinter.Text(this);

    /// <summary>The plan as JSON (`--explain --format json`).</summary>
    public string ToJson() => PlanPrinter.Json(this);
}
