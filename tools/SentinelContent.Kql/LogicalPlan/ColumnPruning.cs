namespace SentinelContent.Kql.LogicalPlan;

/// <summary>
/// Projection pushdown on the plan: each node is told which of its output columns the nodes above read (null: all of
/// them), works out which input columns it needs for that, and each scan keeps only those of its table's columns.
/// A let's table needs what all its references need together.
/// </summary>
public static class ColumnPruning
{
    public static QueryPlan Apply(QueryPlan plan)
    {
        var pruner = new Pruner();
        var result = pruner.Prune(plan.Result, null);
        var lets = new LetBinding[plan.Lets.Count];
        // Later lets may read earlier ones, so they are pruned last to first.
        for (var i = plan.Lets.Count - 1; i >= 0; i--)
        {
            var let = plan.Lets[i];
            lets[i] = let.Table is null ? let : let with { Table = pruner.Prune(let.Table, pruner.LetNeeds(let.Name)) };
        }

        return new QueryPlan(lets, result);
    }

    private sealed class Pruner
    {
        // Per let name: the union of the columns its references need; null once one reference needs everything.
        private readonly Dictionary<string, HashSet<string>?> _letNeeds = new(StringComparer.Ordinal);
        private readonly Dictionary<ExpandNode, ExpandNode> _pruned = new(ReferenceEqualityComparer.Instance);

        public HashSet<string>? LetNeeds(string name) => _letNeeds.TryGetValue(name, out var needs) ? needs : [];

        public PlanNode Prune(PlanNode node, HashSet<string>? needed) => node switch
        {
            ScanNode scan => scan with
            {
                Columns = needed is null || scan.Width == 0 ? scan.Columns : [.. scan.Columns.Where(c => needed.Contains(c.Name))],
            },
            LetReferenceNode reference => Note(reference, needed),
            FilterNode filter => filter with { Input = Prune(filter.Input, Union(needed, filter.Predicates)) },
            ProjectNode project => project with { Input = Prune(project.Input, Reads(project.Columns.Select(c => c.Value))) },
            ExtendNode extend => extend with { Input = Prune(extend.Input, ExtendNeeds(extend, needed)) },
            AggregateNode aggregate => aggregate with
            {
                Input = Prune(aggregate.Input, Reads(aggregate.Groups.Concat(aggregate.Aggregates).Select(a => a.Value))),
            },
            SortNode sort => sort with { Input = Prune(sort.Input, Union(needed, sort.Keys.Select(k => k.Value))) },
            TopNode top => top with { Input = Prune(top.Input, Union(needed, [top.Key.Value])) },
            TakeNode take => take with { Input = Prune(take.Input, needed) },
            DistinctNode distinct => distinct with
            {
                Input = Prune(distinct.Input, distinct.Columns.Count == 0 ? null : Reads(distinct.Columns.Select(c => c.Value))),
            },
            CountNode count => count with { Input = Prune(count.Input, []) },
            JoinNode join => PruneJoin(join, needed),
            UnionNode union => union with { Parts = [.. union.Parts.Select(p => Prune(p, Without(needed, union.SourceColumn)))] },
            ExpandNode expand => PruneExpansion(expand, needed),
            OperatorNode op => op with { Input = op.Input is null ? null : Prune(op.Input, null) },
            _ => node,
        };

        private PlanNode Note(LetReferenceNode reference, HashSet<string>? needed)
        {
            if (!_letNeeds.TryGetValue(reference.Let, out var so))
                _letNeeds[reference.Let] = needed is null ? null : [.. needed];
            else if (so is not null)
            {
                if (needed is null) _letNeeds[reference.Let] = null;
                else so.UnionWith(needed);
            }

            return reference;
        }

        /// <summary>An expansion shared by several calls is pruned once, for everything (its callers may need different columns).</summary>
        private ExpandNode PruneExpansion(ExpandNode expand, HashSet<string>? needed)
        {
            if (_pruned.TryGetValue(expand, out var done)) return done;
            var arguments = expand.Arguments.Select(a => a.Table is null ? a : a with { Table = Prune(a.Table, null) }).ToList();
            var body = Prune(expand.Body, needed);
            var lets = expand.Lets.Select(l => l.Table is null ? l : l with { Table = Prune(l.Table, LetNeeds(l.Name)) }).ToList();
            var result = expand with { Arguments = arguments, Body = body, Lets = lets };
            _pruned[expand] = result;
            return result;
        }

        private PlanNode PruneJoin(JoinNode join, HashSet<string>? needed)
        {
            if (needed is null) return join with { Left = Prune(join.Left, null), Right = Prune(join.Right, null) };
            var leftNames = join.Left.Output.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            var left = new HashSet<string>(needed.Where(leftNames.Contains).Concat(join.LeftKeys), StringComparer.Ordinal);
            // A right column named like a left one comes out renamed (Key1): keep every clash, they are few.
            var rightNames = join.Right.Output.Select(c => c.Name).Where(n => needed.Contains(n) || leftNames.Contains(n));
            var right = new HashSet<string>(rightNames.Concat(join.RightKeys), StringComparer.Ordinal);
            if (join.LeftKeys.Count == 0) (left, right) = ([.. leftNames], [.. join.Right.Output.Select(c => c.Name)]);
            return join with { Left = Prune(join.Left, left), Right = Prune(join.Right, right) };
        }

        private static HashSet<string>? ExtendNeeds(ExtendNode extend, HashSet<string>? needed)
        {
            if (needed is null) return null;
            var assigned = extend.Assignments.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
            var passThrough = needed.Where(n => !assigned.Contains(n));
            return Union([.. passThrough], extend.Assignments.Where(a => needed.Contains(a.Name)).Select(a => a.Value));
        }

        private static HashSet<string>? Union(HashSet<string>? needed, IEnumerable<PlanExpression> expressions) =>
            needed is null ? null : Reads(expressions) is { } reads ? [.. reads, .. needed] : null;

        private static HashSet<string>? Reads(IEnumerable<PlanExpression> expressions)
        {
            var reads = new HashSet<string>(StringComparer.Ordinal);
            foreach (var expression in expressions)
            {
                if (expression.ReadsAll) return null;
                reads.UnionWith(expression.Reads);
            }

            return reads;
        }

        private static HashSet<string>? Without(HashSet<string>? needed, string? column) =>
            needed is null || column is null ? needed : [.. needed.Where(n => n != column)];
    }
}
