using SentinelContent.Kql.Syntax;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Binding;

// Operators that combine tables or reshape rows: join, lookup, union, mv-expand, mv-apply, invoke.
internal sealed partial class Binder
{
    /// <summary>The input of an operator that starts a subquery with an implicit input (mv-apply, partition).</summary>
    private TableSymbol? _implicitInput;

    private TableSymbol BindJoin(JoinOperator op, TableSymbol left)
    {
        var right = BindRightSide(op);
        BindJoinCondition(op, left, right);
        switch (op.JoinKind)
        {
            case JoinKind.LeftSemi or JoinKind.LeftAnti:
                return left;
            case JoinKind.RightSemi or JoinKind.RightAnti:
                return right;
        }

        var builder = new ColumnListBuilder(left.Columns);
        foreach (var column in right.Columns) builder.AddUnique(column);
        return new TableSymbol(builder.Columns.ToArray(), left.IsOpen || right.IsOpen);
    }

    private TableSymbol BindLookup(JoinOperator op, TableSymbol left)
    {
        var right = BindRightSide(op);
        var keys = BindJoinCondition(op, left, right);
        var builder = new ColumnListBuilder(left.Columns);
        foreach (var column in right.Columns.Where(c => !keys.Contains(c.Name))) builder.AddUnique(column);
        return new TableSymbol(builder.Columns.ToArray(), left.IsOpen || right.IsOpen);
    }

    private TableSymbol BindRightSide(JoinOperator op) => Bind(op.Right, null).Table ?? TableSymbol.Unknown;

    /// <summary>Binds `on a, $left.b == $right.c` or `where ...`; returns the right-side key column names.</summary>
    private HashSet<string> BindJoinCondition(JoinOperator op, TableSymbol left, TableSymbol right)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (op.Condition is not { } condition) return keys;
        // `where` sees both sides' columns unqualified, the left's first (Microsoft's binder accepts
        // join kind=inner (W) where Ports has tostring(Port), Ports being W's; Azure-Sentinel's DetectPortMisuseByStaticThreshold).
        var rowTable = condition.Kind == SyntaxKind.JoinWhereClause
            ? new TableSymbol([.. left.Columns, .. right.Columns.Where(c => left.Find(c.Name) is null)], left.IsOpen || right.IsOpen)
            : left;
        var row = new RowContext(rowTable, left, right);
        foreach (var item in op.ConditionItems)
        {
            if (item.Kind == SyntaxKind.NameReference && SyntaxHelpers.NameText(item) is { } name)
            {
                // `on Name`: the column must exist on both sides.
                foreach (var side in new[] { left, right })
                {
                    if (side.Find(name) is null && !side.IsOpen)
                        Report(KqlSemanticDiagnostics.UnknownName, item.Span, name, DidYouMean(name, side.Columns.Select(c => c.Name)));
                }

                Record(item, left.Find(name)?.Type ?? ScalarType.Unknown);
                keys.Add(name);
                continue;
            }

            Bind(item, row);
            foreach (var path in item.DescendantNodesAndSelf().OfType<PathExpression>())
            {
                if (path.Expression != path.Selector && SyntaxHelpers.NameText(path.Expression) == "$right" && SyntaxHelpers.NameText(path.Selector) is { } key) keys.Add(key);
            }
        }

