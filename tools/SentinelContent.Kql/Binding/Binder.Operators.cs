using SentinelContent.Kql.Syntax;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Binding;

// Tabular operators: each takes its input's schema and yields its output's schema.
internal sealed partial class Binder
{
    private static bool IsQueryOperator(SyntaxKind kind) => SyntaxFacts.IsQueryOperator(kind);

    private TableSymbol BindPipe(PipeExpression pipe)
    {
        var input = Bind(pipe.Input, null);
        var table = input.Table;
        if (table is null)
        {
            if (input.Scalar != ScalarType.Unknown)
                Report(KqlSemanticDiagnostics.NotTabular, pipe.Input.Span, pipe.Input.ToFullString().Trim());
            table = TableSymbol.Unknown;
        }

        return pipe.Operator != pipe.Input ? BindOperator(pipe.Operator, table) : table;
    }

    /// <summary>Binds one query operator over <paramref name="input"/> (null for operators that start a query).</summary>
    private TableSymbol BindOperator(SyntaxNode op, TableSymbol? input)
    {
        var table = input ?? TableSymbol.Empty;
        var row = new RowContext(table);
        var output = op.Kind switch
        {
            SyntaxKind.FilterOperator => BindAll(op, row, table),
            SyntaxKind.TakeOperator or SyntaxKind.SampleOperator or SyntaxKind.SampleDistinctOperator or SyntaxKind.RenderOperator
                or SyntaxKind.ExecuteAndCacheOperator or SyntaxKind.AssertSchemaOperator => BindAll(op, row, table),
            SyntaxKind.SortOperator or SyntaxKind.TopOperator => BindAll(op, row, table),
            SyntaxKind.SerializeOperator or SyntaxKind.ExtendOperator => BindExtend(op, row),
            SyntaxKind.ProjectOperator => BindProject(op, row),
            SyntaxKind.ProjectAwayOperator => BindProjectAway(op, table),
            SyntaxKind.ProjectKeepOperator => BindProjectKeep(op, table),
            SyntaxKind.ProjectRenameOperator => BindProjectRename(op, table),
            SyntaxKind.ProjectReorderOperator => BindProjectReorder(op, table),
            SyntaxKind.SummarizeOperator => BindSummarize((SummarizeOperator)op, row),
            SyntaxKind.DistinctOperator => BindDistinct(op, row),
            SyntaxKind.CountOperator => new TableSymbol([new ColumnSymbol(CountName((CountOperator)op), ScalarType.Long)]),
            SyntaxKind.GetSchemaOperator => new TableSymbol([
                new ColumnSymbol("ColumnName", ScalarType.String), new ColumnSymbol("ColumnOrdinal", ScalarType.Long),
                new ColumnSymbol("DataType", ScalarType.String), new ColumnSymbol("ColumnType", ScalarType.String)]),
            SyntaxKind.AsOperator => BindAs((AsOperator)op, table),
            SyntaxKind.JoinOperator => BindJoin((JoinOperator)op, table),
            SyntaxKind.LookupOperator => BindLookup((JoinOperator)op, table),
            SyntaxKind.UnionOperator => BindUnion(op, input),
            SyntaxKind.SearchOperator => BindSearch(op, input),
            SyntaxKind.MvExpandOperator => BindMvExpand(op, row),
            SyntaxKind.MvApplyOperator => BindMvApply(op, row),
            SyntaxKind.ParseOperator or SyntaxKind.ParseWhereOperator => BindParse(op, row),
            SyntaxKind.ParseKvOperator => BindParseKv(op, row),
            SyntaxKind.PrintOperator => BindPrint(op),
            SyntaxKind.RangeOperator => BindRange((RangeOperator)op),
            SyntaxKind.EvaluateOperator => BindEvaluate(op, table),
            SyntaxKind.MakeSeriesOperator => BindMakeSeries(op, row),
            SyntaxKind.InvokeOperator => BindInvoke((InvokeOperator)op, table),
            SyntaxKind.TopHittersOperator or SyntaxKind.TopNestedOperator => BindOpaque(op, row with { Aggregates = true }),
            _ => BindOpaque(op, row),
        };
        Record(op, ExprType.Of(output));
        return input is { IsOpen: true } && !output.IsOpen && KeepsInputColumns(op.Kind) ? output.Opened() : output;
    }

