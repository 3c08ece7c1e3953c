using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Net.Sockets;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SentinelContent.Deploy.Arm;

/// <summary>
/// The retry policy of every Azure pipeline here (ARM and the Log Analytics query API), in place of Azure.Core's,
/// which honours any Retry-After silently (a `Retry-After: 3600` held a deploy for hours with no word), retried a
/// refused connection for 55 seconds, and ended in its own text about ClientOptions.Retry. This one:
/// <list type="bullet">
/// <item>retries throttling (429), 408 and server faults (500, 502, 503, 504) and lost connections, with exponential
/// back-off and jitter, honouring Retry-After / retry-after-ms / x-ms-retry-after-ms up to a cap
/// (<see cref="ArmConnectionSettings.MaxRetryAfter"/>), and tells an <see cref="IRetryObserver"/> so the wait is a
/// visible countdown;</item>
/// <item>gives up on an unreachable endpoint (refused, unresolvable, no route) within seconds, with
/// <see cref="EndpointUnreachableException"/> saying what to do;</item>
/// <item>after the last attempt returns the last response (the caller reports ARM's error) or throws
/// <see cref="EndpointUnreachableException"/> for a network failure, never an AggregateException.</item>
/// </list>
/// </summary>
public sealed class ArmRetryPolicy(Uri endpoint, ArmConnectionSettings settings) : HttpPipelinePolicy
{
    /// <summary>Quick retries for a refused or unresolvable endpoint (an emulator still starting), then it is reported.</summary>
    private static readonly TimeSpan[] UnreachableDelays = [TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1)];

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: false).AsTask().GetAwaiter().GetResult();

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: true);

    private async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        var unreachable = 0;
        for (var attempt = 1; ; attempt++)
        {
            Exception? failure = null;
            try
            {
                if (async) await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
                else ProcessNext(message, pipeline);
            }
            catch (Exception e) when (IsTransportFailure(e) && !message.CancellationToken.IsCancellationRequested)
            {
                // Only the network's failures are retried; a sign-in failure or a bug surfaces at once.
                failure = e;
            }

            TimeSpan delay;
            string reason;
            TimeSpan? requested = null;
            if (failure is not null)
            {
                if (Unreachable(failure) is { } why)
                {
                    if (unreachable == UnreachableDelays.Length) throw new EndpointUnreachableException(endpoint, why, Advice(), failure);
                    delay = UnreachableDelays[unreachable++];
                    reason = why;
                }
                else
                {
                    reason = Describe(failure);
                    if (attempt > settings.MaxRetries)
                        throw new EndpointUnreachableException(endpoint, $"{reason}, {attempt} attempts", "check the network (proxy, firewall) and try again", failure);
                    delay = Backoff(attempt);
                }
            }
            else
            {
                var status = message.Response.Status;
                if (!IsRetriable(status) || attempt > settings.MaxRetries) return;
                requested = ServerDelay(message.Response);
                delay = requested ?? Backoff(attempt);
                reason = status == 429 ? "HTTP 429, throttled" : $"HTTP {status.ToString(CultureInfo.InvariantCulture)}";
            }

            if (delay > settings.MaxRetryAfter) delay = settings.MaxRetryAfter;
            var notice = unreachable > 0 && failure is not null && Unreachable(failure) is not null
                ? new RetryNotice(endpoint.Host, reason, unreachable + 1, UnreachableDelays.Length + 1, delay, null)
                : new RetryNotice(endpoint.Host, reason, attempt + 1, settings.MaxRetries + 1, delay, requested);
            if (async) await WaitAsync(notice, message.CancellationToken).ConfigureAwait(false);
            else WaitAsync(notice, message.CancellationToken).GetAwaiter().GetResult();
            if (message.HasResponse) message.Response.ContentStream?.Dispose(); // frees the connection
        }
    }

    private static bool IsRetriable(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>A failure of the connection or the wait for an answer (what Azure.Core's transport throws), not of sign-in or of our code.</summary>
    private static bool IsTransportFailure(Exception e) =>
        e is RequestFailedException { Status: 0 } or HttpRequestException or IOException or SocketException or TimeoutException ||
        (e is TaskCanceledException or OperationCanceledException && e.InnerException is TimeoutException or null);

    /// <summary>Waits <see cref="RetryNotice.Delay"/>, telling the observer at the start and about once a second.</summary>
    private async Task WaitAsync(RetryNotice notice, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var remaining = notice.Delay - clock.Elapsed;
            if (remaining <= TimeSpan.Zero) return;
            settings.Observer?.Waiting(notice, remaining);
            var step = remaining < TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1);
            await Task.Delay(step, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = settings.Delay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = Math.Min(exponential, settings.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + (0.4 * Random.Shared.NextDouble())));
    }

    /// <summary>Retry-After (seconds or an HTTP date), retry-after-ms or x-ms-retry-after-ms; null when absent or unreadable.</summary>
    internal static TimeSpan? ServerDelay(Response response)
    {
        foreach (var header in new[] { "retry-after-ms", "x-ms-retry-after-ms" })
        {
            if (response.Headers.TryGetValue(header, out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0)
                return TimeSpan.FromMilliseconds(Math.Min(value, TimeSpan.FromDays(1).TotalMilliseconds));
        }
        if (!response.Headers.TryGetValue("Retry-After", out var text) || text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            return TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.FromDays(1).TotalSeconds));
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return at > DateTimeOffset.UtcNow ? at - DateTimeOffset.UtcNow : TimeSpan.Zero;
        return null;
    }

    /// <summary>Why the endpoint cannot be reached at all, or null for failures worth retrying (a reset, a timeout).</summary>
    internal static string? Unreachable(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }) return "the name does not resolve";
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection refused",
                    SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "the name does not resolve",
                    SocketError.HostUnreachable or SocketError.NetworkUnreachable => "no route to the host",
                    SocketError.AddressNotAvailable => "the address is not available",
                    _ => null,
                };
            }
        }
        return null;
    }

    /// <summary>A failure worth retrying, in words.</summary>
    private static string Describe(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is TaskCanceledException or TimeoutException) return "no answer in time";
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }) return "the TLS connection failed";
            if (e is IOException or SocketException) return "the connection was lost";
        }
        return "the request failed";
    }

    private string Advice() => ArmEndpoint.IsLoopback(endpoint)
        ? $"is the local emulator running? Start it with `sentinelctl emulator --port {endpoint.Port}`, or check the environment's endpoint: in sentinel.yaml (or --endpoint)"
        : "check the environment's endpoint: in sentinel.yaml (or --endpoint), and the network (DNS, proxy, firewall)";
}
