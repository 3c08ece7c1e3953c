using Azure.Core;
using Azure.Core.Pipeline;

namespace SentinelContent.Deploy.Arm;

/// <summary>
/// Counts every request the pipeline sends (each retry included), by kind, and the attempts that failed
/// (429, 5xx, or no answer at all). It sits after the retry policy, so "zero writes" is measured on the
/// wire, not assumed from the plan.
/// </summary>
public sealed class RequestStatistics : HttpPipelinePolicy
{
    private long _reads;
    private long _writes;
    private long _failedAttempts;

    public long Reads => Interlocked.Read(ref _reads);

    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Attempts answered with 429/5xx or lost on the network (each was retried or reported).</summary>
    public long FailedAttempts => Interlocked.Read(ref _failedAttempts);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        try { ProcessNext(message, pipeline); }
        catch (Exception) when (Lost()) { throw; }
        Answered(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        try { await ProcessNextAsync(message, pipeline).ConfigureAwait(false); }
        catch (Exception) when (Lost()) { throw; }
        Answered(message);
    }

    private void Count(HttpMessage message)
    {
        if (message.Request.Method == RequestMethod.Get || message.Request.Method == RequestMethod.Head) Interlocked.Increment(ref _reads);
        else Interlocked.Increment(ref _writes);
    }

    private void Answered(HttpMessage message)
    {
        if (message.Response.Status is 429 or >= 500) Interlocked.Increment(ref _failedAttempts);
    }

    /// <summary>An attempt that ended without an answer (connection reset, timeout); counted, never swallowed.</summary>
    private bool Lost()
    {
        Interlocked.Increment(ref _failedAttempts);
        return false;
    }
}
