using SentinelContent.Kql.Syntax;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Binding;

// Expressions: literals, names, paths, operators. Tabular expressions go through the same entry
// point, so a parenthesized subquery or a let-bound table binds wherever it appears.
internal sealed partial class Binder
{
    /// <summary>Binds any expression; <paramref name="row"/> is null outside a row context (let values, tabular sources).</summary>
    private ExprType Bind(SyntaxNode node, RowContext? row)
    {
        // Trees are bounded (SyntaxDepth), but a workspace function or a thread with a small stack could still run
        // low: stop cleanly (SC0207 from BindQuery) instead of overflowing.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        return Record(node, BindCore(node, row));
    }

    private ExprType BindCore(SyntaxNode node, RowContext? row)
    {
        switch (node.Kind)
        {
            case SyntaxKind.StringLiteralExpression or SyntaxKind.CompoundStringLiteralExpression:
                return ScalarType.String;
            case SyntaxKind.LongLiteralExpression:
                return ScalarType.Long;
            case SyntaxKind.IntLiteralExpression:
                return ScalarType.Int;
            case SyntaxKind.RealLiteralExpression:
                return ScalarType.Real;
            case SyntaxKind.DecimalLiteralExpression:
                return ScalarType.Decimal;
            case SyntaxKind.BooleanLiteralExpression:
                return ScalarType.Bool;
            case SyntaxKind.DateTimeLiteralExpression:
                return ScalarType.DateTime;
            case SyntaxKind.TimespanLiteralExpression:
                return ScalarType.TimeSpan;
            case SyntaxKind.GuidLiteralExpression:
                return ScalarType.Guid;
            case SyntaxKind.DynamicExpression or SyntaxKind.NullLiteralExpression:
                return ScalarType.Dynamic;
            case SyntaxKind.TypeOfLiteralExpression or SyntaxKind.TokenLiteralExpression:
                return ExprType.Unknown;
            case SyntaxKind.ParenthesizedExpression:
                return Bind(((ParenthesizedExpression)node).Expression, row);
            case SyntaxKind.NameReference:
                return BindNameReference(node, row);
            case SyntaxKind.PathExpression:
                return BindPath((PathExpression)node, row);
            case SyntaxKind.ElementExpression:
                return BindElement((ElementExpression)node, row);
            case SyntaxKind.FunctionCallExpression:
                return BindCall(node, row);
            case SyntaxKind.UnaryMinusExpression or SyntaxKind.UnaryPlusExpression:
                return Bind(((UnaryExpression)node).Operand, row).Scalar;
            case SyntaxKind.BinaryExpression:
                return BindBinary((BinaryExpression)node, row);
            case SyntaxKind.InExpression or SyntaxKind.HasAnyExpression or SyntaxKind.HasAllExpression:
                var inExpression = (InExpression)node;
                Bind(inExpression.Left, row);
                BindOperand(inExpression.List, row);
                return ScalarType.Bool;
            case SyntaxKind.BetweenExpression:
                var between = (BetweenExpression)node;
                foreach (var operand in (SyntaxNode[])[between.Left, between.Low, between.High]) Bind(operand, row);
                return ScalarType.Bool;
            case SyntaxKind.SimpleNamedExpression:
                return Bind(((SimpleNamedExpression)node).Expression, row);
            case SyntaxKind.CompoundNamedExpression:
                return Bind(((CompoundNamedExpression)node).Expression, row);
            case SyntaxKind.OrderedExpression:
                return Bind(((OrderedExpression)node).Expression, row);
            case SyntaxKind.ToScalarExpression:
                return BindToScalar((ToScalarExpression)node);
            case SyntaxKind.ToTableExpression:
                return ExprType.Of(TableSymbol.Unknown);
            case SyntaxKind.PipeExpression:
                return ExprType.Of(BindPipe((PipeExpression)node));
            case SyntaxKind.MaterializeExpression:
                return Bind(((MaterializeExpression)node).Expression, null);
            case SyntaxKind.DataTableExpression or SyntaxKind.ExternalDataExpression:
                return ExprType.Of(BindDataTable(node));
            case SyntaxKind.StarExpression or SyntaxKind.AtExpression or SyntaxKind.BracketedExpression:
                foreach (var child in node.ChildNodes()) Bind(child, row);
                return ExprType.Unknown;
            default:
                if (IsQueryOperator(node.Kind)) return ExprType.Of(BindOperator(node, _implicitInput));
                return ExprType.Unknown;
        }
    }

    /// <summary>An operand of in/has_any/between: a list of scalars, or a subquery whose first column is used.</summary>
    private void BindOperand(SyntaxNode node, RowContext? row)
    {
        if (node.Kind is SyntaxKind.ExpressionList or SyntaxKind.ExpressionCouple or SyntaxKind.List)
        {
            foreach (var child in node.ChildNodes()) BindOperand(child, row);
            return;
        }

        Bind(node, row);
    }

