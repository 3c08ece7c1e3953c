using Azure.Core;
using Azure.Core.Pipeline;

namespace SentinelContent.Deploy.Arm;

/// <summary>
/// Counts every request the pipeline sends (each retry included), by kind. It sits after the retry policy,
/// so "zero writes" is measured on the wire, not assumed from the plan.
/// </summary>
public sealed class RequestStatistics : HttpPipelineSynchronousPolicy
{
    private long _reads;
    private long _writes;
    private long _failedAttempts;

    public long Reads => Interlocked.Read(ref _reads);

    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Attempts answered with 429/5xx or lost on the network (each was retried or reported).</summary>
    public long FailedAttempts => Interlocked.Read(ref _failedAttempts);

    public override void OnSendingRequest(HttpMessage message)
    {
        if (message.Request.Method == RequestMethod.Get || message.Request.Method == RequestMethod.Head) Interlocked.Increment(ref _reads);
        else Interlocked.Increment(ref _writes);
    }

    public override void OnReceivedResponse(HttpMessage message)
    {
        if (message.Response.Status is 429 or >= 500) Interlocked.Increment(ref _failedAttempts);
    }

    /// <summary>Called by the client when an attempt ended without a response (connection reset).</summary>
    internal void CountLostAttempt() => Interlocked.Increment(ref _failedAttempts);
}
