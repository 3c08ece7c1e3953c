using System.Text.RegularExpressions;
using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.LogicalPlan;

/// <summary>
/// Builds the logical plan from a bound query. It reads the binder's results only (output columns and their types,
/// the symbol each name refers to, output names of items, the workspace functions' declarations) and the typed syntax;
/// it resolves no name itself. Function calls are expanded once per distinct call (function and argument text).
/// </summary>
public sealed partial class PlanBuilder
{
    private const int MaxExpansionDepth = 32;

    private readonly SemanticModel _model;
    private readonly Dictionary<(FunctionSymbol, string), ExpandNode> _expansions = [];
    private int _depth;

    private PlanBuilder(SemanticModel model) => _model = model;

    /// <summary>The plan of a bound query, its scans narrowed to the columns the operators above them read.</summary>
    public static QueryPlan Build(SemanticModel model) => ColumnPruning.Apply(new PlanBuilder(model).BuildQuery());

    /// <summary>The plan as built, before column pruning (every scan reads its whole table).</summary>
    public static QueryPlan BuildUnpruned(SemanticModel model) => new PlanBuilder(model).BuildQuery();

    private QueryPlan BuildQuery()
    {
        var lets = new List<LetBinding>();
        PlanNode? result = null;
        foreach (var statement in ((QueryBlock)_model.Tree.Root).Statements)
        {
            if (statement is LetStatement let && BuildLet(let) is { } binding) lets.Add(binding);
            else if (statement is ExpressionStatement { Expression: { } expression }) result = BuildResult(expression);
        }

        return new QueryPlan(lets, result ?? new OperatorNode(_model.Tree.Root.Span, "(no result)", null, []));
    }

    private PlanNode BuildResult(SyntaxNode expression) => IsTabular(expression)
        ? BuildTabular(expression)
        : new OperatorNode(expression.Span, "print", null, [Expression(expression)])
        {
            Output = [new PlanColumn("print_0", ScalarOf(expression))],
        };

    private LetBinding? BuildLet(LetStatement let)
    {
        if (let.Name is not { } name || let.Value is not { } value) return null;
        return value switch
        {
            FunctionDeclaration => null, // a lambda: expanded where it is called
            MaterializeExpression materialize => new LetBinding(name, BuildTabular(materialize.Expression), null),
            _ when IsTabular(value) => new LetBinding(name, BuildTabular(value), null),
            _ => new LetBinding(name, null, Expression(value)),
        };
    }

    private bool IsTabular(SyntaxNode node) => _model.TypeOf(node) is { IsTabular: true } || SyntaxFacts.IsQueryOperator(node.Kind)
        || node.Kind is SyntaxKind.PipeExpression or SyntaxKind.DataTableExpression;

    private IReadOnlyList<PlanColumn> OutputOf(SyntaxNode node) =>
        _model.TypeOf(node)?.Table is { } table ? [.. table.Columns.Select(c => new PlanColumn(c.Name, c.Type))] : [];

    private ScalarType ScalarOf(SyntaxNode node) => _model.TypeOf(node)?.Scalar ?? ScalarType.Unknown;

    private PlanNode BuildTabular(SyntaxNode node)
    {
        switch (node)
        {
            case PipeExpression pipe:
                var input = BuildTabular(pipe.Input);
                return pipe.Operator == pipe.Input ? input : BuildOperator(pipe.Operator, input);
            case ParenthesizedExpression parenthesized:
                return BuildTabular(parenthesized.Expression);
            case MaterializeExpression materialize:
                return BuildTabular(materialize.Expression);
            case FunctionCallExpression call:
                return BuildCall(call, call.NameNode, call.Arguments);
            case QueryOperator op:
                return BuildOperator(op, null);
        }

        if (node.Kind == SyntaxKind.NameReference) return BuildName(node);
        return new OperatorNode(node.Span, Describe(node), null, []) { Output = OutputOf(node) };
    }

    private PlanNode BuildName(SyntaxNode node)
    {
        var name = SyntaxHelpers.NameText(node) ?? string.Empty;
        switch (_model.SymbolOf(node))
        {
            case TableSymbol table:
                var columns = table.Columns.Select(c => new PlanColumn(c.Name, c.Type)).ToList();
                return new ScanNode(node.Span, name, columns, columns.Count) { Output = columns };
            case VariableSymbol variable:
                return new LetReferenceNode(node.Span, name)
                {
                    Output = variable.Type.Table is { } t ? [.. t.Columns.Select(c => new PlanColumn(c.Name, c.Type))] : [],
                };
            case FunctionSymbol:
                return BuildCall(node, node, []);
            default:
                return new ScanNode(node.Span, name, [], 0) { Output = OutputOf(node) };
        }
    }

    /// <summary>A call of a let lambda or a workspace function: one expansion per function and argument text.</summary>
    private PlanNode BuildCall(SyntaxNode call, SyntaxNode? nameNode, IReadOnlyList<SyntaxNode> arguments)
    {
        var name = SyntaxHelpers.NameText(nameNode) ?? string.Empty;
        if (nameNode is null || _model.SymbolOf(nameNode) is not FunctionSymbol { Body: { } body } function || _depth >= MaxExpansionDepth)
        {
            if (name == "table" && arguments.Count == 1)
                return new ScanNode(call.Span, Text(arguments[0]), OutputOf(call), OutputOf(call).Count) { Output = OutputOf(call) };
            return new OperatorNode(call.Span, Text(call), null, [.. arguments.Select(Expression)]) { Output = OutputOf(call) };
        }

        var key = (function, string.Join(",", arguments.Select(Text)));
        if (_expansions.TryGetValue(key, out var shared)) return shared;
        _depth++;
        try
        {
            var bound = new List<PlanArgument>();
            for (var i = 0; i < function.Parameters.Count && i < arguments.Count; i++)
            {
                var parameter = function.Parameters[i];
                bound.Add(parameter.Type.IsTabular
                    ? new PlanArgument(parameter.Name, BuildTabular(arguments[i]), null)
                    : new PlanArgument(parameter.Name, null, Expression(arguments[i])));
            }

            var lets = body.Statements.OfType<LetStatement>().Select(BuildLet).OfType<LetBinding>().ToList();
            var result = body.Expression is { } expression
                ? BuildResult(expression)
                : new OperatorNode(body.Span, "(empty body)", null, []);
            var expansion = new ExpandNode(call.Span, function.Name, function.IsWorkspaceFunction, bound, lets, result)
            {
                Output = result.Output,
            };
            _expansions[key] = expansion;
            return expansion;
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>A scalar expression with the input columns it reads, as the binder resolved its names.</summary>
    private PlanExpression Expression(SyntaxNode node)
    {
        var reads = new List<string>();
        var all = false;
        foreach (var descendant in node.DescendantNodesAndSelf())
        {
            if (descendant.Kind == SyntaxKind.StarExpression) all = true;
            else if (descendant is FunctionCallExpression { Name: "pack_all" or "bag_pack_all" }) all = true;
            else if (_model.SymbolOf(descendant) is ColumnSymbol column && !reads.Contains(column.Name)) reads.Add(column.Name);
        }

        return new PlanExpression(Text(node), ScalarOf(node), reads, all);
    }

    private static string Text(SyntaxNode node) => Whitespace().Replace(node.ToFullString().Trim(), " ");

    private static string Describe(SyntaxNode node) => node.Kind switch
    {
        SyntaxKind.DataTableExpression => "datatable",
        SyntaxKind.ExternalDataExpression => "externaldata",
        _ => Text(node),
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
