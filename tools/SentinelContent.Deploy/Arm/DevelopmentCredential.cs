using Azure.Core;

namespace SentinelContent.Deploy.Arm;

/// <summary>
/// The fixed token the local workspace emulator accepts. It is only ever handed out for a loopback endpoint
/// (see <see cref="ArmConnection"/>), so a real Azure token never reaches the emulator and this one never
/// reaches Azure. It is not a secret: it is printed in the docs.
/// </summary>
public sealed class DevelopmentCredential : TokenCredential
{
    /// <summary>The emulator's default token (the emulator has the same constant; a test keeps them equal).</summary>
    public const string Token = "sentinelcontent-emulator-dev-token";

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(Token, DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}