        return keys;
    }

    private TableSymbol BindUnion(SyntaxNode op, TableSymbol? input)
    {
        var tables = new List<TableSymbol>();
        if (input is not null) tables.Add(input);
        var open = false;
        var patterns = new List<string>();
        foreach (var item in OperatorItems(op))
        {
            if (IsWildcard(item))
            {
                // Wildcards reach tables the binder may not know of: the official binder reports no unknown names after them.
                patterns.Add(WildcardPattern(item));
                tables.AddRange(_context.TablesMatching(patterns[^1]));
                open = true;
                continue;
            }

            var type = Bind(item, null);
            if (type.Table is { } table) tables.Add(table);
            else open = true;
        }

        var inner = ((UnionOperator)op).UnionKind == UnionKind.Inner;
        // `union *` (or one pattern) alone: the merge of hundreds of tables is the same for every query of this context.
        var onePatternAlone = input is null && patterns.Count == 1 && OperatorItems(op).Count() == 1;
        var source = ParameterText(op, "withsource");
        if (onePatternAlone && !inner) return _context.OuterUnionOf(patterns[0], source);
        var columns = inner ? UnionColumns.Inner(tables) : UnionColumns.Outer(tables);
        // A column of unknown type may or may not clash with a same-named one: its final name is unknowable.
        open |= columns.Any(c => c.Type == ScalarType.Unknown);
        if (!string.IsNullOrEmpty(source))
            columns.Insert(0, new ColumnSymbol(source, ScalarType.String));
        return new TableSymbol(columns, open || tables.Any(t => t.IsOpen));
    }

    /// <summary>The text of a wildcarded table name (Security*, *), as <see cref="BindingContext.TablesMatching"/> takes it.</summary>
    private static string WildcardPattern(SyntaxNode item) => string.Concat(item.DescendantTokens().Select(t => t.Text));

    /// <summary>search: over the piped input it keeps the input's columns; over tables it adds $table first.</summary>
    private TableSymbol BindSearch(SyntaxNode op, TableSymbol? input)
    {
        var tables = new List<TableSymbol>();
        var wildcard = false;
        if (SyntaxHelpers.Child(op, SyntaxKind.FindInClause) is { } inClause)
        {
            foreach (var item in inClause.ChildNodes().SelectMany(SyntaxHelpers.Items))
            {
                if (IsWildcard(item))
                {
                    tables.AddRange(_context.TablesMatching(WildcardPattern(item)));
                    wildcard = true;
                }
                else if (Bind(item, null).Table is { } table) tables.Add(table);
            }
        }
        else if (input is null)
        {
            // `search` with neither input nor `in`: every table, as `union *`.
            return BindSearchOver(op, _context.OuterUnionOf("*"));
        }

        return BindSearchOver(op, input ?? new TableSymbol(UnionColumns.Outer(tables), wildcard || tables.Any(t => t.IsOpen)));
    }

    private TableSymbol BindSearchOver(SyntaxNode op, TableSymbol source)
    {
        var predicate = op.ChildNodes().LastOrDefault(n => n.Kind is not (SyntaxKind.List or SyntaxKind.FindInClause or SyntaxKind.DataScopeClause));
        if (predicate is not null) Bind(predicate, new RowContext(source.Opened()));
        return _context.SearchResultOf(source);
    }

    /// <summary>The columns mv-expand and mv-apply expand: name (declared or from the expression) and type (typeof(...) or dynamic).</summary>
    private List<ColumnSymbol> MvExpandedColumns(SyntaxNode op, RowContext row)
    {
        var result = new List<ColumnSymbol>();
        foreach (var item in OperatorItems(op).Where(n => n.Kind is SyntaxKind.MvExpandExpression or SyntaxKind.MvApplyExpression))
        {
            var expression = item.ChildNodes().FirstOrDefault(n => n.Kind != SyntaxKind.ToTypeOfClause);
            if (expression is null) continue;
            var toType = SyntaxHelpers.Child(item, SyntaxKind.ToTypeOfClause);
            var type = toType is null ? ScalarType.Dynamic : SyntaxHelpers.TypeOf(toType.DescendantNodesAndSelf().FirstOrDefault(n => n.Kind == SyntaxKind.PrimitiveTypeExpression));
            var columns = ItemColumns(expression, row);
            foreach (var column in columns)
                if (column.Name is { } name) result.Add(new ColumnSymbol(name, type));
        }

        return result;
    }

    private TableSymbol BindMvExpand(SyntaxNode op, RowContext row)
    {
        var builder = new ColumnListBuilder(row.Table.Columns);
        foreach (var column in MvExpandedColumns(op, row)) builder.AddOrReplace(column);
        if (ParameterText(op, "with_itemindex") is { Length: > 0 } index) builder.AddOrReplace(new ColumnSymbol(index, ScalarType.Long));
        return row.Table.WithColumns(builder.Columns.ToArray());
    }

    /// <summary>
    /// mv-apply: the subquery sees the input with the expanded columns; the output is the input
    /// without the expanded columns, followed by the subquery's columns.
    /// </summary>
    private TableSymbol BindMvApply(SyntaxNode op, RowContext row)
    {
        var expanded = MvExpandedColumns(op, row);
        var inner = new ColumnListBuilder(row.Table.Columns);
        foreach (var column in expanded) inner.AddOrReplace(column);
        if (ParameterText(op, "with_itemindex") is { Length: > 0 } index) inner.AddOrReplace(new ColumnSymbol(index, ScalarType.Long));
        var innerTable = row.Table.WithColumns(inner.Columns.ToArray());

        var subquery = SyntaxHelpers.Child(op, SyntaxKind.MvApplySubqueryExpression)?.ChildNodes().FirstOrDefault();
        var result = subquery is null ? innerTable : BindWithImplicitInput(subquery, innerTable);

        var output = new ColumnListBuilder(row.Table.Columns.Where(c => expanded.All(e => e.Name != c.Name)));
        foreach (var column in result.Columns) output.AddIfAbsent(column);
        return new TableSymbol(output.Columns.ToArray(), row.Table.IsOpen || result.IsOpen);
    }

    private TableSymbol BindWithImplicitInput(SyntaxNode subquery, TableSymbol input)
    {
        var saved = _implicitInput;
        _implicitInput = input;
        try
        {
            return Bind(subquery, null).Table ?? TableSymbol.Unknown;
        }
        finally
        {
            _implicitInput = saved;
        }
    }

    private TableSymbol BindInvoke(InvokeOperator op, TableSymbol input)
    {
        if (op.Call is not { } call) return TableSymbol.Unknown;
        var nameNode = call.ChildNodes().FirstOrDefault();
        var name = SyntaxHelpers.NameText(nameNode);
        if (name is null || _scope.Lookup(name) is not FunctionSymbol function || function.Parameters.Count == 0)
        {
            foreach (var argument in Arguments(call)) Bind(argument, null);
            if (name is not null && _scope.Lookup(name) is null && !_context.WorkspaceFunctions.ContainsKey(name) && _context.Functions.Find(name) is null
                && _context.Asim.Find(name) is null)
                ReportUnknownFunction(nameNode!, name, _scope.VisibleNames().Concat(_context.WorkspaceFunctions.Keys));
            return TableSymbol.Unknown;
        }

        // invoke passes the input as the function's first (tabular) argument.
        foreach (var argument in Arguments(call)) Bind(argument, null);
        return InScope(function.DeclaringScope, () =>
        {
            _scope.Declare(new VariableSymbol(function.Parameters[0].Name, ExprType.Of(input)));
            for (var i = 1; i < function.Parameters.Count; i++)
                _scope.Declare(new VariableSymbol(function.Parameters[i].Name, function.Parameters[i].Type));
            return function.Body is null ? TableSymbol.Unknown : BindFunctionBody(function.Body, null).Table ?? TableSymbol.Unknown;
        });
    }
}
