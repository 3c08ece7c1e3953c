using Azure.Core;
using Azure.Core.Pipeline;

namespace SentinelContent.Deploy.Arm;

/// <summary>
/// Adds the development token for the emulator, which listens on plain HTTP on loopback. Azure.Core's
/// BearerTokenAuthenticationPolicy rightly refuses to send tokens over HTTP, so this policy exists for the
/// loopback case only and refuses any other host: it can never send a token across the network.
/// </summary>
internal sealed class LoopbackBearerPolicy(TokenCredential credential, string scope) : HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Authorize(message, credential.GetToken(new TokenRequestContext([scope]), message.CancellationToken));
        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Authorize(message, await credential.GetTokenAsync(new TokenRequestContext([scope]), message.CancellationToken).ConfigureAwait(false));
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
    }

    private static void Authorize(HttpMessage message, AccessToken token)
    {
        if (!ArmEndpoint.IsLoopback(message.Request.Uri.ToUri()))
            throw new InvalidOperationException("The development credential is only sent to a loopback endpoint.");
        message.Request.Headers.SetValue("Authorization", "Bearer " + token.Token);
    }
}
