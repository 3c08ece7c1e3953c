using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Yaml;
using SentinelContent.Content.Diagnostics;
using SentinelContent.Content.Model;
using SentinelContent.Core.Text;

namespace SentinelContent.Content.Validation;

/// <summary>Custom details and the alert details override: key and column names, and {{column}} placeholders.</summary>
public sealed class AlertDetailsValidator : IRuleValidator
{
    public const int MaxPlaceholders = 3;

    public void Validate(AnalyticsRule rule, IList<Diagnostic> diagnostics)
    {
        foreach (var detail in rule.CustomDetails)
        {
            if (!ColumnNames.IsValidCustomDetailKey(detail.Key.Value))
                diagnostics.Report(RuleDiagnostics.InvalidCustomDetailKey, detail.Key.Location, detail.Key.Value);
            CheckColumn(detail.Column, diagnostics);
        }

        if (rule.AlertDetailsOverride is not { } details) return;
        CheckFormat(details.DisplayNameFormat, "alertDisplayNameFormat", diagnostics);
        CheckFormat(details.DescriptionFormat, "alertDescriptionFormat", diagnostics);
        // Some exported rules write an empty string for an unset column; we read it as unset (Sentinel does not document "").
        if (details.TacticsColumnName is { } tactics && !string.IsNullOrWhiteSpace(tactics.Value)) CheckColumn(tactics, diagnostics);
        if (details.SeverityColumnName is { } severity && !string.IsNullOrWhiteSpace(severity.Value)) CheckColumn(severity, diagnostics);
        foreach (var property in details.DynamicProperties)
        {
            if (property.Value is { } value) CheckColumn(value, diagnostics);
        }
    }

    private static void CheckColumn(Located<string> column, IList<Diagnostic> diagnostics)
    {
        if (!ColumnNames.IsValidColumnName(column.Value))
            diagnostics.Report(RuleDiagnostics.InvalidColumnName, column.Location, column.Value);
    }

    private static void CheckFormat(YamlScalar? format, string field, IList<Diagnostic> diagnostics)
    {
        if (format is null) return;
        var placeholders = AlertPlaceholders.Parse(format.Value);
        if (placeholders.Malformed is { } bad)
            diagnostics.Report(RuleDiagnostics.MalformedPlaceholder, format.LocationOf(bad), field);
        if (placeholders.Items.Count > MaxPlaceholders)
            diagnostics.Report(RuleDiagnostics.TooManyPlaceholders, format.LocationOf(placeholders.Items[MaxPlaceholders].Span), field, placeholders.Items.Count);
        foreach (var placeholder in placeholders.Items)
        {
            if (!ColumnNames.IsValidColumnName(placeholder.Column))
                diagnostics.Report(RuleDiagnostics.InvalidColumnName, format.LocationOf(placeholder.Span), placeholder.Column);
        }
    }
}
