namespace SentinelContent.Simulation.Schedule;

/// <summary>
/// Which tables a run's time window applies to. Event tables are scoped to the window on TimeGenerated.
/// Reference tables are read whole. Sentinel does not document how its query time range treats reference
/// data; Microsoft's own NRT rules join _GetWatchlist and IdentityInfo (snapshots refreshed every few days)
/// inside a one-minute window, which only works if they are not scoped, so this is our choice (see
/// docs/alert-semantics.md). It is one list, to change in one place if evidence says otherwise.
/// </summary>
public static class QueryScope
{
    public static readonly IReadOnlySet<string> ReferenceTables = new HashSet<string>(StringComparer.Ordinal) { "Watchlist", "IdentityInfo" };

    public static bool IsScoped(string table) => !ReferenceTables.Contains(table);
}
