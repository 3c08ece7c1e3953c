using System.Text.Json;
using SentinelContent.Kql.Catalog;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Binding;

// The names of result columns: explicit (x = ...), taken from the expression (a column, a path,
// a function's result-name template from the catalog), or a default (Column1, print_0).
internal sealed partial class Binder
{
    /// <summary>A column produced by a projection item; <c>Name</c> null means "give it the default name".</summary>
    /// <remarks><c>Explicit</c>: named by the query (x = ..., or a plain column reference), so a second one of the name is an error, not renumbered.</remarks>
    private readonly Dictionary<SyntaxNode, List<string>> _itemNames = [];

    /// <summary>
    /// The output names a projection item received, recorded for the evaluator so it names columns exactly as
    /// the binder did. A function body is bound once per call, so each binding starts the item's list afresh.
    /// </summary>
    private List<string> NamesOf(SyntaxNode item, bool reset = true)
    {
        if (reset || !_itemNames.TryGetValue(item, out var names)) _itemNames[item] = names = [];
        return names;
    }

    private readonly record struct ItemColumn(string? Name, ExprType Type, bool FromStar = false, bool Explicit = false);

    /// <summary>
    /// The "expression name" of the official binder: a column or let name gives that name, a path
    /// a.b.c gives a_b_c, a function with a result-name template fills it; anything else has none ("").
    /// </summary>
    private string ExpressionName(SyntaxNode expression, RowContext? row)
    {
        switch (expression.Kind)
        {
            case SyntaxKind.NameReference:
                return SyntaxHelpers.NameText(expression) ?? string.Empty;
            case SyntaxKind.PathExpression:
            {
                var parts = expression.ChildNodes().Select(n => ExpressionName(n, row)).ToArray();
                return parts.Any(p => p.Length == 0) ? string.Empty : string.Join("_", parts);
            }

            case SyntaxKind.ElementExpression:
            {
                var children = expression.ChildNodes().ToArray();
                if (children.Length < 2) return string.Empty;
                var left = ExpressionName(children[0], row);
                var index = children[1].ChildNodes().FirstOrDefault();
                if (left.Length == 0 || index is null) return string.Empty;
                return index.Kind is SyntaxKind.StringLiteralExpression or SyntaxKind.CompoundStringLiteralExpression
                    ? left + "_" + SyntaxHelpers.StringValue(index)
                    : string.Empty;
            }

            case SyntaxKind.BracketedExpression:
                return expression.ChildNodes().FirstOrDefault() is { } inner ? ExpressionName(inner, row) : string.Empty;
            case SyntaxKind.FunctionCallExpression when _calls.TryGetValue(expression, out var call) && ResultNameOf(call.Function) is { } template:
                return ApplyResultName(template, call, row) ?? string.Empty;
            default:
                return string.Empty;
        }
    }

    /// <summary>
    /// The function's result-name template; an expanding aggregate without one (the deprecated any)
    /// names a single-argument call like its first expanded column (any(s) → any_s).
    /// </summary>
    private static string? ResultNameOf(FunctionInfo function)
    {
        if (function.ResultName is { } template) return template;
        foreach (var signature in function.Signatures)
        {
            if (signature.Returns.ValueKind == JsonValueKind.Object && signature.Returns.TryGetProperty("expandsTo", out _)
                && signature.Returns.TryGetProperty("names", out var names) && names.TryGetProperty("first", out var first)
                && first.GetString() is { } firstName && firstName.Contains("{arg}", StringComparison.Ordinal))
                return firstName.Replace("{arg}", "{0}", StringComparison.Ordinal);
        }

        return null;
    }

    /// <summary>Fills a resultName template; null when a scalar function's name would be empty (then the default name applies).</summary>
    private string? ApplyResultName(string template, BoundCall call, RowContext? row)
    {
        var first = call.Arguments.Count > 0 ? ExpressionName(call.Arguments[0], row) : string.Empty;
        string value;
        if (template.Contains("{0!only}", StringComparison.Ordinal))
        {
            value = call.Arguments.Count == 1 ? first : string.Empty;
            template = template.Replace("{0!only}", "{0}", StringComparison.Ordinal);
        }
        else if (template.Contains("{0!valueIfColumn}", StringComparison.Ordinal))
        {
            value = call.Arguments.Count > 0 && call.Arguments[0].Kind == SyntaxKind.StringLiteralExpression
                && SyntaxHelpers.StringValue(call.Arguments[0]) is var literal && row?.Table.Find(literal) is not null ? literal : string.Empty;
            template = template.Replace("{0!valueIfColumn}", "{0}", StringComparison.Ordinal);
        }
        else
        {
            value = first;
        }

        if (!template.Contains("{0}", StringComparison.Ordinal)) return template;
        if (value.Length == 0 && call.Function.Kind != FunctionKind.Aggregate) return null;
        return template.Replace("{0}", value, StringComparison.Ordinal);
    }

