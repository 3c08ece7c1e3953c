using Microsoft.AspNetCore.Http;

namespace SentinelContent.Emulator;

/// <summary>What the emulator saw: requests by method, faults injected, and writes that changed its state.</summary>
public sealed class EmulatorStatistics
{
    private long _requests;
    private long _writeRequests;
    private long _committedWrites;
    private long _faults;
    private long _internalErrors;

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>PUT and DELETE requests received (whatever their outcome).</summary>
    public long WriteRequests => Interlocked.Read(ref _writeRequests);

    /// <summary>PUTs and DELETEs that changed the stored state.</summary>
    public long CommittedWrites => Interlocked.Read(ref _committedWrites);

    public long Faults => Interlocked.Read(ref _faults);

    /// <summary>Requests the emulator failed on (answered 500 with an error body); the fuzz suite holds this at zero.</summary>
    public long InternalErrors => Interlocked.Read(ref _internalErrors);

    internal void Request(string method)
    {
        Interlocked.Increment(ref _requests);
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method)) Interlocked.Increment(ref _writeRequests);
    }

    internal void Committed() => Interlocked.Increment(ref _committedWrites);

    internal void Fault() => Interlocked.Increment(ref _faults);

    internal void InternalError() => Interlocked.Increment(ref _internalErrors);

    public void Reset()
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _writeRequests, 0);
        Interlocked.Exchange(ref _committedWrites, 0);
        Interlocked.Exchange(ref _faults, 0);
        Interlocked.Exchange(ref _internalErrors, 0);
    }
}
