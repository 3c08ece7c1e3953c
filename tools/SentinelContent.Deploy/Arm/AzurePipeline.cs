using Azure.Core;
using Azure.Core.Pipeline;

namespace SentinelContent.Deploy.Arm;

/// <summary>
/// The one place an Azure.Core HTTP pipeline is built, for ARM (the deployer, schema pull) and for the Log
/// Analytics query API alike: our retry policy (<see cref="ArmRetryPolicy"/>: exponential back-off that honours
/// Retry-After up to a cap, with a visible countdown, on 408/429/5xx and lost connections; an unreachable endpoint
/// fails within seconds), Azure.Core's logging policy (which redacts the Authorization header; bodies are never
/// logged) and authentication for the endpoint's audience.
/// </summary>
public static class AzurePipeline
{
    /// <param name="endpoint">The service endpoint: https, or http on loopback for the emulator.</param>
    /// <param name="scope">The token audience, for example https://management.azure.com/.default.</param>
    public static HttpPipeline Build(Uri endpoint, TokenCredential credential, string scope, ArmConnectionSettings settings, params HttpPipelinePolicy[] perRetryPolicies)
    {
        var loopback = ArmEndpoint.IsLoopback(endpoint);
        if (credential is DevelopmentCredential && !loopback)
            throw new InvalidOperationException($"The development credential is for the local emulator only; {endpoint} is not a loopback address.");
        if (!loopback && endpoint.Scheme != Uri.UriSchemeHttps)
            throw new InvalidOperationException($"Azure endpoints must use https: {endpoint}");

        var options = new PipelineOptions();
        // Our retry policy (capped Retry-After with a countdown, quick failure on an unreachable endpoint); the
        // network timeout still comes from Azure.Core's per-try response policy.
        options.RetryPolicy = new ArmRetryPolicy(endpoint, settings);
        options.Retry.NetworkTimeout = settings.NetworkTimeout;
        options.Transport = new HttpClientTransport(new SocketsHttpHandler { ConnectTimeout = settings.ConnectTimeout });
        options.Diagnostics.IsLoggingContentEnabled = false; // bodies may hold watchlist data or log rows; never log them
        options.Diagnostics.ApplicationId = "sentinelctl";

        HttpPipelinePolicy auth = endpoint.Scheme == Uri.UriSchemeHttps
            ? new BearerTokenAuthenticationPolicy(credential, scope)
            : new LoopbackBearerPolicy(credential, scope);
        return HttpPipelineBuilder.Build(options, perCallPolicies: [], perRetryPolicies: [auth, .. perRetryPolicies], new ResponseClassifier());
    }

    private sealed class PipelineOptions : ClientOptions;
}
