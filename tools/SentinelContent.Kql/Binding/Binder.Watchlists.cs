using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Binding;

// _GetWatchlist('alias') against the watchlists the repository declares (watchlists/ALIAS.yaml beside ALIAS.csv).
internal sealed partial class Binder
{
    /// <summary>
    /// A declared watchlist's result: the standard columns _GetWatchlist keeps (_DTItemId, LastUpdatedTimeUTC, SearchKey)
    /// and the item's own columns, dynamic as bag_unpack makes them. An alias the repository does not declare is the
    /// warning SC0332 at the alias, and null: the call then binds to the open schema as without a repository.
    /// </summary>
    private ExprType? BindDeclaredWatchlist(
        IReadOnlyDictionary<string, IReadOnlyList<string>> declared, IReadOnlyList<SyntaxNode> arguments, RowContext? row)
    {
        if (arguments.Count != 1 || ConstantString(arguments[0]) is not { } alias) return null;
        if (!declared.TryGetValue(alias, out var columns))
        {
            Report(KqlSemanticDiagnostics.UndeclaredWatchlist, arguments[0].Span, alias,
                $"declare it as watchlists/{alias}.yaml (displayName, itemsSearchKey) beside watchlists/{alias}.csv "
                + "(its items, header first)");
            return null;
        }
        Bind(arguments[0], row);
        ColumnSymbol[] standard =
        [
            new("_DTItemId", ScalarType.String), new("LastUpdatedTimeUTC", ScalarType.DateTime), new("SearchKey", ScalarType.String),
        ];
        var own = columns.Where(c => standard.All(s => s.Name != c)).Select(c => new ColumnSymbol(c, ScalarType.Dynamic));
        return ExprType.Of(new TableSymbol([.. standard, .. own], isOpen: false));
    }
}