    /// <summary>Operators whose output carries input columns through: an open input keeps the output open.</summary>
    private static bool KeepsInputColumns(SyntaxKind kind) => kind is not (SyntaxKind.ProjectOperator or SyntaxKind.SummarizeOperator
        or SyntaxKind.CountOperator or SyntaxKind.GetSchemaOperator or SyntaxKind.DistinctOperator or SyntaxKind.PrintOperator
        or SyntaxKind.RangeOperator or SyntaxKind.MakeSeriesOperator or SyntaxKind.UnionOperator or SyntaxKind.EvaluateOperator
        or SyntaxKind.InvokeOperator or SyntaxKind.JoinOperator or SyntaxKind.LookupOperator);

    /// <summary>Binds every expression under the operator against its input and passes the input through.</summary>
    private TableSymbol BindAll(SyntaxNode op, RowContext row, TableSymbol output)
    {
        foreach (var child in op.ChildNodes()) BindInRow(child, row);
        return output;
    }

    private void BindInRow(SyntaxNode node, RowContext row)
    {
        if (node.Kind is SyntaxKind.List or SyntaxKind.OrderingClause or SyntaxKind.NameDeclaration)
        {
            if (node.Kind == SyntaxKind.List)
                foreach (var child in node.ChildNodes()) BindInRow(child, row);
            return;
        }

        if (node.Kind == SyntaxKind.NamedParameter)
        {
            // Operator parameters (kind=, hint.strategy=, with_itemindex=) hold names and literals, not row expressions.
            return;
        }

        if (node.Kind is SyntaxKind.RenderWithClause or SyntaxKind.ReduceByWithClause) return;
        if (SyntaxFacts.IsClause(node.Kind))
        {
            foreach (var child in node.ChildNodes()) BindInRow(child, row);
            return;
        }

        Bind(node, row);
    }

    /// <summary>Operators the binder does not model: their expressions are bound leniently and the output is unknown.</summary>
    private TableSymbol BindOpaque(SyntaxNode op, RowContext row)
    {
        var lenient = row with { Table = row.Table.Opened() };
        foreach (var child in op.ChildNodes())
        {
            if (child.Kind is SyntaxKind.PartitionQuery or SyntaxKind.PartitionSubquery or SyntaxKind.ForkExpression or SyntaxKind.FacetWithExpressionClause
                or SyntaxKind.ScanStep or SyntaxKind.List or SyntaxKind.ScanDeclareClause)
                continue; // subqueries over the input: not modelled
            BindInRow(child, lenient);
        }

        return TableSymbol.Unknown;
    }

    private static IReadOnlyList<SyntaxNode> OperatorItems(SyntaxNode op) => ((QueryOperator)op).Expressions;

    private static SyntaxNode? Parameter(SyntaxNode op, string name) => ((QueryOperator)op).ParameterValue(name);

    private static string? ParameterText(SyntaxNode op, string name) => ((QueryOperator)op).ParameterText(name);

    private TableSymbol BindExtend(SyntaxNode op, RowContext row)
    {
        // The result is a view over the input plus the added columns, not a copy of a wide table: most operators
        // after an extend only look names up (a `union *` input has thousands of columns).
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var added = new List<ColumnSymbol>();
        var counter = 0;
        foreach (var item in OperatorItems(op))
        {
            // Every item sees the input's columns only: a name an earlier item of the same extend adds is unknown
            // to later items (Microsoft's binder reports KS142 for `extend a = 1, b = a`), and an item that reads a
            // column an earlier item replaces reads the input's value.
            var names = NamesOf(item);
            foreach (var column in ItemColumns(item, row))
            {
                var name = column.Name ?? NextFreeColumnName(row.Table, added, ref counter);
                if (!declared.Add(name) && item.Kind == SyntaxKind.SimpleNamedExpression)
                {
                    Report(KqlSemanticDiagnostics.DuplicateColumn, item.Span, name);
                    continue;
                }

                added.Add(new ColumnSymbol(name, column.Type.Scalar));
                names.Add(name);
            }
        }

        return row.Table.WithAdded([.. added]);
    }

