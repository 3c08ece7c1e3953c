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
                var pipe = (PipeExpression)node;
                var input = PlanTabular(pipe.Input);
                return pipe.Operator != pipe.Input ? PlanOperator(pipe.Operator, input) : input;
            }

            case SyntaxKind.ParenthesizedExpression:
                return PlanTabular(((ParenthesizedExpression)node).Expression);
            case SyntaxKind.MaterializeExpression:
                return Cached(PlanTabular(((MaterializeExpression)node).Expression));
            case SyntaxKind.NameReference:
                return PlanTableName(node);
            case SyntaxKind.FunctionCallExpression:
                return PlanTabularCall(node);
            case SyntaxKind.DataTableExpression:
                return PlanDataTable(node);
            case SyntaxKind.ExternalDataExpression:
                throw Unsupported(node, "externaldata (the engine reads no files or URLs; put the rows in the test's data)");
            default:
                if (SyntaxFacts.IsQueryOperator(node.Kind)) return PlanOperator(node, null);
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
        if (AsimParserNamed(name) is { } asim) return PlanAsimCall(asim, []);
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
        if (AsimParserNamed(name) is { } parser)
            return PlanAsimCall(parser, arguments);
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

    private static IReadOnlyList<SyntaxNode> OperatorItems(SyntaxNode op) => ((QueryOperator)op).Expressions;

    private static string? ParameterText(SyntaxNode op, string name) => ((QueryOperator)op).ParameterText(name);

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
        SyntaxKind.FilterOperator => PlanFilter((FilterOperator)op, InputOf(input, op)),
        SyntaxKind.TakeOperator or SyntaxKind.SampleOperator => PlanTake(op, InputOf(input, op)),
        SyntaxKind.SortOperator => PlanSort((SortOperator)op, InputOf(input, op)),
        SyntaxKind.TopOperator => PlanTop((TopOperator)op, InputOf(input, op)),
        SyntaxKind.ExtendOperator or SyntaxKind.SerializeOperator => PlanExtend(op, InputOf(input, op)),
        SyntaxKind.ProjectOperator => PlanProject(op, InputOf(input, op)),
        SyntaxKind.ProjectAwayOperator => PlanProjectAway(op, InputOf(input, op)),
        SyntaxKind.ProjectKeepOperator => PlanProjectKeep(op, InputOf(input, op)),
        SyntaxKind.ProjectRenameOperator => PlanProjectRename(op, InputOf(input, op)),
        SyntaxKind.ProjectReorderOperator => PlanProjectReorder(op, InputOf(input, op)),
        SyntaxKind.SummarizeOperator => PlanSummarize((SummarizeOperator)op, InputOf(input, op)),
        SyntaxKind.DistinctOperator => PlanDistinct(op, InputOf(input, op)),
        SyntaxKind.CountOperator => PlanCount(op, InputOf(input, op)),
        SyntaxKind.JoinOperator or SyntaxKind.LookupOperator => PlanJoin((JoinOperator)op, InputOf(input, op)),
        SyntaxKind.UnionOperator => PlanUnion((UnionOperator)op, input),
        SyntaxKind.MvExpandOperator => PlanMvExpand(op, InputOf(input, op)),
        SyntaxKind.MvApplyOperator => PlanMvApply(op, InputOf(input, op)),
        SyntaxKind.ParseOperator or SyntaxKind.ParseWhereOperator => PlanParse(op, InputOf(input, op)),
        SyntaxKind.PrintOperator => PlanPrint(op),
        SyntaxKind.RangeOperator => PlanRange((RangeOperator)op),
        SyntaxKind.EvaluateOperator => PlanEvaluate(op, InputOf(input, op)),
        SyntaxKind.InvokeOperator => PlanInvoke((InvokeOperator)op, InputOf(input, op)),
        SyntaxKind.AsOperator => PlanAs((AsOperator)op, InputOf(input, op)),
        SyntaxKind.RenderOperator or SyntaxKind.ExecuteAndCacheOperator => InputOf(input, op),
        SyntaxKind.GetSchemaOperator => PlanGetSchema(InputOf(input, op)),
        _ => throw Unsupported(op, $"the {OperatorName(op)} operator"),
    });

    /// <summary>The operator's keyword as the query wrote it (order, not sort), for messages.</summary>
    private static string OperatorName(SyntaxNode op) =>
        op.DescendantTokens().FirstOrDefault(t => !t.IsMissing && t.Text.Length > 0)?.Text ?? op.Kind.ToString();

    private TabularEval PlanAs(AsOperator op, TabularEval input)
    {
        var cached = Cached(input);
        if (op.Name is { } name) _scope.Declare(name, new TabularEntry(cached));
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
