using SentinelContent.Kql.Data;

namespace SentinelContent.LogAnalytics.Query;

/// <summary>
/// Which tables a run's time window applies to. Event tables are scoped to the window on TimeGenerated.
/// Reference tables are read whole. Sentinel does not document how its query time range treats reference
/// data; Microsoft's own NRT rules join _GetWatchlist and IdentityInfo (snapshots refreshed every few days)
/// inside a one-minute window, which only works if they are not scoped, so this is our choice (see
/// docs/alert-semantics.md). It is one list, to change in one place if evidence says otherwise; the rule tests,
/// local backtests and the emulator's timespan all restrict tables through <see cref="Restrict"/>.
/// </summary>
public static class QueryScope
{
    public static readonly IReadOnlySet<string> ReferenceTables = new HashSet<string>(StringComparer.Ordinal) { "Watchlist", "IdentityInfo" };

    public const string TimeColumn = "TimeGenerated";

    public static bool IsScoped(string table) => !ReferenceTables.Contains(table);

    /// <summary>What a run over [start, end) sees: event tables restricted on TimeGenerated, reference tables whole.</summary>
    public static Dictionary<string, DataTable> Restrict(IReadOnlyDictionary<string, DataTable> tables, DateTime start, DateTime end) =>
        tables.ToDictionary(p => p.Key, p => IsScoped(p.Key) ? p.Value.WithinTime(TimeColumn, start, end) : p.Value, StringComparer.Ordinal);
}
