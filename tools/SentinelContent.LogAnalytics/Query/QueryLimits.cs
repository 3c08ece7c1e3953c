namespace SentinelContent.LogAnalytics.Query;

/// <summary>The query service's own bounds (documented in docs/live-workspace.md), which the client and the emulator both honour.</summary>
public static class QueryLimits
{
    /// <summary>How long the service lets a query run when asked (Prefer: wait=N): at most 10 minutes.</summary>
    public static readonly TimeSpan MaxServerTimeout = TimeSpan.FromMinutes(10);

    /// <summary>How long it waits when not asked.</summary>
    public static readonly TimeSpan DefaultServerTimeout = TimeSpan.FromMinutes(3);
}
