namespace SentinelContent.Kql.Binding;

/// <summary>
/// Functions every Microsoft Sentinel workspace has, for validating rules. They are not part of KQL
/// itself (the official binder without a workspace rejects them), so `kql check` knows them only when
/// given with --functions.
/// </summary>
public static class SentinelFunctions
{
    /// <summary>
    /// _GetWatchlist(alias): the watchlist's fixed columns plus its own columns, unpacked from
    /// WatchlistItem, which depend on the watchlist (an open schema).
    /// </summary>
    public static WorkspaceFunction GetWatchlist { get; } = new(
        "_GetWatchlist",
        "(watchlistAlias:string)",
        "{ datatable(_DTItemId:string, LastUpdatedTimeUTC:datetime, SearchKey:string, WatchlistItem:dynamic)[] | evaluate bag_unpack(WatchlistItem) }");

    public static IReadOnlyList<WorkspaceFunction> All { get; } = [GetWatchlist];
}
