using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Evaluation.Functions;
using SentinelContent.Kql.Catalog;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Evaluation.Planning;

// Calls: let-declared functions and workspace functions are expanded at each call (their parameters bound to
// the arguments' plans); built-in scalar functions come from the implementation registry.
internal sealed partial class QueryPlanner
{
    /// <summary>A planned user-function call: a scalar or a table, depending on the body.</summary>
    private readonly record struct PlannedValue(ScalarPlan? Scalar, TabularEval? Table);

    private static IReadOnlyList<SyntaxNode> Arguments(SyntaxNode call) => ((FunctionCallExpression)call).Arguments;

    private static string CallName(SyntaxNode call) => ((FunctionCallExpression)call).Name;

    private ScalarPlan PlanScalarCall(SyntaxNode call)
    {
        if (_aggregateColumns.TryGetValue(call, out var hidden)) return ColumnReference(call, hidden, TypeOf(call));
        var name = CallName(call);
        var arguments = Arguments(call);
        if (_scope.Lookup(name) is FunctionEntry function)
            return PlanUserCall(function, name, arguments, call).Scalar ?? throw Invalid(call, $"{name}() returns a table, not a scalar");
        if (_workspaceFunctions.ContainsKey(name))
            return PlanWorkspaceCall(name, arguments, call).Scalar ?? throw Invalid(call, $"{name}() returns a table, not a scalar");

        var info = _catalog.Find(name) ?? throw Invalid(call, $"unknown function '{name}'");
        if (info.Kind == FunctionKind.Aggregate) throw Invalid(call, $"the aggregate {name}() can only be used in summarize (or make-series)");
        var implementation = ScalarFunctions.Find(info.Name)
            ?? throw (info.Offline is { } reason ? NotOffline(call, info.Name, reason) : Unsupported(call, $"the function {info.Name}()"));
        return ScalarPlan.Of(TypeOf(call), implementation(PlanCallSite(call, arguments)));
    }

    /// <summary>A built-in call's arguments planned: typeof(T) as its text, `*` as <see cref="ScalarPlan.Star"/>.</summary>
    private CallSite PlanCallSite(SyntaxNode call, IReadOnlyList<SyntaxNode> arguments)
    {
        var planned = arguments.Select(a => a.Kind switch
        {
            SyntaxKind.TypeOfLiteralExpression => ScalarPlan.Constant(Schema.ScalarType.String, a.ToFullString().Trim()),
            SyntaxKind.StarExpression => ScalarPlan.Star,
            _ => PlanScalar(a),
        }).ToArray();
        return new CallSite(call, planned, TypeOf(call))
        {
            ArgumentNames = [.. arguments.Select(a => a.Kind == SyntaxKind.NameReference ? SyntaxHelpers.NameText(a) : null)],
        };
    }

    private PlannedValue PlanUserCall(FunctionEntry function, string name, IReadOnlyList<SyntaxNode> arguments, SyntaxNode call)
    {
        if (_callDepth >= MaxCallDepth) throw Invalid(call, $"{name}() calls itself too deeply");
        var declaration = function.Declaration;
        var parameters = declaration.Parameters;
        var scope = new PlanScope(function.Scope);
        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Name is not { } parameterName) continue;
            var source = i < arguments.Count ? arguments[i] : parameters[i].Default;
            if (source is null) throw Invalid(call, $"{name}() needs a value for '{parameterName}'");
            scope.Declare(parameterName, parameters[i].IsTabular ? new TabularEntry(PlanTabular(source)) : new ScalarEntry(PlanScalar(source)));
        }

        var body = declaration.Body ?? throw Invalid(call, $"{name}() has no body");
        _callDepth++;
        try
        {
            return InScope(scope, () => PlanBody(body));
        }
        finally
        {
            _callDepth--;
        }
    }

    private PlannedValue PlanBody(FunctionBody body)
    {
        foreach (var let in body.Statements.OfType<LetStatement>()) PlanLet(let);

        var expression = body.Expression ?? throw Invalid(body, "the function body is empty");
        return IsTabular(expression) ? new PlannedValue(null, PlanTabular(expression)) : new PlannedValue(PlanScalar(expression), null);
    }

    /// <summary>
    /// A workspace function (from a functions file, or Sentinel's own like _GetWatchlist) is a query of its own:
    /// its constant arguments become let statements before its body, and the result is bound and planned apart.
    /// </summary>
    private PlannedValue PlanWorkspaceCall(string name, IReadOnlyList<SyntaxNode> arguments, SyntaxNode call)
    {
        var function = _workspaceFunctions[name];
        var parameters = KqlSyntaxTree.Parse($"let f = {function.Parameters} {{ 1 }};").Root.DescendantNodesAndSelf()
            .OfType<NameAndTypeDeclaration>().Select(n => n.Name).ToArray();
        var lets = new System.Text.StringBuilder();
        for (var i = 0; i < arguments.Count && i < parameters.Length; i++)
        {
            var argument = PlanScalar(arguments[i], row: false);
            if (!argument.IsConstant) throw Unsupported(arguments[i], $"a non-constant argument to the workspace function {name}()");
            lets.Append("let ").Append(parameters[i]).Append(" = ").Append(Values.LiteralText.Of(argument.Value)).Append(";\n");
        }

        var body = function.Body.Trim();
        if (body.StartsWith('{') && body.EndsWith('}')) body = body[1..^1];
        var model = KqlBinder.Bind(lets + body, _bindingContext);
        if (model.Tree.Diagnostics.Any(d => d.Severity == Core.Diagnostics.DiagnosticSeverity.Error) || model.Diagnostics.Any(d => d.Severity == Core.Diagnostics.DiagnosticSeverity.Error))
            throw Invalid(call, $"the workspace function {name}() does not compile");
        var planner = new QueryPlanner(model, _catalog, _workspaceFunctions, _bindingContext) { _callDepth = _callDepth + 1 };
        if (_callDepth >= MaxCallDepth) throw Invalid(call, $"{name}() calls itself too deeply");
        var plan = planner.PlanQuery();
        return new PlannedValue(null, plan);
    }
}
