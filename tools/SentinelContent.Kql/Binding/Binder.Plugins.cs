using System.Text.Json;
using SentinelContent.Kql.Syntax;
using SentinelContent.Kql.Catalog;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Binding;

// Operators whose columns come from patterns, schemas or plugins: parse, parse-kv, make-series, evaluate.
internal sealed partial class Binder
{
    private TableSymbol BindParse(SyntaxNode op, RowContext row)
    {
        var lists = op.ChildNodes().Where(n => n.Kind == SyntaxKind.List).ToArray();
        var source = op.ChildNodes().FirstOrDefault(n => n.Kind != SyntaxKind.List);
        if (source is not null) Bind(source, row);
        var builder = new ColumnListBuilder(row.Table.Columns);
        if (lists.Length > 0)
        {
            foreach (var part in lists[^1].ChildNodes())
            {
                switch (part.Kind)
                {
                    // A parsed name that clashes with an input column becomes a new column (Issuer → Issuer1).
                    case SyntaxKind.NameAndTypeDeclaration:
                        if (SyntaxHelpers.NameText(SyntaxHelpers.Child(part, SyntaxKind.NameDeclaration)) is { } typed)
                            builder.AddUnique(new ColumnSymbol(typed, SyntaxHelpers.TypeOf(SyntaxHelpers.Child(part, SyntaxKind.PrimitiveTypeExpression))));
                        break;
                    case SyntaxKind.NameDeclaration:
                        if (SyntaxHelpers.NameText(part) is { } plain) builder.AddUnique(new ColumnSymbol(plain, ScalarType.String));
                        break;
                }
            }
        }

        return row.Table.WithColumns(builder.Columns.ToArray());
    }

    private TableSymbol BindParseKv(SyntaxNode op, RowContext row)
    {
        var source = op.ChildNodes().FirstOrDefault(n => n.Kind != SyntaxKind.RowSchema);
        if (source is not null) Bind(source, row);
        var builder = new ColumnListBuilder(row.Table.Columns);
        if (SyntaxHelpers.Child(op, SyntaxKind.RowSchema) is { } schema)
            foreach (var column in BindRowSchemaColumns(schema, allowStar: false).Columns) builder.AddOrReplace(column);
        return row.Table.WithColumns(builder.Columns.ToArray());
    }

    /// <summary>make-series: the by columns, then one dynamic series per aggregate, then the axis column (dynamic).</summary>
    private TableSymbol BindMakeSeries(SyntaxNode op, RowContext row)
    {
        var builder = new ColumnListBuilder();
        var counter = 0;
        if (SyntaxHelpers.Child(op, SyntaxKind.MakeSeriesByClause) is { } byClause)
            foreach (var group in byClause.ChildNodes().SelectMany(SyntaxHelpers.Items))
                foreach (var column in ItemColumns(group, row))
                    builder.AddUnique(new ColumnSymbol(column.Name ?? builder.NextDefaultName("Column", ref counter), column.Type.Scalar));

        var aggregateRow = row with { Aggregates = true };
        foreach (var item in OperatorItems(op).Where(n => n.Kind == SyntaxKind.MakeSeriesExpression))
        {
            var expression = item.ChildNodes().FirstOrDefault();
            if (expression is null) continue;
            foreach (var child in item.ChildNodes().Skip(1)) BindInRow(child, row);
            foreach (var column in ItemColumns(expression, aggregateRow))
                builder.AddUnique(new ColumnSymbol(column.Name ?? builder.NextDefaultName("Column", ref counter), ScalarType.Dynamic));
        }

        if (SyntaxHelpers.Child(op, SyntaxKind.MakeSeriesOnClause) is { } on && on.ChildNodes().FirstOrDefault() is { } axis)
            foreach (var column in ItemColumns(axis, row))
                builder.AddUnique(new ColumnSymbol(column.Name ?? builder.NextDefaultName("Column", ref counter), ScalarType.Dynamic));

        foreach (var range in op.ChildNodes().Where(n => n.Kind is SyntaxKind.MakeSeriesFromToStepClause or SyntaxKind.MakeSeriesInRangeClause))
            BindInRow(range, new RowContext(TableSymbol.Empty));
        return new TableSymbol(builder.Columns.ToArray());
    }

