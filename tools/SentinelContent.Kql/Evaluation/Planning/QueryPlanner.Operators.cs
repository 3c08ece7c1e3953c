using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Operators;
using SentinelContent.Kql.Evaluation.Runtime;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Evaluation.Planning;

// Row-wise and column-wise operators: where, take, sort, top, extend, project*, distinct, count, print, range, datatable.
internal sealed partial class QueryPlanner
{
    private TabularEval PlanFilter(FilterOperator op, TabularEval input)
    {
        // `where A and B` keeps the rows where both are true, as `where A | where B` does: each later conjunct is
        // computed only on the rows the earlier ones kept (a selective first test spares the rest most of the work).
        var predicates = Conjuncts(op.Condition).Select(c => PlanScalar(c)).ToArray();
        return context =>
        {
            var table = input(context);
            foreach (var predicate in predicates)
            {
                if (table.RowCount == 0) break;
                table = predicate.Filter is { } filter
                    ? RowSelection.Where(table, filter(table, context))
                    : RowSelection.Where(table, predicate.Eval(table, context));
            }

            return table;
        };
    }

    /// <summary>The operands of a chain of `and` at the top of a predicate, left to right.</summary>
    internal static IEnumerable<SyntaxNode> Conjuncts(SyntaxNode predicate) => predicate is BinaryExpression { Operator.Kind: SyntaxKind.AndKeyword } and
        ? Conjuncts(and.Left).Concat(Conjuncts(and.Right))
        : [predicate];

    private TabularEval PlanTake(SyntaxNode op, TabularEval input)
    {
        var count = PlanScalar(op is SampleOperator sample ? sample.Count : ((TakeOperator)op).Count, row: false);
        return context => RowSelection.Take(input(context), KqlValue.ToLong(count.Single(context)) ?? 0);
    }

    private SortKeyPlan PlanSortKey(OrderedKey key, bool defaultDescending)
    {
        var descending = key.Direction.IsDescending(defaultDescending);
        return new SortKeyPlan(PlanScalar(key.Expression), descending, key.Nulls.NullsFirst(descending));
    }

    private readonly record struct SortKeyPlan(ScalarPlan Value, bool Descending, bool NullsFirst);

    private static Func<DataTable, QueryContext, int[]> Ordering(IReadOnlyList<SortKeyPlan> keys) => (table, context) =>
        Sorting.Order(table.RowCount, [.. keys.Select(k => new SortKey(k.Value.Eval(table, context), k.Descending, k.NullsFirst))]);

    private TabularEval PlanSort(SortOperator op, TabularEval input)
    {
        var order = Ordering([.. op.Keys.Select(k => PlanSortKey(k, defaultDescending: true))]);
        return context =>
        {
            var table = input(context);
            return table.Select(order(table, context));
        };
    }

    private TabularEval PlanTop(TopOperator op, TabularEval input)
    {
        var count = PlanScalar(op.Count, row: false);
        var order = Ordering([PlanSortKey(op.Key, defaultDescending: true)]);
        return context =>
        {
            var table = input(context);
            var n = (int)Math.Clamp(KqlValue.ToLong(count.Single(context)) ?? 0, 0, int.MaxValue);
            return table.Select(order(table, context).Take(n).ToArray());
        };
    }

    /// <summary>The output names the binder gave an item, or a fallback when it gave none (an open input).</summary>
    private IReadOnlyList<string> OutputNames(SyntaxNode item, ref int counter)
    {
        var names = _model.NamesOf(item);
        if (names.Count > 0) return names;
        var name = item.Kind switch
        {
            SyntaxKind.SimpleNamedExpression => ((SimpleNamedExpression)item).Name,
            SyntaxKind.NameReference => SyntaxHelpers.NameText(item),
            _ => null,
        };
        return [name ?? "Column" + (++counter).ToString(System.Globalization.CultureInfo.InvariantCulture)];
    }

    private List<Func<DataTable, QueryContext, IReadOnlyList<(string Name, Column Column)>>> PlanItems(SyntaxNode op)
    {
        var counter = 0;
        return [.. OperatorItems(op).Select(item => PlanItemColumns(item, OutputNames(item, ref counter)))];
    }

    private TabularEval PlanExtend(SyntaxNode op, TabularEval input)
    {
        var items = PlanItems(op);
        return context =>
        {
            // Every item reads the input as it came (the binder resolves names against the input only).
            var source = input(context);
            var computed = items.SelectMany(item => item(source, context)).ToList();
            var table = source;
            foreach (var (name, column) in computed) table = Projection.AddOrReplace(table, name, column);
            return table;
        };
    }