    /// <summary>The columns one projection item yields (several for tuple, per-argument and expanding functions).</summary>
    private List<ItemColumn> ItemColumns(SyntaxNode item, RowContext row)
    {
        switch (item.Kind)
        {
            case SyntaxKind.SimpleNamedExpression:
            {
                var name = SyntaxHelpers.NameText(SyntaxHelpers.Child(item, SyntaxKind.NameDeclaration));
                var value = item.ChildNodes().LastOrDefault();
                if (value is null) return [];
                var type = Bind(value, row);
                var expanded = ExpandedColumns(value, row);
                if (expanded is { Count: > 0 })
                {
                    expanded[0] = expanded[0] with { Name = name };
                    return expanded;
                }

                return [new ItemColumn(name, type, Explicit: true)];
            }

            case SyntaxKind.CompoundNamedExpression:
            {
                var names = item.ChildNodes().First().DescendantNodesAndSelf().Where(n => n.Kind == SyntaxKind.NameDeclaration).Select(SyntaxHelpers.NameText).ToList();
                var value = item.ChildNodes().Last();
                var type = Bind(value, row);
                var expanded = ExpandedColumns(value, row) ?? [new ItemColumn(null, type)];
                for (var i = 0; i < expanded.Count && i < names.Count; i++) expanded[i] = expanded[i] with { Name = names[i] };
                return expanded;
            }

            case SyntaxKind.StarExpression:
                return row.Table.Columns.Select(c => new ItemColumn(c.Name, c.Type, FromStar: true)).ToList();
            default:
            {
                var type = Bind(item, row);
                var expanded = ExpandedColumns(item, row);
                if (expanded is not null) return expanded;
                var name = ExpressionName(item, row);
                return [new ItemColumn(name.Length == 0 ? null : name, type, Explicit: item.Kind == SyntaxKind.NameReference)];
            }
        }
    }

    /// <summary>For calls whose result is several columns (tuple, perArgument, expandsTo): each column; otherwise null.</summary>
    private List<ItemColumn>? ExpandedColumns(SyntaxNode expression, RowContext row)
    {
        if (expression.Kind != SyntaxKind.FunctionCallExpression || !_calls.TryGetValue(expression, out var call)) return null;
        var rule = call.Signature.Returns;
        if (rule.ValueKind != JsonValueKind.Object) return null;
        var functionName = call.Function.Name;
        var firstName = call.Arguments.Count > 0 ? ExpressionName(call.Arguments[0], row) : string.Empty;

        if (rule.TryGetProperty("tuple", out var tuple))
        {
            var template = rule.TryGetProperty("names", out var names) && names.ValueKind == JsonValueKind.String ? names.GetString()! : "{function}_{0}_{field}";
            return tuple.EnumerateArray().Select(field => new ItemColumn(
                template.Replace("{function}", functionName, StringComparison.Ordinal).Replace("{0}", firstName, StringComparison.Ordinal)
                    .Replace("{field}", field.GetProperty("name").GetString(), StringComparison.Ordinal),
                FunctionCatalog.ParseType(field.GetProperty("type").GetString()))).ToList();
        }

        if (rule.TryGetProperty("perArgument", out var perArgument))
        {
            var indexes = call.ArgumentsOf(perArgument.GetString()!).ToList();
            var template = rule.TryGetProperty("names", out var names) ? names.GetString()! : "{arg}";
            var type = rule.TryGetProperty("type", out var typeRule) ? call.ElementType(typeRule) : ScalarType.Unknown;
            if (indexes.Count == 1 && rule.TryGetProperty("single", out var single)) return [new ItemColumn(null, call.ElementType(single))];
            return indexes.Select(i => new ItemColumn(
                template.Replace("{0}", firstName, StringComparison.Ordinal)
                    .Replace("{arg}", ExpressionName(call.Arguments[i], row), StringComparison.Ordinal)
                    .Replace("{value}", LiteralName(call.Arguments[i]), StringComparison.Ordinal),
                type)).ToList();
        }

        if (rule.TryGetProperty("expandsTo", out _) && rule.TryGetProperty("names", out var argumentNames))
        {
            var result = new List<ItemColumn>();
            for (var i = 0; i < call.Arguments.Count; i++)
            {
                var argument = call.Arguments[i];
                if (argument.Kind == SyntaxKind.StarExpression)
                {
                    result.AddRange(row.Table.Columns.Select(c => new ItemColumn(c.Name, c.Type, FromStar: true)));
                    continue;
                }

                var argumentName = argument.Kind == SyntaxKind.SimpleNamedExpression
                    ? SyntaxHelpers.NameText(SyntaxHelpers.Child(argument, SyntaxKind.NameDeclaration)) ?? string.Empty
                    : ExpressionName(argument, row);
                var key = (i == 0 ? "first" : "rest") + (argumentName.Length == 0 ? "Unnamed" : string.Empty);
                var template = argumentNames.TryGetProperty(key, out var t) ? t.GetString()! : "{arg}";
                var name = template.Replace("{arg}", argumentName, StringComparison.Ordinal)
                    .Replace("{0}", firstName, StringComparison.Ordinal)
                    .Replace("{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
                result.Add(new ItemColumn(name, call.ArgumentTypes[i]));
            }

            return result;
        }

        return null;
    }

    /// <summary>A literal argument as a name part: percentiles(x, 95) → 95, 99.9 → 99_9.</summary>
    private static string LiteralName(SyntaxNode argument) =>
        string.Concat(argument.DescendantTokens().Select(t => t.Text)).Replace('.', '_').Replace("-", string.Empty, StringComparison.Ordinal);
}
