using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Runtime;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Evaluation.Planning;

// Tabular expressions: table names, let-bound tables, function calls returning tables, pipes of operators.
internal sealed partial class QueryPlanner
{
    private TabularEval PlanTabular(SyntaxNode node)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (node.Kind)
        {
            case SyntaxKind.PipeExpression:
            {
                var children = node.ChildNodes().ToArray();
                var input = PlanTabular(children[0]);
                return children.Length > 1 ? PlanOperator(children[^1], input) : input;
            }

            case SyntaxKind.ParenthesizedExpression:
                return PlanTabular(node.ChildNodes().First());
            case SyntaxKind.MaterializeExpression:
                return Cached(PlanTabular(node.ChildNodes().First()));
            case SyntaxKind.NameReference:
                return PlanTableName(node);
            case SyntaxKind.FunctionCallExpression:
                return PlanTabularCall(node);
            case SyntaxKind.DataTableExpression:
                return PlanDataTable(node);
            case SyntaxKind.ExternalDataExpression:
                throw Unsupported(node, "externaldata (the engine reads no files or URLs; put the rows in the test's data)");
            default:
                if (IsQueryOperatorKind(node.Kind)) return PlanOperator(node, null);
                throw Unsupported(node, $"the tabular expression '{Describe(node)}'");
        }
    }

    private TabularEval PlanTableName(SyntaxNode node)
    {
        var name = SyntaxHelpers.NameText(node) ?? throw Invalid(node, "a table name is missing");
        switch (_scope.Lookup(name))
        {
            case TabularEntry table:
                return table.Plan;
            case FunctionEntry function:
                return PlanUserCall(function, name, [], node).Table ?? throw Invalid(node, $"'{name}' is a scalar, not a table");
            case ScalarEntry:
                throw Invalid(node, $"'{name}' is a scalar, not a table");
        }

        if (_workspaceFunctions.ContainsKey(name)) return PlanWorkspaceCall(name, [], node).Table!;
        var span = node.Span;
        return context => context.Table(name, span);
    }

    private TabularEval PlanTabularCall(SyntaxNode call)
    {
        var name = CallName(call);
        var arguments = Arguments(call);
        if (_scope.Lookup(name) is FunctionEntry function)
            return PlanUserCall(function, name, arguments, call).Table ?? throw Invalid(call, $"{name}() returns a scalar, not a table");
        if (_workspaceFunctions.ContainsKey(name))
            return PlanWorkspaceCall(name, arguments, call).Table ?? throw Invalid(call, $"{name}() returns a scalar, not a table");
        if (name == "table" && arguments.Count > 0)
        {
            var tableName = PlanScalar(arguments[0], row: false);
            if (!tableName.IsConstant || tableName.Value is not string text) throw Unsupported(call, "table() with a non-constant name");
            if (_scope.Lookup(text) is TabularEntry entry) return entry.Plan;
            var span = call.Span;
            return context => context.Table(text, span);
        }

        throw Unsupported(call, $"the tabular function {name}()");
    }

    /// <summary>The operator's input: the piped table, or the subquery's implicit input (mv-apply), or nothing for sources (print, range).</summary>
    private static TabularEval InputOf(TabularEval? input, SyntaxNode op) =>
        input ?? (context => context.ImplicitInput ?? throw Invalid(op, "this operator needs an input table"));

    private static IEnumerable<SyntaxNode> OperatorItems(SyntaxNode op) =>
        op.ChildNodes().Where(n => n.Kind == SyntaxKind.List).SelectMany(l => l.ChildNodes()).Where(n => n.Kind != SyntaxKind.NamedParameter);

    private static string? ParameterText(SyntaxNode op, string name)
    {
        foreach (var list in op.ChildNodes().Where(n => n.Kind == SyntaxKind.List))
            foreach (var parameter in list.ChildNodes().Where(n => n.Kind == SyntaxKind.NamedParameter))
                if (string.Equals(SyntaxHelpers.NameText(Child(parameter, SyntaxKind.NameDeclaration)), name, StringComparison.Ordinal))
                {
                    var value = parameter.ChildNodes().LastOrDefault();
                    return value is null ? null
                        : value.Kind is SyntaxKind.StringLiteralExpression ? SyntaxHelpers.StringValue(value)
                        : SyntaxHelpers.NameText(value) ?? string.Concat(value.DescendantTokens().Select(t => t.Text));
                }

        return null;
    }

    /// <summary>Each operator's evaluation checks the run's budget and row cap before returning its table.</summary>
    private static TabularEval Guarded(SyntaxNode op, TabularEval eval) => context =>
    {
        context.CheckBudget(op.Span);
        var result = eval(context);
        context.CheckRows(result.RowCount, op.Span);
        return result;
    };

    private TabularEval PlanOperator(SyntaxNode op, TabularEval? input) => Guarded(op, op.Kind switch
    {
        SyntaxKind.FilterOperator => PlanFilter(op, InputOf(input, op)),
        SyntaxKind.TakeOperator or SyntaxKind.SampleOperator => PlanTake(op, InputOf(input, op)),
        SyntaxKind.SortOperator => PlanSort(op, InputOf(input, op)),
        SyntaxKind.TopOperator => PlanTop(op, InputOf(input, op)),
        SyntaxKind.ExtendOperator or SyntaxKind.SerializeOperator => PlanExtend(op, InputOf(input, op)),
        SyntaxKind.ProjectOperator => PlanProject(op, InputOf(input, op)),
        SyntaxKind.ProjectAwayOperator => PlanProjectAway(op, InputOf(input, op)),
        SyntaxKind.ProjectKeepOperator => PlanProjectKeep(op, InputOf(input, op)),
        SyntaxKind.ProjectRenameOperator => PlanProjectRename(op, InputOf(input, op)),
        SyntaxKind.ProjectReorderOperator => PlanProjectReorder(op, InputOf(input, op)),
        SyntaxKind.SummarizeOperator => PlanSummarize(op, InputOf(input, op)),
        SyntaxKind.DistinctOperator => PlanDistinct(op, InputOf(input, op)),
        SyntaxKind.CountOperator => PlanCount(op, InputOf(input, op)),
        SyntaxKind.JoinOperator => PlanJoin(op, InputOf(input, op)),
        SyntaxKind.LookupOperator => PlanLookup(op, InputOf(input, op)),
        SyntaxKind.UnionOperator => PlanUnion(op, input),
        SyntaxKind.MvExpandOperator => PlanMvExpand(op, InputOf(input, op)),
        SyntaxKind.MvApplyOperator => PlanMvApply(op, InputOf(input, op)),
        SyntaxKind.ParseOperator or SyntaxKind.ParseWhereOperator => PlanParse(op, InputOf(input, op)),
        SyntaxKind.PrintOperator => PlanPrint(op),
        SyntaxKind.RangeOperator => PlanRange(op),
        SyntaxKind.EvaluateOperator => PlanEvaluate(op, InputOf(input, op)),
        SyntaxKind.InvokeOperator => PlanInvoke(op, InputOf(input, op)),
        SyntaxKind.AsOperator => PlanAs(op, InputOf(input, op)),
        SyntaxKind.RenderOperator or SyntaxKind.ExecuteAndCacheOperator => InputOf(input, op),
        SyntaxKind.GetSchemaOperator => PlanGetSchema(InputOf(input, op)),
        _ => throw Unsupported(op, $"the {OperatorName(op)} operator"),
    });

    private static string OperatorName(SyntaxNode op)
    {
        var first = op.DescendantTokens().FirstOrDefault(t => !t.IsMissing && t.Text.Length > 0);
        return first?.Text ?? op.Kind.ToString();
    }

    private TabularEval PlanAs(SyntaxNode op, TabularEval input)
    {
        var cached = Cached(input);
        if (SyntaxHelpers.NameText(Child(op, SyntaxKind.NameDeclaration)) is { } name) _scope.Declare(name, new TabularEntry(cached));
        return cached;
    }

    private static TabularEval PlanGetSchema(TabularEval input) => context =>
    {
        var table = input(context);
        var names = new List<object?>();
        var ordinals = new List<object?>();
        var dataTypes = new List<object?>();
        var columnTypes = new List<object?>();
        for (var i = 0; i < table.Schema.Columns.Count; i++)
        {
            var column = table.Schema.Columns[i];
            names.Add(column.Name);
            ordinals.Add((long)i);
            dataTypes.Add(Operators.TypeNames.DotNet(column.Type));
            columnTypes.Add(Schema.ScalarTypes.Name(column.Type));
        }

        return Tables.From([
            ("ColumnName", Values.ColumnFactory.FromValues(Schema.ScalarType.String, names)),
            ("ColumnOrdinal", Values.ColumnFactory.FromValues(Schema.ScalarType.Long, ordinals)),
            ("DataType", Values.ColumnFactory.FromValues(Schema.ScalarType.String, dataTypes)),
            ("ColumnType", Values.ColumnFactory.FromValues(Schema.ScalarType.String, columnTypes))]);
    };
}
