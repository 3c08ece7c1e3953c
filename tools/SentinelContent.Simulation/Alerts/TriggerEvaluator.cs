using SentinelContent.Content.Format;
using SentinelContent.Format;
using SentinelContent.Content.Model;

namespace SentinelContent.Simulation.Alerts;

/// <summary>
/// Whether a run triggers: the number of result rows compared with triggerOperator and triggerThreshold.
/// NRT rules trigger whenever rows come back. With zero rows no alert is raised even if the comparison
/// holds (lt 1, eq 0): Sentinel's behaviour there is not documented, and an alert needs events to carry.
/// </summary>
public static class TriggerEvaluator
{
    public static bool Triggers(AnalyticsRule rule, int rowCount)
    {
        if (rowCount == 0) return false;
        if (rule.IsNrt) return true;
        var threshold = rule.TriggerThreshold?.Value ?? 0;
        var op = rule.TriggerOperator is { } t ? AnalyticsRuleFormat.Root.Find("triggerOperator")!.Canonical(t.Value) : "gt";
        return op switch
        {
            "gt" => rowCount > threshold,
            "lt" => rowCount < threshold,
            "eq" => rowCount == threshold,
            "ne" => rowCount != threshold,
            _ => false,
        };
    }
}
