using SentinelContent.Format;

namespace SentinelContent.Content.Format;

/// <summary>The editor schema of analytics rules (docs/schemas/analytics-rule.schema.json), from <see cref="AnalyticsRuleFormat"/>.</summary>
public static class AnalyticsRuleSchema
{
    /// <summary>Scheduled-only required fields are expressed as if/else on kind.</summary>
    public static string Write() => JsonSchemaWriter.Write(
        AnalyticsRuleFormat.Root,
        "https://sentinelcontent.dev/schemas/analytics-rule.schema.json",
        "Microsoft Sentinel analytics rule (Azure-Sentinel YAML format)",
        new RequiredUnless("kind", AnalyticsRuleFormat.Nrt,
            [.. AnalyticsRuleFormat.Root.Fields.Where(f => f.Required == RequiredFor.Scheduled).Select(f => f.Name)]));
}