    private TabularEval PlanProject(SyntaxNode op, TabularEval input)
    {
        var counter = 0;
        var steps = new List<Func<DataTable, QueryContext, IEnumerable<(string, Column)>>>();
        foreach (var item in OperatorItems(op))
        {
            if (IsWildcard(item))
            {
                var pattern = WildcardPattern(item);
                steps.Add((table, _) => table.Named().Where(c => Binder.WildcardMatches(pattern, c.Name)));
                continue;
            }

            var columns = PlanItemColumns(item, OutputNames(item, ref counter));
            steps.Add((table, context) => columns(table, context));
        }

        return context =>
        {
            var table = input(context);
            var columns = new List<(string, Column)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var step in steps)
                foreach (var column in step(table, context))
                    if (seen.Add(column.Item1)) columns.Add(column);
            return Tables.From(columns, rowCount: table.RowCount);
        };
    }

    private static bool IsWildcard(SyntaxNode node) => node.DescendantNodesAndSelf().Any(n => n.Kind is SyntaxKind.WildcardedName or SyntaxKind.BracketedWildcardedName);

    private static string WildcardPattern(SyntaxNode item) =>
        string.Concat(item.DescendantTokens().Where(t => t.Kind != SyntaxKind.OpenBracketToken && t.Kind != SyntaxKind.CloseBracketToken)
            .Select(t => t.Kind == SyntaxKind.StringLiteralToken ? SyntaxHelpers.StringValue(t.Text) : t.Text));

    /// <summary>The names of a project-away/keep/reorder item: a plain name, or every column a wildcard matches.</summary>
    private static Func<DataTable, IEnumerable<string>> Matcher(SyntaxNode item)
    {
        if (IsWildcard(item))
        {
            var pattern = WildcardPattern(item);
            return table => table.Schema.Columns.Select(c => c.Name).Where(n => Binder.WildcardMatches(pattern, n));
        }

        var name = SyntaxHelpers.NameText(item) ?? string.Empty;
        return table => table.Find(name) is null ? [] : [name];
    }

    private TabularEval PlanProjectAway(SyntaxNode op, TabularEval input)
    {
        var matchers = OperatorItems(op).Select(Matcher).ToArray();
        return context =>
        {
            var table = input(context);
            var away = matchers.SelectMany(m => m(table)).ToHashSet(StringComparer.Ordinal);
            return Tables.From([.. table.Named().Where(c => !away.Contains(c.Name))], rowCount: table.RowCount);
        };
    }

    private TabularEval PlanProjectKeep(SyntaxNode op, TabularEval input)
    {
        var matchers = OperatorItems(op).Select(Matcher).ToArray();
        return context =>
        {
            var table = input(context);
            var keep = matchers.SelectMany(m => m(table)).ToHashSet(StringComparer.Ordinal);
            return Tables.From([.. table.Named().Where(c => keep.Contains(c.Name))], rowCount: table.RowCount);
        };
    }

    /// <summary>
    /// project-reorder: the named columns first, in the order listed; a pattern's matches in schema order, or sorted
    /// when the item says asc/desc (by name) or granny-asc/granny-desc (numbers inside names compare as numbers).
    /// </summary>
    private TabularEval PlanProjectReorder(SyntaxNode op, TabularEval input)
    {
        var items = OperatorItems(op).Select(OrderedKey.Of).Select(k => (Match: Matcher(k.Expression), Order: k.Direction)).ToArray();
        return context =>
        {
            var table = input(context);
            var first = items.SelectMany(item => Ordered(item.Match(table), item.Order)).Distinct(StringComparer.Ordinal).ToList();
            var rest = table.Schema.Columns.Select(c => c.Name).Where(n => !first.Contains(n));
            return Tables.From([.. first.Concat(rest).Select(n => (n, table.Find(n)!))], rowCount: table.RowCount);
        };
    }

    private static IEnumerable<string> Ordered(IEnumerable<string> names, SortDirection order) => order switch
    {
        SortDirection.Ascending => names.Order(StringComparer.Ordinal),
        SortDirection.Descending => names.OrderDescending(StringComparer.Ordinal),
        SortDirection.NaturalAscending => names.Order(NaturalOrder.Instance),
        SortDirection.NaturalDescending => names.OrderDescending(NaturalOrder.Instance),
        _ => names,
    };

    /// <summary>"granny" order: runs of digits compare by their number, so a2 comes before a10.</summary>
    private sealed class NaturalOrder : IComparer<string>
    {
        public static readonly NaturalOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            x ??= string.Empty;
            y ??= string.Empty;
            int i = 0, j = 0;
            while (i < x.Length && j < y.Length)
            {
                if (char.IsDigit(x[i]) && char.IsDigit(y[j]))
                {
                    var si = i;
                    var sj = j;
                    while (i < x.Length && char.IsDigit(x[i])) i++;
                    while (j < y.Length && char.IsDigit(y[j])) j++;
                    var a = x[si..i].TrimStart('0');
                    var b = y[sj..j].TrimStart('0');
                    var byNumber = a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
                    if (byNumber != 0) return byNumber;
                }
                else
                {
                    if (x[i] != y[j]) return x[i].CompareTo(y[j]);
                    i++;
                    j++;
                }
            }
            return (x.Length - i).CompareTo(y.Length - j);
        }
    }

    private TabularEval PlanProjectRename(SyntaxNode op, TabularEval input)
    {
        var renames = OperatorItems(op).OfType<SimpleNamedExpression>()
            .Select(i => (To: i.Name!, From: SyntaxHelpers.NameText(i.Expression)!)).ToArray();
        return context =>
        {
            var table = input(context);
            var map = renames.ToDictionary(r => r.From, r => r.To, StringComparer.Ordinal);
            return Tables.From([.. table.Named().Select(c => (map.GetValueOrDefault(c.Name, c.Name), c.Column))], rowCount: table.RowCount);
        };
    }

    private TabularEval PlanDistinct(SyntaxNode op, TabularEval input)
    {
        var items = OperatorItems(op).ToList();
        if (items.Any(i => i.Kind == SyntaxKind.StarExpression))
            return context => Grouping.Distinct(input(context));
        var planned = PlanItems(op);
        return context =>
        {
            var table = input(context);
            var projected = Tables.From([.. planned.SelectMany(p => p(table, context))], rowCount: table.RowCount);
            return Grouping.Distinct(projected);
        };
    }

    private TabularEval PlanCount(SyntaxNode op, TabularEval input)
    {
        var name = _model.TypeOf(op)?.Table?.Columns.FirstOrDefault()?.Name ?? "Count";
        return context => Tables.From([(name, ColumnFactory.FromValues(ScalarType.Long, [(long)input(context).RowCount]))]);
    }

    private TabularEval PlanPrint(SyntaxNode op)
    {
        var counter = 0;
        var items = OperatorItems(op).Select(i => PlanItemColumns(i, OutputNames(i, ref counter), row: false)).ToList();
        return context => Tables.From([.. items.SelectMany(i => i(Tables.SingleRow, context))]);
    }

    private TabularEval PlanRange(RangeOperator op)
    {
        var name = op.Name ?? "Column1";
        var values = op.Bounds.Select(n => PlanScalar(n, row: false)).ToArray();
        if (values.Length != 3) throw Invalid(op, "range needs from, to and step");
        var type = TypeOf(op.Bounds[0]);
        return context =>
        {
            var column = RangeGenerator.Generate(values[0].Single(context), values[1].Single(context), values[2].Single(context), type, context.Limits.MaxRows)
                ?? throw QueryContext.Failure(EvaluationDiagnostics.RowLimit, op.Span, context.Limits.MaxRows);
            return Tables.From([(name, column)]);
        };
    }

    private TabularEval PlanDataTable(SyntaxNode node)
    {
        var schema = Child(node, SyntaxKind.RowSchema) ?? throw Invalid(node, "datatable needs a schema");
        var columns = schema.DescendantNodesAndSelf().Where(n => n.Kind == SyntaxKind.NameAndTypeDeclaration)
            .Select(n => (Name: SyntaxHelpers.NameText(Child(n, SyntaxKind.NameDeclaration))!, Type: SyntaxHelpers.TypeOf(Child(n, SyntaxKind.PrimitiveTypeExpression)))).ToArray();
        var values = node.ChildNodes().Where(n => n.Kind == SyntaxKind.List).SelectMany(l => l.ChildNodes()).Select(v => PlanScalar(v, row: false)).ToArray();
        if (columns.Length == 0) throw Invalid(node, "datatable needs at least one column");
        if (values.Length % columns.Length != 0) throw Invalid(node, $"datatable has {values.Length} values, not a multiple of its {columns.Length} columns");
        return context =>
        {
            var rows = values.Length / columns.Length;
            var result = new List<(string, Column)>();
            for (var c = 0; c < columns.Length; c++)
            {
                var cells = new object?[rows];
                for (var r = 0; r < rows; r++) cells[r] = values[r * columns.Length + c].Single(context);
                result.Add((columns[c].Name, ColumnFactory.FromValues(columns[c].Type, cells)));
            }

            return Tables.From(result);
        };
    }

    private TabularEval PlanInvoke(InvokeOperator op, TabularEval input)
    {
        var call = op.Call ?? throw Invalid(op, "invoke needs a function call");
        var name = CallName(call);
        if (_scope.Lookup(name) is not FunctionEntry function) throw Unsupported(op, $"invoke of {name}()");
        // invoke passes the input as the function's first argument: bind it under a fresh name the body cannot see otherwise.
        var scope = new PlanScope(_scope);
        const string inputName = "$invoke_input";
        scope.Declare(inputName, new TabularEntry(input));
        var arguments = Arguments(call);
        var first = KqlSyntaxTree.Parse($"['{inputName}']").Root.DescendantNodesAndSelf().First(n => n.Kind == SyntaxKind.NameReference);
        return InScope(scope, () => PlanUserCall(function, name, [first, .. arguments], call).Table) ?? throw Invalid(op, $"{name}() does not return a table");
    }
}
