using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Values;
using SentinelContent.Content.Diagnostics;
using SentinelContent.Content.Model;

namespace SentinelContent.Content.Validation;

/// <summary>Incident grouping: Selected needs criteria, and criteria name only what the rule defines.</summary>
public sealed class IncidentGroupingValidator : IRuleValidator
{
    public void Validate(AnalyticsRule rule, IList<Diagnostic> diagnostics)
    {
        if (rule.IncidentConfiguration?.Grouping is not { } grouping) return;
        var method = grouping.MatchingMethod?.Value;
        var criteria = new[]
        {
            ("groupByEntities", grouping.GroupByEntities),
            ("groupByAlertDetails", grouping.GroupByAlertDetails),
            ("groupByCustomDetails", grouping.GroupByCustomDetails),
        };

        if (method == "Selected")
        {
            if (criteria.All(c => c.Item2.Count == 0))
                diagnostics.Report(RuleDiagnostics.SelectedWithoutCriteria, grouping.MatchingMethod!.Value.Location);
        }
        else if (method is not null)
        {
            foreach (var (name, values) in criteria.Where(c => c.Item2.Count > 0))
                diagnostics.Report(RuleDiagnostics.GroupingCriteriaIgnored, values[0].Location, name, method);
            return;
        }

        var mappedTypes = rule.EntityMappings.Select(m => m.EntityType?.Value).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var entity in grouping.GroupByEntities)
        {
            if (!mappedTypes.Contains(entity.Value))
                diagnostics.Report(RuleDiagnostics.GroupByEntityNotMapped, entity.Location, entity.Value);
        }

        var keys = rule.CustomDetails.Select(d => d.Key.Value).ToList();
        foreach (var detail in grouping.GroupByCustomDetails)
        {
            if (!keys.Contains(detail.Value, StringComparer.Ordinal))
                diagnostics.Report(RuleDiagnostics.GroupByCustomDetailUnknown, detail.Location, detail.Value, Similarity.DidYouMean(detail.Value, keys));
        }
    }
}
