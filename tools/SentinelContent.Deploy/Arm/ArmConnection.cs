using Azure.Core;

namespace SentinelContent.Deploy.Arm;

/// <summary>Settings of the HTTP pipeline to ARM: retries (with Retry-After honoured by Azure.Core) and timeouts.</summary>
public sealed record ArmConnectionSettings
{
    public int MaxRetries { get; init; } = 8;

    /// <summary>The first back-off delay; it doubles per retry (with jitter) up to <see cref="MaxDelay"/>, unless Retry-After says otherwise.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>The longest wait before a retry, whatever Retry-After asks: a longer wait is cut to this (and shown).</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long establishing a connection may take before it counts as lost (a black-holed address).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Told about each wait before a retry (a countdown on the CLI); null for none.</summary>
    public IRetryObserver? Observer { get; init; }
}

/// <summary>Connects to one ARM endpoint over the shared Azure.Core pipeline (<see cref="AzurePipeline"/>), counting requests.</summary>
public static class ArmConnection
{
    public static ArmClient Create(Uri endpoint, TokenCredential credential, ArmConnectionSettings? settings = null)
    {
        var statistics = new RequestStatistics();
        var pipeline = AzurePipeline.Build(endpoint, credential, ArmEndpoint.ScopeFor(endpoint), settings ?? new ArmConnectionSettings(), statistics);
        return new ArmClient(pipeline, endpoint, statistics);
    }
}
