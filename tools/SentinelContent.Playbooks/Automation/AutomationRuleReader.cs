using SentinelContent.Format;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Input;
using SentinelContent.Core.Yaml;
using SentinelContent.Playbooks.Diagnostics;

namespace SentinelContent.Playbooks.Automation;

/// <summary>Reads an automation rule file: shape by the format spec, then ids that must be GUIDs.</summary>
public static class AutomationRuleReader
{
    public static AutomationRule? ReadFile(string path, IList<Diagnostic> diagnostics)
    {
        var source = SourceFileReader.ReadContent(path, diagnostics);
        if (source is null) return null;
        var root = YamlReader.Read(source, diagnostics);
        if (root is null) return null;
        var before = diagnostics.Count;
        new FormatChecker(diagnostics, RequiredFor.All).CheckObject(root, AutomationRuleFormat.Root, string.Empty);
        if (root is not YamlMapping mapping || diagnostics.Skip(before).Any(d => d.Severity == DiagnosticSeverity.Error)) return null;

        var analyticsRules = YamlValues.TextList(mapping["analyticsRules"]);
        foreach (var rule in analyticsRules.Where(r => !Guid.TryParseExact(r.Value, "D", out _)))
            diagnostics.Add(Diagnostic.Create(PlaybookDiagnostics.InvalidAutomationRule, rule.Location, $"'{rule.Value}' is not an analytics rule id (a GUID, the id: of a rule under analytics-rules/)"));
        return new AutomationRule(
            path,
            YamlValues.Text(mapping["id"])!.Value,
            YamlValues.Text(mapping["displayName"])!.Value.Value,
            YamlValues.Integer(mapping["order"])?.Value ?? 1,
            YamlValues.Boolean(mapping["enabled"])?.Value ?? true,
            YamlValues.Text(mapping["triggersOn"])?.Value ?? "Incidents",
            YamlValues.Text(mapping["triggersWhen"])?.Value ?? "Created",
            analyticsRules,
            YamlValues.TextList(mapping["playbooks"]));
    }
}