    private TableSymbol BindEvaluate(SyntaxNode op, TableSymbol input)
    {
        var call = op.ChildNodes().FirstOrDefault(n => n.Kind == SyntaxKind.FunctionCallExpression);
        if (call is null) return TableSymbol.Unknown;
        var nameNode = call.ChildNodes().FirstOrDefault(n => n.Kind == SyntaxKind.NameReference);
        var name = SyntaxHelpers.NameText(nameNode);
        var arguments = Arguments(call);
        // Plugin arguments may be aggregates (pivot(column, count())).
        var row = new RowContext(input, Aggregates: true);
        var plugin = name is null ? null : _context.Functions.Find(name);
        if (plugin is null || plugin.Kind != FunctionKind.Plugin)
        {
            foreach (var argument in arguments) Bind(argument, row with { Table = input.Opened() });
            if (name is not null && plugin is null)
                Report(KqlSemanticDiagnostics.UnknownFunction, nameNode!.Span, name, DidYouMean(name, _context.Functions.Functions.Where(f => f.Kind == FunctionKind.Plugin).Select(f => f.Name)));
            return TableSymbol.Unknown;
        }

        var signature = plugin.Signatures.FirstOrDefault(s => SignatureMatcher.Map(s, arguments.Count) is not null) ?? plugin.Signatures[0];
        var map = SignatureMatcher.Map(signature, arguments.Count);
        // Tabular arguments first: a parameter may name a column of the table given as parameter 0 (ipv4_lookup's key).
        var types = new ExprType[arguments.Count];
        TableSymbol? firstTable = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (map is null || !signature.Parameters[map[i]].IsTabular) continue;
            types[i] = Bind(arguments[i], null);
            firstTable ??= types[i].Table;
        }

        for (var i = 0; i < arguments.Count; i++)
        {
            var parameter = map is null ? null : signature.Parameters[map[i]];
            if (parameter is { IsTabular: true }) continue;
            var argumentRow = parameter?.Column switch
            {
                "ofParam0" => new RowContext(firstTable ?? TableSymbol.Unknown),
                "commonWithParam0" => new RowContext((firstTable ?? TableSymbol.Unknown).Opened()),
                _ => row,
            };
            types[i] = Bind(arguments[i], argumentRow);
        }

        if (SyntaxHelpers.Child(op, SyntaxKind.EvaluateSchemaClause) is { } declared && SyntaxHelpers.Child(declared, SyntaxKind.RowSchema) is { } schema)
        {
            var columns = BindRowSchemaColumns(schema, allowStar: true);
            return columns.IsOpen ? new TableSymbol(input.Columns.Concat(columns.Columns).ToArray(), input.IsOpen) : columns;
        }

