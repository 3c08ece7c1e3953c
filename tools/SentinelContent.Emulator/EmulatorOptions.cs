namespace SentinelContent.Emulator;

/// <summary>How the emulator listens, where it keeps its state, and which faults it injects.</summary>
public sealed record EmulatorOptions
{
    /// <summary>The development token the emulator accepts (the deployer's DevelopmentCredential sends it).</summary>
    public const string DefaultDevToken = "sentinelcontent-emulator-dev-token";

    /// <summary>The loopback port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The SQLite file holding the workspace's resources; it survives restarts.</summary>
    public required string DatabasePath { get; init; }

    public string DevToken { get; init; } = DefaultDevToken;

    /// <summary>Items per page of a list; more items come behind nextLink, as ARM pages them.</summary>
    public int PageSize { get; init; } = 100;

    public FaultOptions Faults { get; init; } = new();

    /// <summary>The api-versions accepted per resource provider (the deployer pins one each; anything else is refused as ARM does).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ApiVersions { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
    {
        [ArmPath.SecurityInsights] = ["2024-09-01"],
        [ArmPath.Logic] = ["2019-05-01"],
        [ArmPath.Web] = ["2016-06-01"],
    };
}

/// <summary>
/// Fault injection. A share of requests (<see cref="FailureRate"/>) fails, each with a kind drawn by weight:
/// 429 with Retry-After, 500, 503, a connection reset before the request is handled, or one after it was
/// handled (the write happened, the client never hears). <see cref="Latency"/> is added to every request.
/// </summary>
public sealed record FaultOptions
{
    public double FailureRate { get; init; }

    public int ThrottleWeight { get; init; } = 1;

    public int InternalErrorWeight { get; init; } = 1;

    public int UnavailableWeight { get; init; } = 1;

    public int ResetBeforeWeight { get; init; } = 1;

    public int ResetAfterWeight { get; init; } = 1;

    /// <summary>The Retry-After sent with 429 and 503 (whole seconds in Retry-After; sub-second also as retry-after-ms).</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan Latency { get; init; }

    /// <summary>A seed makes the sequence of faults repeatable.</summary>
    public int? Seed { get; init; }
}
