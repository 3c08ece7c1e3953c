namespace SentinelContent.Simulation;

/// <summary>
/// Sentinel's documented limits on turning results into alerts and incidents, in one place.
/// Sources: Learn "Service limits for Microsoft Sentinel", "Scheduled analytics rules", "NRT rules",
/// "Map data fields to entities" (see docs/alert-semantics.md).
/// </summary>
public static class SentinelLimits
{
    /// <summary>Alerts one run of a scheduled rule can raise with AlertPerResult; the last one summarises all events.</summary>
    public const int AlertsPerScheduledRun = 150;

    /// <summary>Alerts one run of an NRT rule can raise; the last one summarises all events.</summary>
    public const int AlertsPerNrtRun = 30;

    /// <summary>Entities per alert, divided equally across the rule's entity mappings.</summary>
    public const int EntitiesPerAlert = 500;

    /// <summary>Values kept per custom detail in one alert.</summary>
    public const int ValuesPerCustomDetail = 50;

    /// <summary>Alerts in one incident; past it, a new incident with the same details takes the excess.</summary>
    public const int AlertsPerIncident = 150;

    /// <summary>NRT rules run every minute over the data since the previous run.</summary>
    public static readonly TimeSpan NrtInterval = TimeSpan.FromMinutes(1);
}
