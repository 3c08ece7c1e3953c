using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Functions;
using SentinelContent.Kql.Evaluation.Runtime;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Evaluation.Planning;

// Items that give several columns: a call of a tuple function (series_stats, series_fit_line, array_sort_asc of
// several arrays...) as an item of extend, project or print. The binder names every column (NamesOf); the call is
// evaluated once and its columns take those names in order.
internal sealed partial class QueryPlanner
{
    /// <summary>The named columns one item gives, as a function of the input batch.</summary>
    private Func<DataTable, QueryContext, IReadOnlyList<(string Name, Column Column)>> PlanItemColumns(SyntaxNode item, IReadOnlyList<string> names, bool row = true)
    {
        if (names.Count > 1 && TupleCall(item) is { } tuple)
        {
            return (input, context) =>
            {
                var columns = tuple(input, context);
                return [.. names.Zip(columns, (name, column) => (name, column))];
            };
        }

        if (item.Kind == SyntaxKind.CompoundNamedExpression || names.Count > 1) throw Unsupported(item, "an expression giving several columns here");
        var plan = PlanScalar(item, row);
        var single = names[0];
        return (input, context) => [(single, plan.Eval(input, context))];
    }

    /// <summary>The tuple evaluation of an item whose value is a call of a tuple function, or null.</summary>
    private TupleEval? TupleCall(SyntaxNode item)
    {
        var value = SyntaxHelpers.ValueOf(item);
        while (value is ParenthesizedExpression parenthesized) value = parenthesized.Expression;
        if (value.Kind != SyntaxKind.FunctionCallExpression || _scope.Lookup(CallName(value)) is not null) return null;
        if (_catalog.Find(CallName(value)) is not { } info || TupleFunctions.Find(info.Name) is not { } implementation) return null;
        return implementation(PlanCallSite(value, Arguments(value)));
    }
}