        if (plugin.ResultSchema is not { } rule || map is null) return TableSymbol.Unknown;
        var bound = new BoundCall(plugin, signature, arguments, map, types);
        return PluginSchema(rule, bound, input, row);
    }

    /// <summary>A plugin's result schema from the catalog's resultSchema rule.</summary>
    private TableSymbol PluginSchema(JsonElement rule, BoundCall call, TableSymbol input, RowContext row)
    {
        var kind = rule.GetProperty("kind").GetString();
        List<ColumnSymbol> Listed() => rule.TryGetProperty("columns", out var columns)
            ? columns.EnumerateArray().SelectMany(c => PluginColumns(c, call, row)).ToList()
            : [];

        switch (kind)
        {
            case "input":
                return input;
            case "fixed":
            {
                var listed = Listed();
                var dimensions = call.Signature.Parameters.Where(p => p.Name.StartsWith("Dimension", StringComparison.Ordinal))
                    .SelectMany(p => call.ArgumentsOf(p.Name))
                    .Select(i => new ColumnSymbol(ExpressionName(call.Arguments[i], row), call.ArgumentTypes[i].Scalar)).ToList();
                if (rule.TryGetProperty("dimensionsFirst", out var first) && first.GetBoolean()) listed.InsertRange(0, dimensions);
                else if (rule.TryGetProperty("plusDimensions", out var plus)) listed.InsertRange(Math.Min(plus.GetInt32(), listed.Count), dimensions);
                return new TableSymbol(listed);
            }

            case "prefixPlusInput":
                return new TableSymbol(Listed().Concat(input.Columns).ToArray(), input.IsOpen);
            case "inputPlus":
                return new TableSymbol(input.Columns.Concat(Listed()).ToArray(), input.IsOpen);
            case "lookup":
            {
                // The input's columns, then the lookup table's; a clashing name gets a numeric suffix.
                var lookupTable = call.ArgumentTypes.FirstOrDefault(t => t.IsTabular).Table ?? TableSymbol.Unknown;
                var builder = new ColumnListBuilder(input.Columns);
                foreach (var column in lookupTable.Columns) builder.AddUnique(column);
                return new TableSymbol(builder.Columns.ToArray(), input.IsOpen || lookupTable.IsOpen);
            }

            case "pivot":
            {
                // The pivoted values become columns unknown at bind time; the known ones are the group columns.
                var groups = call.ArgumentsOf("columnName").Select(i => ExpressionName(call.Arguments[i], row)).ToList();
                if (groups.Count > 0)
                    return new TableSymbol(groups.Select(g => input.Find(g)).OfType<ColumnSymbol>().ToArray(), isOpen: true);
                var removed = call.ArgumentsOf("pivotColumn").Select(i => ExpressionName(call.Arguments[i], row))
                    .Concat(call.ArgumentsOf("aggregateFunction").SelectMany(i => call.Arguments[i].DescendantNodesAndSelf())
                        .Where(n => n.Kind == SyntaxKind.NameReference && _symbols.GetValueOrDefault(n) is ColumnSymbol).Select(n => SyntaxHelpers.NameText(n)!))
                    .ToHashSet(StringComparer.Ordinal);
                return new TableSymbol(input.Columns.Where(c => !removed.Contains(c.Name)).ToArray(), isOpen: true);
            }

            case "inputMinusOpen":
            {
                var removed = rule.TryGetProperty("remove", out var remove)
                    ? call.ArgumentsOf(remove.GetString()!).Select(i => ExpressionName(call.Arguments[i], row)).ToHashSet(StringComparer.Ordinal)
                    : [];
                return new TableSymbol(input.Columns.Where(c => !removed.Contains(c.Name)).ToArray(), isOpen: true);
            }

            default:
                return TableSymbol.Unknown;
        }
    }

    /// <summary>One listed plugin column; {Param} in its name or type stands for the column passed for that parameter.</summary>
    private IEnumerable<ColumnSymbol> PluginColumns(JsonElement column, BoundCall call, RowContext row)
    {
        var name = column.GetProperty("name").GetString()!;
        var type = column.GetProperty("type").GetString()!;
        var resolvedType = type.StartsWith('{')
            ? call.FirstTypeOf(type.Trim('{', '}'))?.Scalar ?? ScalarType.Unknown
            : FunctionCatalog.ParseType(type);
        foreach (var parameter in call.Signature.Parameters)
        {
            var placeholder = "{" + parameter.Name + "}";
            if (!name.Contains(placeholder, StringComparison.Ordinal)) continue;
            var first = call.ArgumentsOf(parameter.Name).FirstOrDefault(-1);
            name = name.Replace(placeholder, first < 0 ? string.Empty : ExpressionName(call.Arguments[first], row), StringComparison.Ordinal);
        }

        yield return new ColumnSymbol(name, resolvedType);
    }
}
