using Azure.Core;
using Azure.Core.Pipeline;

namespace SentinelContent.Deploy.Arm;

/// <summary>Settings of the HTTP pipeline to ARM: retries (with Retry-After honoured by Azure.Core) and timeouts.</summary>
public sealed record ArmConnectionSettings
{
    public int MaxRetries { get; init; } = 8;

    /// <summary>The first back-off delay; it doubles per retry (with jitter) up to <see cref="MaxDelay"/>, unless Retry-After says otherwise.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(100);
}

/// <summary>
/// Builds the Azure.Core pipeline to one ARM endpoint: Azure.Core's retry policy (exponential back-off that
/// honours Retry-After, retry-after-ms and x-ms-retry-after-ms on 408/429/5xx and on network failures), its
/// logging policy (which redacts the Authorization header) and authentication.
/// </summary>
public static class ArmConnection
{
    public static ArmClient Create(Uri endpoint, TokenCredential credential, ArmConnectionSettings? settings = null)
    {
        settings ??= new ArmConnectionSettings();
        var loopback = ArmEndpoint.IsLoopback(endpoint);
        if (credential is DevelopmentCredential && !loopback)
            throw new InvalidOperationException($"The development credential is for the local emulator only; {endpoint} is not a loopback address.");
        if (!loopback && endpoint.Scheme != Uri.UriSchemeHttps)
            throw new InvalidOperationException($"ARM endpoints must use https: {endpoint}");

        var options = new ArmClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = settings.MaxRetries;
        options.Retry.Delay = settings.Delay;
        options.Retry.MaxDelay = settings.MaxDelay;
        options.Retry.NetworkTimeout = settings.NetworkTimeout;
        options.Diagnostics.IsLoggingContentEnabled = false; // bodies may hold watchlist data; never log them
        options.Diagnostics.ApplicationId = "sentinelctl";

        var scope = ArmEndpoint.ScopeFor(endpoint);
        HttpPipelinePolicy auth = endpoint.Scheme == Uri.UriSchemeHttps
            ? new BearerTokenAuthenticationPolicy(credential, scope)
            : new LoopbackBearerPolicy(credential, scope);
        var statistics = new RequestStatistics();
        var pipeline = HttpPipelineBuilder.Build(options, perCallPolicies: [], perRetryPolicies: [auth, statistics], new ResponseClassifier());
        return new ArmClient(pipeline, endpoint, statistics);
    }

    private sealed class ArmClientOptions : ClientOptions;
}
