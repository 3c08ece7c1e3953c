namespace SentinelContent.Deploy.Arm;

/// <summary>A retry about to wait: what failed, where, and how long the wait is (after the Retry-After cap).</summary>
public sealed record RetryNotice(string Host, string Reason, int Attempt, int MaxAttempts, TimeSpan Delay, TimeSpan? RequestedDelay);

/// <summary>
/// Told about every wait before a retry and each second of it, so a person sees a countdown instead of a silent
/// hang. The CLI prints it; tests record it. Implementations must be thread-safe (writes run in parallel).
/// </summary>
public interface IRetryObserver
{
    /// <summary>Called when the wait starts, then about once a second with the time left.</summary>
    void Waiting(RetryNotice notice, TimeSpan remaining);
}
