using System.Globalization;
using SentinelContent.Deploy.Arm;

namespace SentinelContent.Cli.Infrastructure;

/// <summary>
/// Shows each wait before a retry on standard error: one line when the wait starts ("management.azure.com: HTTP
/// 429, throttled; retrying in 60 s (attempt 2 of 9; the service asked for 3600 s)"), then, on a terminal, the
/// seconds counting down on that line. In a pipe only the first line is written, so CI logs stay short.
/// </summary>
public sealed class RetryCountdown(CliContext context) : IRetryObserver
{
    private readonly object _gate = new();
    private RetryNotice? _current;

    public void Waiting(RetryNotice notice, TimeSpan remaining)
    {
        lock (_gate)
        {
            var first = !ReferenceEquals(notice, _current);
            _current = notice;
            if (!first && !context.OutputIsTerminal) return;
            var seconds = Math.Max(1, (int)Math.Ceiling(remaining.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            var asked = notice.RequestedDelay is { } requested && requested > notice.Delay
                ? $"; the service asked for {Math.Ceiling(requested.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s, capped"
                : string.Empty;
            var line = $"{notice.Host}: {notice.Reason}; retrying in {seconds} s (attempt {notice.Attempt} of {notice.MaxAttempts}{asked})";
            if (context.OutputIsTerminal) context.Error.Write($"\r{line}\u001b[K");
            else context.Error.WriteLine(line);
            if (context.OutputIsTerminal && remaining <= TimeSpan.FromSeconds(1)) context.Error.Write("\r\u001b[K");
        }
    }
}
