using System.Globalization;
using System.Text.Json;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Live.Backtest;

namespace SentinelContent.Cli.Commands;

/// <summary>Progress over the runs: one line that counts up on a terminal; nothing in a pipe (the report follows).</summary>
internal sealed class BacktestProgress(CliContext context, int total, bool enabled) : IProgress<int>
{
    private readonly Lock _lock = new();
    private readonly bool _show = enabled && context.OutputIsTerminal;

    public void Report(int value)
    {
        if (!_show) return;
        lock (_lock) context.Error.Write($"\rrun {value}/{total}\u001b[K");
    }

    public void Finish()
    {
        if (_show) context.Error.Write("\r\u001b[K");
    }
}

/// <summary>The backtest as text: totals, alerts per day, top entities, noisiest values.</summary>
internal static class BacktestText
{
    public static void Write(BacktestResult result, string rulePath, bool color, TextWriter writer)
    {
        var r = result.Report;
        string Bold(string text) => color ? "\u001b[1m" + text + "\u001b[0m" : text;
        writer.WriteLine(Bold($"{result.Rule.DisplayName} ({rulePath})"));
        writer.WriteLine($"{Iso(result.From)} to {Iso(result.To)}: {r.Runs} run(s), {r.TriggeredRuns} triggered, {r.SuppressedRuns} suppressed, {r.Alerts} alert(s).");
        writer.WriteLine();
        writer.WriteLine(Bold("Alerts per day (UTC)"));
        foreach (var day in r.PerDay) writer.WriteLine($"  {day.Day:yyyy-MM-dd}  {day.Alerts,5} alert(s)  {day.TriggeredRuns,4}/{day.Runs} run(s) triggered");
        writer.WriteLine();
        writer.WriteLine(Bold("Entities most often in alerts"));
        if (r.TopEntities.Count == 0) writer.WriteLine("  (none)");
        foreach (var e in r.TopEntities) writer.WriteLine($"  {e.Alerts,5}  {e.Type}: {e.Identity}");
        writer.WriteLine();
        writer.WriteLine(Bold("Noisiest values (alerts whose rows hold the value)"));
        if (r.NoisiestValues.Count == 0) writer.WriteLine("  (none)");
        foreach (var v in r.NoisiestValues) writer.WriteLine($"  {v.Alerts,5}  {v.Column} = {v.Value}");
    }

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}

/// <summary>The backtest as one JSON document: the report and every alert (run time, name, severity, entities).</summary>
internal static class BacktestJson
{
    public static void Write(BacktestResult result, TextWriter writer)
    {
        var r = result.Report;
        var document = new
        {
            rule = result.Rule.DisplayName,
            ruleId = result.Rule.Id?.Value,
            from = result.From,
            to = result.To,
            runs = r.Runs,
            triggeredRuns = r.TriggeredRuns,
            suppressedRuns = r.SuppressedRuns,
            alerts = r.Alerts,
            perDay = r.PerDay.Select(d => new { day = d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), alerts = d.Alerts, runs = d.Runs, triggeredRuns = d.TriggeredRuns }),
            topEntities = r.TopEntities.Select(e => new { type = e.Type, identity = e.Identity, alerts = e.Alerts }),
            noisiestValues = r.NoisiestValues.Select(v => new { column = v.Column, value = v.Value, alerts = v.Alerts }),
            alertList = result.Runs.SelectMany(run => run.Outcome?.Alerts ?? []).Select(a => new
            {
                runTime = a.RunTime,
                displayName = a.DisplayName,
                severity = a.Severity,
                entities = a.Entities.Select(e => new { type = e.Type, identifiers = e.Identifiers }),
                customDetails = a.CustomDetails,
            }),
        };
        writer.WriteLine(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
    }
}
