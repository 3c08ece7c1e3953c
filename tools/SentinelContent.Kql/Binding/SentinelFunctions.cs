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

    /// <summary>
    /// _ASIM_GetWatchlistRaw(alias[, keys]): a watchlist's current items in raw form, each item's columns in the dynamic
    /// WatchlistItem (Learn, "ASIM helper functions": watchlist functions; Azure-Sentinel's Web Session rules read
    /// WatchlistItem["Extensions"]). The columns are the Watchlist table's (docs/table-catalog.md).
    /// </summary>
    public static WorkspaceFunction GetWatchlistRaw { get; } = new(
        "_ASIM_GetWatchlistRaw",
        "(watchlist:string, keys:dynamic=dynamic([]))",
        "{ datatable(TimeGenerated:datetime, WatchlistAlias:string, SearchKey:string, _DTItemId:string, " +
        "LastUpdatedTimeUTC:datetime, WatchlistItem:dynamic)[] }");

    public static IReadOnlyList<WorkspaceFunction> All { get; } = [GetWatchlist, GetWatchlistRaw];

    /// <summary>
    /// _GetWatchlist as the local engine runs it: the Watchlist table's current items of the alias (a test's
    /// Watchlist rows stand for the workspace's watchlist), with each item's columns unpacked. Binding keeps the
    /// schema-only form above, which does not depend on a table the workspace may not expose.
    /// </summary>
    public static WorkspaceFunction GetWatchlistFromTable { get; } = new(
        "_GetWatchlist",
        "(watchlistAlias:string)",
        "{ Watchlist | where WatchlistAlias == watchlistAlias and _DTItemStatus != 'Deleted' | project _DTItemId, LastUpdatedTimeUTC, SearchKey, WatchlistItem | evaluate bag_unpack(WatchlistItem) }");

    /// <summary>_ASIM_GetWatchlistRaw as the local engine runs it: the Watchlist table's current items of the alias.</summary>
    public static WorkspaceFunction GetWatchlistRawFromTable { get; } = new(
        "_ASIM_GetWatchlistRaw",
        "(watchlist:string)",
        "{ Watchlist | where WatchlistAlias == watchlist and _DTItemStatus != 'Deleted' " +
        "| project TimeGenerated, WatchlistAlias, SearchKey, _DTItemId, LastUpdatedTimeUTC, WatchlistItem }");
}
