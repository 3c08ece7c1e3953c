using SentinelContent.Core.Diagnostics;
using SentinelContent.Content.Catalogs;
using SentinelContent.Content.Diagnostics;
using SentinelContent.Content.Model;

namespace SentinelContent.Content.Validation;

/// <summary>MITRE ATT&amp;CK: technique ids are well formed, known, current and consistent with the rule's tactics.</summary>
public sealed class AttackValidator(AttackCatalog catalog) : IRuleValidator
{
    public AttackValidator() : this(AttackCatalog.Default) { }

    public void Validate(AnalyticsRule rule, IList<Diagnostic> diagnostics)
    {
        var ruleTactics = rule.Tactics.Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
        var implied = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var id in rule.RelevantTechniques)
        {
            if (!IsTechniqueId(id.Value))
            {
                diagnostics.Report(RuleDiagnostics.InvalidTechniqueId, id.Location, id.Value);
                continue;
            }
            var technique = catalog.FindTechnique(id.Value);
            if (technique is null)
            {
                var parent = id.Value.Contains('.') ? catalog.FindTechnique(id.Value[..id.Value.IndexOf('.')]) : null;
                var hint = parent is null ? string.Empty : $" (its parent {parent.Id} is '{parent.Name}')";
                diagnostics.Report(RuleDiagnostics.UnknownTechnique, id.Location, id.Value, catalog.Version, hint);
                continue;
            }
            if (technique.Deprecated)
            {
                var replacement = technique.RevokedBy is { } r ? catalog.FindTechnique(r) : null;
                diagnostics.Report(RuleDiagnostics.DeprecatedTechnique, id.Location, id.Value,
                    replacement is null ? "; remove it or map the rule to a current technique" : $"; it was replaced by {replacement.Id} ({replacement.Name})");
                // A revoked technique is judged by the tactics of the technique that replaced it.
                if (replacement is null) continue;
                technique = replacement;
            }
            implied.UnionWith(technique.Tactics);
            if (ruleTactics.Count > 0 && technique.Tactics.Count > 0 && !technique.Tactics.Any(ruleTactics.Contains))
                diagnostics.Report(RuleDiagnostics.TechniqueTacticMismatch, id.Location, technique.Id, technique.Name, string.Join(", ", technique.Tactics));
        }
        if (ruleTactics.Count == 0 && implied.Count > 0 && rule.RelevantTechniques.Count > 0)
            diagnostics.Report(RuleDiagnostics.TechniquesWithoutTactics, rule.RelevantTechniques[0].Location, string.Join(", ", implied));
    }

    /// <summary>T followed by four digits, optionally a dot and three digits.</summary>
    public static bool IsTechniqueId(string text)
    {
        if (text.Length is not (5 or 9) || text[0] != 'T') return false;
        for (var i = 1; i < 5; i++) if (!char.IsAsciiDigit(text[i])) return false;
        if (text.Length == 5) return true;
        if (text[5] != '.') return false;
        for (var i = 6; i < 9; i++) if (!char.IsAsciiDigit(text[i])) return false;
        return true;
    }
}
