using SentinelContent.Deploy.Arm;

namespace SentinelContent.Live.Query;

/// <summary>
/// Where the Log Analytics query API lives: api.loganalytics.io in Azure's public cloud, or the emulator on
/// loopback (which serves ARM and the query API on one address, so a loopback ARM endpoint implies it).
/// </summary>
public static class LogsEndpoint
{
    public static readonly Uri PublicCloud = new("https://api.loganalytics.io");

    /// <summary>The token audience of the query API (the emulator ignores it).</summary>
    public static string ScopeFor(Uri endpoint) =>
        ArmEndpoint.IsLoopback(endpoint) ? new Uri(endpoint, "/.default").ToString() : "https://api.loganalytics.io/.default";

    /// <summary>The query endpoint for an ARM endpoint: the same address for the emulator, else Azure's public one.</summary>
    public static Uri For(Uri armEndpoint) => ArmEndpoint.IsLoopback(armEndpoint) ? new Uri(armEndpoint.GetLeftPart(UriPartial.Authority)) : PublicCloud;
}
