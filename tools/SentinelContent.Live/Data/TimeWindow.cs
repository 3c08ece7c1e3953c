using SentinelContent.Kql.Data;
using SentinelContent.Simulation.Schedule;

namespace SentinelContent.Live.Data;

/// <summary>
/// What a query over [start, end) sees: event tables restricted on TimeGenerated, reference tables whole
/// (<see cref="QueryScope"/>). One rule for the offline engine, the emulator's timespan and the rule tests.
/// </summary>
public static class TimeWindow
{
    public const string TimeColumn = "TimeGenerated";

    public static Dictionary<string, DataTable> Restrict(IReadOnlyDictionary<string, DataTable> tables, DateTime start, DateTime end) =>
        tables.ToDictionary(p => p.Key, p => QueryScope.IsScoped(p.Key) ? p.Value.WithinTime(TimeColumn, start, end) : p.Value, StringComparer.Ordinal);
}
