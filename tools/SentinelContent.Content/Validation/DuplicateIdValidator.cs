using SentinelContent.Core.Diagnostics;
using SentinelContent.Content.Diagnostics;
using SentinelContent.Content.Model;

namespace SentinelContent.Content.Validation;

/// <summary>Rule ids are unique across every file of the run (GUIDs compared case-insensitively, as Azure does).</summary>
public sealed class DuplicateIdValidator : IRuleSetValidator
{
    public void Validate(IReadOnlyList<AnalyticsRule> rules, IList<Diagnostic> diagnostics)
    {
        var first = new Dictionary<Guid, AnalyticsRule>();
        foreach (var rule in rules)
        {
            if (rule.Id is not { } id || !Guid.TryParseExact(id.Value, "D", out var guid)) continue;
            if (first.TryGetValue(guid, out var owner))
                diagnostics.Report(RuleDiagnostics.DuplicateId, id.Location, id.Value, $"{owner.Source.Path}:{owner.Id!.Value.Location.Start.Line}");
            else
                first[guid] = rule;
        }
    }
}
