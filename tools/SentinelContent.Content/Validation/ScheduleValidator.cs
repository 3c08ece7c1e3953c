using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Values;
using SentinelContent.Content.Diagnostics;
using SentinelContent.Content.Model;
using SentinelContent.Core.Text;

namespace SentinelContent.Content.Validation;

/// <summary>
/// Scheduling, suppression and incident-grouping windows: the ranges Sentinel enforces and how they
/// relate. Sources: Learn "Scheduled analytics rules" and "Service limits", and the Azure-Sentinel
/// template validator (see docs/rule-format.md).
/// </summary>
public sealed class ScheduleValidator : IRuleValidator
{
    public static readonly TimeSpan MinimumQueryWindow = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaximumQueryWindow = TimeSpan.FromDays(14);
    public static readonly TimeSpan MaximumSuppression = TimeSpan.FromHours(24);
    public static readonly TimeSpan MinimumGroupingLookback = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaximumGroupingLookback = TimeSpan.FromDays(7);
    private static readonly TimeSpan LongPeriod = TimeSpan.FromDays(2);
    private static readonly TimeSpan LongPeriodMinimumFrequency = TimeSpan.FromHours(1);

    public void Validate(AnalyticsRule rule, IList<Diagnostic> diagnostics)
    {
        if (rule.IsNrt) CheckNrt(rule, diagnostics);
        else CheckScheduled(rule, diagnostics);

        var suppression = AnalyticsRule.DurationOf(rule.SuppressionDuration);
        if (suppression is { } s && (s <= TimeSpan.Zero || s > MaximumSuppression))
            diagnostics.Report(RuleDiagnostics.DurationOutOfRange, rule.SuppressionDuration!.Value.Location, "suppressionDuration", IsoDuration.Describe(s), "more than 0 seconds", IsoDuration.Describe(MaximumSuppression));
        if (rule.SuppressionEnabled is { Value: true } enabled && rule.SuppressionDuration is null)
            diagnostics.Report(RuleDiagnostics.SuppressionWithoutDuration, enabled.Location);

        var grouping = rule.IncidentConfiguration?.Grouping;
        if (AnalyticsRule.DurationOf(grouping?.LookbackDuration) is { } lookback)
            CheckRange(diagnostics, "lookbackDuration", grouping!.LookbackDuration!.Value, lookback, MinimumGroupingLookback, MaximumGroupingLookback);
    }

    private static void CheckScheduled(AnalyticsRule rule, IList<Diagnostic> diagnostics)
    {
        var frequency = AnalyticsRule.DurationOf(rule.QueryFrequency);
        var period = AnalyticsRule.DurationOf(rule.QueryPeriod);
        if (frequency is { } f) CheckRange(diagnostics, "queryFrequency", rule.QueryFrequency!.Value, f, MinimumQueryWindow, MaximumQueryWindow);
        if (period is { } p) CheckRange(diagnostics, "queryPeriod", rule.QueryPeriod!.Value, p, MinimumQueryWindow, MaximumQueryWindow);
        if (frequency is not { } freq || period is not { } per) return;

        if (freq > per)
            diagnostics.Report(RuleDiagnostics.FrequencyExceedsPeriod, rule.QueryFrequency!.Value.Location, rule.QueryFrequency.Value.Value, rule.QueryPeriod!.Value.Value);
        if (per >= LongPeriod && freq < LongPeriodMinimumFrequency)
            diagnostics.Report(RuleDiagnostics.LongPeriodShortFrequency, rule.QueryFrequency!.Value.Location, IsoDuration.Describe(freq));
    }

    private static void CheckNrt(AnalyticsRule rule, IList<Diagnostic> diagnostics)
    {
        foreach (var key in new[] { "queryFrequency", "queryPeriod", "triggerOperator", "triggerThreshold" })
        {
            if (rule.Node.Find(key) is { } entry)
                diagnostics.Report(RuleDiagnostics.NrtFieldIgnored, entry.Key.Location, key);
        }
    }

    private static void CheckRange(IList<Diagnostic> diagnostics, string field, Located<string> text, TimeSpan value, TimeSpan minimum, TimeSpan maximum)
    {
        if (value < minimum || value > maximum)
            diagnostics.Report(RuleDiagnostics.DurationOutOfRange, text.Location, field, IsoDuration.Describe(value), IsoDuration.Describe(minimum), IsoDuration.Describe(maximum));
    }
}