    private ExprType BindNameReference(SyntaxNode node, RowContext? row)
    {
        var name = SyntaxHelpers.NameText(node);
        if (name is null) return ExprType.Unknown; // a missing name: the parser already reported it

        if (row?.Table.Find(name) is { } column)
        {
            _symbols[node] = column;
            return column.Type;
        }

        switch (_scope.Lookup(name))
        {
            case VariableSymbol variable:
                _symbols[node] = variable;
                return variable.Type;
            case FunctionSymbol function when function.MinArguments == 0:
                _symbols[node] = function;
                return CallUserFunction(function, [], node, row);
        }

        if (row is null || row.Table.IsOpen && row.Table.Columns.Count == 0)
        {
            if (LookupTable(name) is { } table)
            {
                _symbols[node] = table;
                return ExprType.Of(table);
            }
            if (_context.WorkspaceFunctions.TryGetValue(name, out var workspace))
                return CallWorkspaceFunction(workspace, [], node, row);
            if (_context.Asim.Find(name) is { } asim)
                return BindAsimCall(asim, [], row);
        }

        if (row is not null)
        {
            if (row.Table.IsOpen || name.StartsWith('$')) return ExprType.Unknown;
            Report(KqlSemanticDiagnostics.UnknownName, node.Span, name, DidYouMean(name, row.Table.Columns.Select(c => c.Name).Concat(_scope.VisibleNames())));
            return ExprType.Unknown;
        }

        return ExprType.Of(ReportUnknownTable(name, node));
    }

    private TableSymbol? LookupTable(string name) =>
        _context.Schemas.Find(name) is { } schema ? _context.TableFor(schema) : null;

    private TableSymbol ReportUnknownTable(string name, SyntaxNode node)
    {
        if (_context.UnknownTablesAreWarnings)
            Report(KqlSemanticDiagnostics.UnknownTableWarning, node.Span, name);
        else
            Report(KqlSemanticDiagnostics.UnknownTable, node.Span, name, DidYouMean(name, _context.Schemas.TableNames.Concat(_scope.VisibleNames())));
        return TableSymbol.Unknown;
    }

    private ExprType BindPath(PathExpression node, RowContext? row)
    {
        var (expression, selector) = (node.Expression, node.Selector);

        // $left.Column / $right.Column in a join condition.
        if (expression.Kind == SyntaxKind.NameReference && SyntaxHelpers.NameText(expression) is "$left" or "$right" && row is not null
            && selector != expression)
        {
            var side = SyntaxHelpers.NameText(expression) == "$left" ? row.Left : row.Right;
            var columnName = SyntaxHelpers.NameText(selector);
            if (side is null || columnName is null) return ExprType.Unknown;
            if (side.Find(columnName) is { } sideColumn)
            {
                _symbols[selector] = sideColumn;
                return Record(selector, sideColumn.Type).Scalar;
            }

            if (!side.IsOpen)
                Report(KqlSemanticDiagnostics.UnknownName, selector.Span, columnName, DidYouMean(columnName, side.Columns.Select(c => c.Name)));
            return ExprType.Unknown;
        }

        var left = Bind(expression, row);
        if (left.IsTabular) return ExprType.Unknown; // T.Column, database('x').T: cross-database references are not modelled
        if (selector != expression && selector.Kind == SyntaxKind.FunctionCallExpression) return ExprType.Unknown;
        return left.Scalar == ScalarType.Unknown ? ExprType.Unknown : ScalarType.Dynamic;
    }

    private ExprType BindElement(ElementExpression node, RowContext? row)
    {
        var left = Bind(node.Expression, row);
        Bind(node.Selector, row);
        return left.Scalar == ScalarType.Unknown ? ExprType.Unknown : ScalarType.Dynamic;
    }

    private ExprType BindBinary(BinaryExpression node, RowContext? row)
    {
        var (leftNode, op, rightNode) = (node.Left, node.Operator, node.Right);
        var left = leftNode.Kind == SyntaxKind.StarExpression ? ExprType.Unknown : Bind(leftNode, row);
        var right = Bind(rightNode, row);
        return op.Kind switch
        {
            SyntaxKind.PlusToken => TypeRules.Arithmetic("+", left.Scalar, right.Scalar),
            SyntaxKind.MinusToken => TypeRules.Arithmetic("-", left.Scalar, right.Scalar),
            SyntaxKind.AsteriskToken => TypeRules.Arithmetic("*", left.Scalar, right.Scalar),
            SyntaxKind.SlashToken => TypeRules.Arithmetic("/", left.Scalar, right.Scalar),
            SyntaxKind.PercentToken => TypeRules.Arithmetic("%", left.Scalar, right.Scalar),
            _ => ScalarType.Bool, // comparisons, string operators, and/or
        };
    }

    private ExprType BindToScalar(ToScalarExpression node)
    {
        if (node.Expression is not { } inner) return ExprType.Unknown;
        var type = Bind(inner, null);
        if (!type.IsTabular) return type.Scalar;
        return type.Table!.Columns.Count > 0 ? type.Table.Columns[0].Type : ScalarType.Unknown;
    }

    private TableSymbol BindDataTable(SyntaxNode node)
    {
        var schema = SyntaxHelpers.Child(node, SyntaxKind.RowSchema);
        foreach (var list in node.ChildNodes().Where(n => n.Kind == SyntaxKind.List))
            foreach (var value in list.ChildNodes()) Bind(value, null);
        return schema is null ? TableSymbol.Unknown : BindRowSchemaColumns(schema, allowStar: false);
    }
}
