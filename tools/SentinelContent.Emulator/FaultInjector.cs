using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SentinelContent.Emulator;

public enum FaultKind
{
    None,
    Throttle,
    InternalError,
    Unavailable,
    ResetBefore,
    ResetAfter,
}

/// <summary>
/// Adds latency and injects faults before a request reaches the ARM endpoints, the way a busy ARM front
/// door misbehaves: 429 with Retry-After, 500, 503 with Retry-After, and connections dropped before the
/// request is handled or after it (the write is done but the client never gets the answer).
/// </summary>
public sealed class FaultInjector(FaultOptions options, EmulatorStatistics statistics)
{
    private readonly Random _random = options.Seed is { } seed ? new Random(seed) : new Random();
    private readonly Lock _lock = new();

    public FaultKind Draw()
    {
        if (options.FailureRate <= 0) return FaultKind.None;
        lock (_lock)
        {
            if (_random.NextDouble() >= options.FailureRate) return FaultKind.None;
            var weights = new[] { options.ThrottleWeight, options.InternalErrorWeight, options.UnavailableWeight, options.ResetBeforeWeight, options.ResetAfterWeight };
            var total = weights.Sum();
            if (total <= 0) return FaultKind.None;
            var pick = _random.Next(total);
            for (var i = 0; i < weights.Length; i++)
            {
                if (pick < weights[i]) return (FaultKind)(i + 1);
                pick -= weights[i];
            }
            return FaultKind.None;
        }
    }

    public async Task Invoke(HttpContext context, RequestDelegate next)
    {
        if (options.Latency > TimeSpan.Zero) await Task.Delay(options.Latency, context.RequestAborted);
        var fault = Draw();
        if (fault != FaultKind.None) statistics.Fault();
        switch (fault)
        {
            case FaultKind.Throttle:
                SetRetryAfter(context);
                await ArmErrors.Write(context, 429, "TooManyRequests", "The request was throttled. Retry after the time in the Retry-After header.");
                return;
            case FaultKind.InternalError:
                await ArmErrors.Write(context, 500, "InternalServerError", "An internal error occurred (injected by the emulator).");
                return;
            case FaultKind.Unavailable:
                SetRetryAfter(context);
                await ArmErrors.Write(context, 503, "ServiceUnavailable", "The service is temporarily unavailable (injected by the emulator).");
                return;
            case FaultKind.ResetBefore:
                context.Abort();
                return;
            case FaultKind.ResetAfter:
                // Handle the request for real, keep the answer, then drop the connection: nothing reaches the client.
                var original = context.Response.Body;
                context.Response.Body = new MemoryStream();
                try { await next(context); }
                finally { context.Response.Body = original; }
                context.Abort();
                return;
            default:
                await next(context);
                return;
        }
    }

    private void SetRetryAfter(HttpContext context)
    {
        var after = options.RetryAfter;
        context.Response.Headers["Retry-After"] = Math.Max(0, (int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (after < TimeSpan.FromSeconds(1))
            context.Response.Headers["retry-after-ms"] = ((int)after.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
    }
}
