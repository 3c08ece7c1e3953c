using SentinelContent.Format;
using SentinelContent.Format.Discovery;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Input;
using SentinelContent.Core.Values;
using SentinelContent.Core.Yaml;
using SentinelContent.Playbooks.Automation;
using SentinelContent.Playbooks.Compiler;
using SentinelContent.Playbooks.Diagnostics;
using SentinelContent.Playbooks.Model;
using SentinelContent.Playbooks.PlaybookTests;

using SentinelContent.Playbooks.Json;

namespace SentinelContent.Playbooks.Validation;

/// <summary>What validating the playbook content found: compiled playbooks, automation rules and diagnostics.</summary>
public sealed record PlaybookContentResult(IReadOnlyList<Playbook> Playbooks, IReadOnlyList<AutomationRule> AutomationRules, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Validates the playbook files of a run (playbooks, automation rules, test files) and the references between them:
/// automation rules must name playbooks that exist (and have the incident trigger) and analytics rules that exist.
/// </summary>
public static class PlaybookContentValidator
{
    /// <param name="knownAnalyticsRuleIds">Ids of the analytics rules loaded in the same run; null when none were loaded (then ids are not checked).</param>
    public static PlaybookContentResult Validate(IReadOnlyList<ContentFile> files, IReadOnlyCollection<string>? knownAnalyticsRuleIds)
    {
        var diagnostics = new List<Diagnostic>();
        var playbooks = new List<Playbook>();
        var rules = new List<AutomationRule>();
        foreach (var file in files)
        {
            switch (file.Kind)
            {
                case ContentFileKind.Playbook:
                    var playbook = PlaybookReader.ReadFile(file.Path, diagnostics);
                    if (playbook is null) break;
                    new PlaybookValidator().Validate(playbook, diagnostics);
                    playbooks.Add(playbook);
                    break;
                case ContentFileKind.AutomationRule:
                    if (AutomationRuleReader.ReadFile(file.Path, diagnostics) is { } rule) rules.Add(rule);
                    break;
                case ContentFileKind.PlaybookTests:
                    CheckTestFileShape(file.Path, diagnostics);
                    break;
            }
        }
        foreach (var rule in rules) CheckReferences(rule, playbooks, knownAnalyticsRuleIds, diagnostics);
        return new PlaybookContentResult(playbooks, rules, diagnostics);
    }

    private static void CheckTestFileShape(string path, List<Diagnostic> diagnostics)
    {
        var source = SourceFileReader.ReadContent(path, diagnostics);
        if (source is null || YamlReader.Read(source, diagnostics) is not { } root) return;
        new FormatChecker(diagnostics, RequiredFor.All).CheckObject(root, PlaybookTestFormat.Root, string.Empty);
    }

    private static void CheckReferences(AutomationRule rule, List<Playbook> playbooks, IReadOnlyCollection<string>? ruleIds, List<Diagnostic> diagnostics)
    {
        var names = playbooks.Select(p => p.Name).ToList();
        foreach (var name in rule.Playbooks)
        {
            var playbook = playbooks.FirstOrDefault(p => string.Equals(p.Name, name.Value, StringComparison.OrdinalIgnoreCase));
            if (playbook is null)
                diagnostics.Add(Diagnostic.Create(PlaybookDiagnostics.InvalidAutomationRule, name.Location, $"no playbook under playbooks/ is named '{name.Value}'{Similarity.DidYouMean(name.Value, names)}"));
            else if (!IsIncidentTriggered(playbook))
                diagnostics.Add(Diagnostic.Create(PlaybookDiagnostics.InvalidAutomationRule, name.Location, $"the playbook '{name.Value}' does not use the Sentinel incident trigger; automation rules can only run incident-triggered playbooks"));
        }
        if (ruleIds is null) return;
        foreach (var id in rule.AnalyticsRules)
        {
            if (!ruleIds.Contains(id.Value, StringComparer.OrdinalIgnoreCase))
                diagnostics.Add(Diagnostic.Create(PlaybookDiagnostics.InvalidAutomationRule, id.Location, $"no analytics rule under analytics-rules/ has the id {id.Value}"));
        }
    }

    private static bool IsIncidentTriggered(Playbook playbook) =>
        playbook.Triggers.Any(t => Json.JsonRead.Text(t.Value.Get("inputs").Get("path")) == Format.SentinelTriggers.Incident.PathPrefix);
}
