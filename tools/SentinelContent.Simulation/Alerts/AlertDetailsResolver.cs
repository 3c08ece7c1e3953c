using SentinelContent.Content.Catalogs;
using SentinelContent.Content.Format;
using SentinelContent.Format;
using SentinelContent.Content.Model;
using SentinelContent.Content.Validation;
using SentinelContent.Kql.Data;

namespace SentinelContent.Simulation.Alerts;

/// <summary>
/// Name, description, severity, tactics and dynamic properties of an alert: the rule's values, overridden by
/// alertDetailsOverride from a row (the first row of a grouped alert). An empty name or description falls
/// back to the rule's; an empty or invalid severity or tactics value falls back to the rule's too (Learn:
/// "Customize alert details").
/// </summary>
public sealed class AlertDetailsResolver(AnalyticsRule rule, DataTable result)
{
    public (string Name, string Description, string Severity, IReadOnlyList<string> Tactics, IReadOnlyDictionary<string, string> Dynamic) Resolve(int row)
    {
        var details = rule.AlertDetailsOverride;
        var name = Fill(details?.DisplayNameFormat?.Value, row) is { Length: > 0 } n ? n : rule.Name?.Value ?? string.Empty;
        var description = Fill(details?.DescriptionFormat?.Value, row) is { Length: > 0 } d ? d : rule.Description?.Value ?? string.Empty;
        var severity = ColumnValue(details?.SeverityColumnName?.Value, row) is { } s && Canonical(AnalyticsRuleFormat.Severities, s) is { } valid
            ? valid
            : rule.Severity?.Value ?? "Medium";
        var tactics = ColumnValue(details?.TacticsColumnName?.Value, row) is { } t && ParseTactics(t) is { Count: > 0 } parsed
            ? parsed
            : (IReadOnlyList<string>)[.. rule.Tactics.Select(x => x.Value)];
        var dynamic = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in details?.DynamicProperties ?? [])
        {
            if (property.AlertProperty?.Value is { } key && ColumnValue(property.Value?.Value, row) is { Length: > 0 } value) dynamic[key] = value;
        }
        return (name, description, severity, tactics, dynamic);
    }

    private string? Fill(string? format, int row) =>
        format is null ? null : AlertPlaceholders.Fill(format, column => ColumnValue(column, row)).Trim();

    private string? ColumnValue(string? column, int row) =>
        string.IsNullOrWhiteSpace(column) || result.Find(column) is not { } c ? null : ValueText.Of(c, row);

    private static string? Canonical(IEnumerable<string> allowed, string value) =>
        allowed.FirstOrDefault(a => string.Equals(a, value.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Tactics from a column: a JSON array or comma-separated names; any unknown name invalidates the value.</summary>
    private static IReadOnlyList<string> ParseTactics(string text)
    {
        var parts = text.Trim().TrimStart('[').TrimEnd(']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Trim('"')).ToList();
        var tactics = parts.Select(p => Canonical(AttackCatalog.Default.TacticNames, p)).ToList();
        return tactics.Any(t => t is null) ? [] : [.. tactics.OfType<string>().Distinct()];
    }
}
