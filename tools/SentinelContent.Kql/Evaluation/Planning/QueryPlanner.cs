using SentinelContent.Core.Text;
using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Functions;
using SentinelContent.Kql.Catalog;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Evaluation.Planning;

/// <summary>
/// Turns a bound query into a tree of evaluation steps. Planning walks every expression the query holds, so an
/// operator, function or plugin the engine does not implement is found here (SC0801), before any row is read.
/// Names and types come from the binder's <see cref="SemanticModel"/>; the planner adds what running needs.
/// </summary>
internal sealed partial class QueryPlanner
{
    private const int MaxCallDepth = 32;

    private readonly SemanticModel _model;
    private readonly FunctionCatalog _catalog;
    private readonly IReadOnlyDictionary<string, WorkspaceFunction> _workspaceFunctions;
    private readonly BindingContext _bindingContext;
    private PlanScope _scope = new();
    private int _callDepth;

    /// <param name="workspaceFunctions">The bodies to run for workspace functions (which may differ from the schema-only ones the query was bound with).</param>
    public QueryPlanner(SemanticModel model, FunctionCatalog catalog, IReadOnlyDictionary<string, WorkspaceFunction> workspaceFunctions, BindingContext bindingContext)
    {
        _model = model;
        _catalog = catalog;
        _workspaceFunctions = workspaceFunctions;
        _bindingContext = bindingContext;
    }

    /// <summary>The plan of the query's result (its last expression statement); let statements before it are planned in order.</summary>
    public TabularEval PlanQuery()
    {
        TabularEval? result = null;
        foreach (var statement in ((QueryBlock)_model.Tree.Root).Statements)
        {
            if (statement is LetStatement let) PlanLet(let);
            else if (statement is ExpressionStatement { Expression: { } expression }) result = PlanResult(expression);
        }

        return result ?? (_ => Runtime.Tables.From([]));
    }

    /// <summary>A final expression that is a scalar (a bare `1 + 1` is not a query, but print is): its value as a one-cell table.</summary>
    private TabularEval PlanResult(SyntaxNode expression)
    {
        if (IsTabular(expression)) return PlanTabular(expression);
        var scalar = PlanScalar(expression, row: false);
        return context => Runtime.Tables.From([("print_0", scalar.Eval(Runtime.Tables.SingleRow, context))]);
    }

    private void PlanLet(LetStatement let)
    {
        var name = let.Name;
        var value = let.Value;
        if (name is null || value is null) return;
        _scope.Declare(name, PlanLetValue(value));
    }

    private ScopeEntry PlanLetValue(SyntaxNode value)
    {
        switch (value.Kind)
        {
            case SyntaxKind.FunctionDeclaration:
                return new FunctionEntry((FunctionDeclaration)value, _scope);
            case SyntaxKind.MaterializeExpression:
                return new TabularEntry(Cached(PlanTabular(((MaterializeExpression)value).Expression)));
            case SyntaxKind.EntityGroup:
                throw Unsupported(value, "entity_group");
        }

        if (IsTabular(value)) return new TabularEntry(Cached(PlanTabular(value)));
        var scalar = PlanScalar(value, row: false);
        if (scalar.IsConstant) return new ScalarEntry(scalar);
        // A let scalar is computed once per run, then used as a constant wherever it appears.
        var key = new object();
        return new ScalarEntry(ScalarPlan.Of(scalar.Type, (input, context) =>
            Values.ColumnFactory.Constant(scalar.Type, context.Once(key, () => scalar.Single(context)), input.RowCount)));
    }

    /// <summary>A tabular value computed once per run and shared by every reference (let, materialize).</summary>
    private static TabularEval Cached(TabularEval plan)
    {
        var key = new object();
        return context => context.Once(key, () => plan(context));
    }

    private bool IsTabular(SyntaxNode node) => _model.TypeOf(node) is { IsTabular: true } || SyntaxFacts.IsQueryOperator(node.Kind)
        || node.Kind is SyntaxKind.PipeExpression or SyntaxKind.DataTableExpression;

    private T InScope<T>(PlanScope scope, Func<T> plan)
    {
        var saved = _scope;
        _scope = scope;
        try
        {
            return plan();
        }
        finally
        {
            _scope = saved;
        }
    }

    internal static SyntaxNode? Child(SyntaxNode node, SyntaxKind kind) => SyntaxHelpers.Child(node, kind);

    internal static KqlEvaluationException Unsupported(SyntaxNode node, string what) =>
        Runtime.QueryContext.Failure(EvaluationDiagnostics.Unsupported, node.Span, what);

    internal static KqlEvaluationException NotOffline(SyntaxNode node, string function, string reason) =>
        Runtime.QueryContext.Failure(EvaluationDiagnostics.NotOffline, node.Span, function, reason);

    internal static KqlEvaluationException Invalid(SyntaxNode node, string message) =>
        Runtime.QueryContext.Failure(EvaluationDiagnostics.RuntimeError, node.Span, message);

    private static TextSpan SpanOf(SyntaxNode node) => node.Span;
}
