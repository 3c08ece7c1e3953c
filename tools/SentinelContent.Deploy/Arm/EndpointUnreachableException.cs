namespace SentinelContent.Deploy.Arm;

/// <summary>
/// The endpoint could not be reached at all (connection refused, a name that does not resolve, no route), or kept
/// failing at the network level through every retry. The message is one line for a person: the endpoint, what
/// happened and what to do, with no SDK type or option names.
/// </summary>
public sealed class EndpointUnreachableException(Uri endpoint, string reason, string advice, Exception? inner = null)
    : Exception($"cannot reach {endpoint.GetLeftPart(UriPartial.Authority)} ({reason}); {advice}", inner)
{
    public Uri Endpoint { get; } = endpoint;

    public string Reason { get; } = reason;
}
