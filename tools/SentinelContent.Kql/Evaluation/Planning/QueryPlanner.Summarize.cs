using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Aggregates;
using SentinelContent.Kql.Evaluation.Operators;
using SentinelContent.Kql.Evaluation.Runtime;
using SentinelContent.Kql.Catalog;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Evaluation.Planning;

// summarize: hash grouping by the by-expressions, one aggregator per aggregate call. An aggregate inside a larger
// expression (round(avg(x), 2), dcount(a) > 5) is computed as a hidden column the expression then reads.
internal sealed partial class QueryPlanner
{
    /// <summary>Aggregate calls of the summarize being planned, mapped to the hidden column holding their result.</summary>
    private readonly Dictionary<SyntaxNode, string> _aggregateColumns = [];

    private sealed record AggregatePlan(string Function, SyntaxNode Call, IReadOnlyList<ScalarPlan?> Arguments, bool HasStar, IReadOnlyList<string> Names);

    private TabularEval PlanSummarize(SummarizeOperator op, TabularEval input)
    {
        var counter = 0;
        var groups = new List<(string Name, ScalarPlan Plan)>();
        foreach (var group in op.GroupBy)
            groups.Add((OutputNames(group, ref counter)[0], PlanScalar(group)));

        var aggregates = new List<AggregatePlan>();
        var outputs = new List<(IReadOnlyList<string> Names, AggregatePlan? Direct, ScalarPlan? Post)>();
        var hidden = 0;
        foreach (var item in op.Aggregates)
        {
            var names = _model.NamesOf(item);
            var value = SyntaxHelpers.ValueOf(item);
            if (value.Kind == SyntaxKind.FunctionCallExpression && IsAggregateCall(value))
            {
                var plan = PlanAggregate(value, names.Count > 0 ? names : OutputNames(item, ref counter));
                aggregates.Add(plan);
                outputs.Add((plan.Names, plan, null));
                continue;
            }

            // An expression over aggregates: each aggregate becomes a hidden column, then the expression runs on the result.
            foreach (var call in value.DescendantNodesAndSelf().Where(n => n.Kind == SyntaxKind.FunctionCallExpression && IsAggregateCall(n)).ToList())
            {
                var name = "$aggregate" + (++hidden).ToString(System.Globalization.CultureInfo.InvariantCulture);
                _aggregateColumns[call] = name;
                aggregates.Add(PlanAggregate(call, [name]));
            }

            outputs.Add((names.Count > 0 ? names : OutputNames(item, ref counter), null, PlanScalar(value)));
        }

        return context =>
        {
            var table = input(context);
            var keys = groups.Select(g => g.Plan.Eval(table, context)).ToArray();
            var (groupOfRow, firstRows) = Grouping.Group(keys, table.RowCount);
            // Without by-columns, an empty input still gives one row (count() is 0).
            var groupCount = groups.Count == 0 ? 1 : firstRows.Count;
            var rows = firstRows.ToArray();
            var result = new List<(string Name, Column Column)>();
            for (var g = 0; g < groups.Count; g++) result.Add((groups[g].Name, keys[g].Select(rows)));

            var summarizeGroups = new SummarizeGroups(groupOfRow, groupCount);
            var computed = new Dictionary<AggregatePlan, (IReadOnlyList<Column> Columns, List<string> Names)>();
            foreach (var aggregate in aggregates)
            {
                context.CheckBudget(op.Span);
                var star = aggregate.HasStar ? StarColumns(table, result.Select(r => r.Name).Concat(aggregate.Names)) : [];
                var aggregator = CreateAggregator(aggregate, table, star, context);
                aggregator.CheckBudget = () => context.CheckBudget(aggregate.Call.Span);
                try
                {
                    aggregator.AddAll(summarizeGroups);
                }
                catch (ValueTooLargeException e)
                {
                    throw Runtime.QueryContext.Failure(EvaluationDiagnostics.ValueTooLarge, aggregate.Call.Span, e.Message);
                }
                computed[aggregate] = (aggregator.Results(groupCount), [.. aggregate.Names, .. star.Select(c => c.Name)]);
            }

            var hiddenColumns = new List<(string, Column)>();
            foreach (var aggregate in aggregates.Where(a => a.Names.Count == 1 && a.Names[0].StartsWith('$')))
                hiddenColumns.Add((aggregate.Names[0], computed[aggregate].Columns[0]));
            var withHidden = Tables.From([.. result, .. hiddenColumns], rowCount: groupCount);

            foreach (var (names, direct, post) in outputs)
            {
                if (direct is not null)
                {
                    var (columns, allNames) = computed[direct];
                    for (var i = 0; i < columns.Count && i < allNames.Count; i++)
                        if (result.All(r => r.Name != allNames[i])) result.Add((allNames[i], columns[i]));
                }
                else
                {
                    result.Add((names[0], post!.Eval(withHidden, context)));
                }
            }

            return Tables.From(result, rowCount: groupCount);
        };
    }

    private bool IsAggregateCall(SyntaxNode call) =>
        _scope.Lookup(CallName(call)) is null && _catalog.Find(CallName(call), aggregateContext: true) is { Kind: FunctionKind.Aggregate };

    private AggregatePlan PlanAggregate(SyntaxNode call, IReadOnlyList<string> names)
    {
        var info = _catalog.Find(CallName(call), aggregateContext: true)!;
        if (AggregateFunctions.Find(info.Name) is null) throw Unsupported(call, $"the aggregate {info.Name}()");
        var arguments = Arguments(call);
        var planned = arguments.Select(a => a.Kind == SyntaxKind.StarExpression ? null : PlanScalar(a)).ToList();
        return new AggregatePlan(info.Name, call, planned, arguments.Any(a => a.Kind == SyntaxKind.StarExpression), names);
    }

    private Aggregator CreateAggregator(AggregatePlan plan, DataTable table, IReadOnlyList<(string Name, Column Column)> star, QueryContext context)
    {
        var columns = plan.Arguments.Where(a => a is not null).Select(a => a!.Eval(table, context)).ToList();
        var constants = plan.Arguments.Select(a => a is { IsConstant: true } ? a.Value : null).ToList();
        var call = new AggregateCall(columns, constants, table, TypeOf(plan.Call), context.Limits.MaxSetSize);
        return AggregateFunctions.Find(plan.Function)!(call, [.. star.Select(s => s.Column)]);
    }

    /// <summary>The input columns a `*` stands for: those whose names the output does not already have.</summary>
    private static List<(string Name, Column Column)> StarColumns(DataTable table, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.Ordinal);
        return [.. table.Named().Where(c => !used.Contains(c.Name))];
    }
}
