using System.Net;

namespace SentinelContent.Deploy.Arm;

/// <summary>The ARM endpoint: Azure's public cloud by default, the local emulator on loopback, or a sovereign cloud.</summary>
public static class ArmEndpoint
{
    public static readonly Uri PublicCloud = new("https://management.azure.com");

    /// <summary>The token audience for an endpoint (ARM's own for Azure; the emulator ignores it).</summary>
    public static string ScopeFor(Uri endpoint) => new Uri(endpoint, "/.default").ToString();

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
