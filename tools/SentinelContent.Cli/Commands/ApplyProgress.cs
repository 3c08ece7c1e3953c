using SentinelContent.Core.Text;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Deploy.Apply;
using SentinelContent.Deploy.Planning;

namespace SentinelContent.Cli.Commands;

/// <summary>
/// Progress of an apply: on a terminal one line that counts up; in a pipe (CI logs) one line per item,
/// so a log shows exactly what was done before an interruption.
/// </summary>
internal sealed class ApplyProgress(CliContext context, int total, bool color) : IProgress<ItemResult>
{
    private readonly Lock _lock = new();
    private int _done;

    public void Report(ItemResult value)
    {
        lock (_lock)
        {
            _done++;
            var verb = value.Item.Action.ToString().ToLowerInvariant();
            var failed = value.Outcome != ApplyOutcome.Done;
            if (context.OutputIsTerminal && !failed)
            {
                context.Error.Write($"\r[{_done}/{total}] {verb} {value.Item.Kind.Noun} {Trim(TerminalText.Escape(value.Item.DisplayName))}\u001b[K");
                return;
            }
            if (context.OutputIsTerminal) context.Error.Write("\r\u001b[K");
            var outcome = value.Outcome switch
            {
                ApplyOutcome.Done => "done",
                ApplyOutcome.Conflict => Paint("\u001b[33m", "conflict"),
                _ => Paint("\u001b[31m", "failed"),
            };
            context.Error.WriteLine($"[{_done}/{total}] {verb} {value.Item.Kind.Noun} {TerminalText.Escape(value.Item.DisplayName)} ({TerminalText.Escape(value.Item.Name)}): {outcome}{(value.Error is null ? string.Empty : ": " + TerminalText.Escape(value.Error))}");
        }
    }

    public void Finish()
    {
        if (context.OutputIsTerminal) context.Error.WriteLine();
    }

    private string Paint(string colour, string text) => color ? colour + text + "\u001b[0m" : text;

    private static string Trim(string text) => text.Length > 60 ? text[..60] + "…" : text;
}

/// <summary>The closing lines of an apply: what was done, what failed, and what went over the wire.</summary>
internal static class ApplySummary
{
    public static void Write(ApplyResult result, bool color, TextWriter writer)
    {
        string Count(PlanAction action) => result.Items.Count(i => i.Outcome == ApplyOutcome.Done && i.Item.Action == action).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var failed = result.Count(ApplyOutcome.Failed);
        var conflicts = result.Count(ApplyOutcome.Conflict);
        var line = $"Applied: {Count(PlanAction.Create)} created, {Count(PlanAction.Update)} updated, {Count(PlanAction.Delete)} deleted, {Count(PlanAction.Adopt)} adopted; " +
                   $"{conflicts} conflict(s), {failed} failed. {result.WriteRequests} write request(s), {result.FailedAttempts} retried attempt(s), {result.Elapsed.TotalSeconds:F1}s.";
        var colour = failed + conflicts > 0 ? "\u001b[31m" : "\u001b[32m";
        writer.WriteLine(color ? colour + line + "\u001b[0m" : line);
        if (failed + conflicts > 0) writer.WriteLine("Run the same command again to retry: it plans from the workspace's current state.");
    }
}