    /// <summary>extend's default names: Column1, Column2, ... skipping names the input or earlier items hold.</summary>
    private static string NextFreeColumnName(TableSymbol input, List<ColumnSymbol> added, ref int counter)
    {
        string name;
        do
        {
            name = "Column" + (++counter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        while (input.Find(name) is not null || added.Exists(c => c.Name == name));
        return name;
    }

    private TableSymbol BindProject(SyntaxNode op, RowContext row)
    {
        var builder = new ColumnListBuilder().Reserving(row.Table);
        var counter = 0;
        foreach (var item in OperatorItems(op))
        {
            if (IsWildcard(item))
            {
                foreach (var column in MatchColumns(row.Table, item)) builder.AddIfAbsent(column);
                continue;
            }

            NamesOf(item);
            foreach (var column in ItemColumns(item, row))
                AddProjected(builder, column, item, ref counter);
        }

        return new TableSymbol(builder.Columns.ToArray(), row.Table.IsOpen && OperatorItems(op).Any(IsWildcard));
    }

    /// <summary>
    /// project/summarize/distinct: an explicit name declared twice is an error (the first stays); a derived name, or an
    /// explicit one meeting a column of an aggregate's `*` expansion, is renumbered.
    /// </summary>
    private void AddProjected(ColumnListBuilder builder, ItemColumn column, SyntaxNode item, ref int counter)
    {
        if (column.Explicit && column.Name is { } name && builder.Contains(name) && !builder.IsExpanded(name))
        {
            Report(KqlSemanticDiagnostics.DuplicateColumn, item.Span, name);
            return;
        }

        var added = builder.AddUnique(new ColumnSymbol(column.Name ?? builder.NextDefaultName("Column", ref counter), column.Type.Scalar));
        NamesOf(item, reset: false).Add(added.Name);
    }

    private static bool IsWildcard(SyntaxNode node) => node.DescendantNodesAndSelf().Any(n => n.Kind is SyntaxKind.WildcardedName or SyntaxKind.BracketedWildcardedName);

    /// <summary>The columns a name or wildcard (Account*, *Id) selects, in table order; an unknown plain name is an error.</summary>
    private IEnumerable<ColumnSymbol> MatchColumns(TableSymbol table, SyntaxNode item)
    {
        if (!IsWildcard(item))
        {
            var name = SyntaxHelpers.NameText(item);
            if (name is null) return [];
            if (table.Find(name) is { } column)
            {
                _symbols[item] = column;
                return [column];
            }

            if (!table.IsOpen)
                Report(KqlSemanticDiagnostics.UnknownName, item.Span, name, DidYouMean(name, table.Columns.Select(c => c.Name)));
            return [];
        }

        var pattern = string.Concat(item.DescendantTokens().Where(t => t.Kind != SyntaxKind.OpenBracketToken && t.Kind != SyntaxKind.CloseBracketToken)
            .Select(t => t.Kind == SyntaxKind.StringLiteralToken ? SyntaxHelpers.StringValue(t.Text) : t.Text));
        return table.Columns.Where(c => WildcardMatches(pattern, c.Name));
    }

    internal static bool WildcardMatches(string pattern, string name)
    {
        var parts = pattern.Split('*');
        if (!name.StartsWith(parts[0], StringComparison.Ordinal)) return false;
        var position = parts[0].Length;
        for (var i = 1; i < parts.Length; i++)
        {
            if (i == parts.Length - 1)
                return name.Length - position >= parts[i].Length && name.EndsWith(parts[i], StringComparison.Ordinal);
            var found = name.IndexOf(parts[i], position, StringComparison.Ordinal);
            if (found < 0) return false;
            position = found + parts[i].Length;
        }

        return position == name.Length;
    }

    private TableSymbol BindProjectAway(SyntaxNode op, TableSymbol table)
    {
        var builder = new ColumnListBuilder(table.Columns);
        foreach (var item in OperatorItems(op))
            foreach (var column in MatchColumns(table, item).ToList()) builder.Remove(column.Name);
        return table.WithColumns(builder.Columns.ToArray());
    }

    private TableSymbol BindProjectKeep(SyntaxNode op, TableSymbol table)
    {
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in OperatorItems(op))
            foreach (var column in MatchColumns(table, item)) keep.Add(column.Name);
        return new TableSymbol(table.Columns.Where(c => keep.Contains(c.Name)).ToArray(), table.IsOpen);
    }

    private TableSymbol BindProjectRename(SyntaxNode op, TableSymbol table)
    {
        var builder = new ColumnListBuilder(table.Columns);
        foreach (var item in OperatorItems(op).OfType<SimpleNamedExpression>())
        {
            if (item.Name is not { } to) continue;
            foreach (var column in MatchColumns(table, item.Expression)) builder.Rename(column.Name, to);
        }

        return table.WithColumns(builder.Columns.ToArray());
    }

    private TableSymbol BindProjectReorder(SyntaxNode op, TableSymbol table)
    {
        var first = new ColumnListBuilder();
        foreach (var item in OperatorItems(op))
        {
            var target = OrderedKey.Of(item).Expression;
            foreach (var column in MatchColumns(table, target)) first.AddIfAbsent(column);
        }

        foreach (var column in table.Columns) first.AddIfAbsent(column);
        return table.WithColumns(first.Columns.ToArray());
    }

    private TableSymbol BindSummarize(SummarizeOperator op, RowContext row)
    {
        var builder = new ColumnListBuilder().Reserving(row.Table);
        var counter = 0;
        foreach (var group in op.GroupBy)
        {
            NamesOf(group);
            foreach (var column in ItemColumns(group, row))
                AddProjected(builder, column, group, ref counter);
        }

        var groupKeys = builder.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

        var aggregates = op.Aggregates;
        var aggregateRow = row with { Aggregates = true };
        foreach (var aggregate in aggregates)
        {
            NamesOf(aggregate);
            // The expansion skips the group keys and what this aggregate already gave (ts of arg_max(ts, *)).
            var skipped = new HashSet<string>(groupKeys, StringComparer.Ordinal);
            foreach (var column in ItemColumns(aggregate, aggregateRow))
            {
                if (!column.FromStar && column.Name is { } own) skipped.Add(own);
                if (column.FromStar) builder.AddExpanded(new ColumnSymbol(column.Name!, column.Type.Scalar), skipped);
                else AddProjected(builder, column, aggregate, ref counter);
            }
        }

        // arg_max(x, *) over an input with unknown columns has unknown columns too.
        var starOverOpen = row.Table.IsOpen && aggregates.Any(a => a.DescendantNodesAndSelf().Any(n => n.Kind == SyntaxKind.StarExpression));
        return new TableSymbol(builder.Columns.ToArray(), starOverOpen);
    }

    private TableSymbol BindDistinct(SyntaxNode op, RowContext row)
    {
        var items = OperatorItems(op).ToList();
        if (items.Any(i => i.Kind == SyntaxKind.StarExpression)) return row.Table;
        var builder = new ColumnListBuilder().Reserving(row.Table);
        var counter = 0;
        foreach (var item in items)
        {
            var names = NamesOf(item);
            foreach (var column in ItemColumns(item, row))
                names.Add(builder.AddUnique(new ColumnSymbol(column.Name ?? builder.NextDefaultName("Column", ref counter), column.Type.Scalar)).Name);
        }
        return new TableSymbol(builder.Columns.ToArray());
    }

    private static string CountName(CountOperator op) => op.AsName ?? "Count";

    private TableSymbol BindAs(AsOperator op, TableSymbol table)
    {
        if (op.Name is { } name)
            _scope.Declare(new VariableSymbol(name, ExprType.Of(table)));
        return table;
    }

    private TableSymbol BindPrint(SyntaxNode op)
    {
        var builder = new ColumnListBuilder();
        var row = new RowContext(TableSymbol.Empty);
        var index = 0;
        foreach (var item in OperatorItems(op))
        {
            // print names only what it is told to (x = v) or what a function names; a bare variable gets print_N.
            var names = NamesOf(item);
            foreach (var column in ItemColumns(item, row))
            {
                var name = item.Kind == SyntaxKind.NameReference ? null : column.Name;
                names.Add(builder.AddUnique(new ColumnSymbol(name ?? "print_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), column.Type.Scalar)).Name);
            }

            index++;
        }

        return new TableSymbol(builder.Columns.ToArray());
    }

    private TableSymbol BindRange(RangeOperator op)
    {
        var name = op.Name ?? "Column1";
        var values = op.Bounds.Select(n => Bind(n, null).Scalar).ToList();
        var type = values.Count > 0 ? values[0] : ScalarType.Unknown;
        if (type == ScalarType.Int) type = ScalarType.Long;
        return new TableSymbol([new ColumnSymbol(name, type)]);
    }
}
