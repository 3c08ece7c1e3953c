using System.Text.Json.Nodes;
using SentinelContent.Content.Format;
using SentinelContent.Format;
using SentinelContent.Format.Discovery;
using SentinelContent.Content.Validation;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Deploy.Arm;
using SentinelContent.Core.Input;
using SentinelContent.Deploy.Export;
using SentinelContent.Deploy.Targets;

namespace SentinelContent.Deploy.Desired;

/// <summary>Analytics rules: analytics-rules/**/*.yaml ⇄ Microsoft.SecurityInsights/alertRules (Scheduled and NRT).</summary>
public sealed class AnalyticsRuleKind : IContentKind
{
    public const string Folder = "analytics-rules";

    public static AnalyticsRuleKind Instance { get; } = new();

    public string MetadataKind => "AnalyticsRule";

    public string Collection => "alertRules";

    public string Noun => "rule";

    public DesiredContent LoadDesired(string repositoryRoot, TargetEnvironment environment)
    {
        var folder = Path.Combine(repositoryRoot, Folder);
        if (!Directory.Exists(folder)) return new DesiredContent([], []);
        var files = ContentDiscovery.Discover([folder], new List<string>());
        var result = new ContentValidator().Validate(files);
        if (result.ErrorCount > 0) return new DesiredContent([], result.Diagnostics);

        var resources = result.Rules
            .Where(r => r.Id is not null)
            .Select(rule =>
            {
                var id = rule.Id!.Value.Value.ToLowerInvariant();
                var enabled = (rule.Enabled?.Value ?? true) && !environment.DisableAllRules && !environment.DisabledRules.Contains(id);
                return new DesiredResource(this, id, rule.DisplayName, AnalyticsRuleBody.Build(rule, enabled), rule.Source.Path);
            })
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();

        var known = resources.Select(r => r.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var warnings = new List<Diagnostic>(result.Diagnostics);
        foreach (var id in environment.DisabledRules.Where(id => !known.Contains(id)))
            warnings.Add(Diagnostic.Create(Diagnostics.DeployDiagnostics.UnknownRuleOverride, environment.Location ?? Core.Text.SourceLocation.FileOnly(TargetsFormat.FileName), id, $"disabledRules of '{environment.Name}'"));
        return new DesiredContent(resources, warnings);
    }

    public JsonObject? Comparable(ArmResource actual)
    {
        if (actual.Kind is not (AnalyticsRuleFormat.Scheduled or AnalyticsRuleFormat.Nrt)) return null;
        return new JsonObject
        {
            ["kind"] = actual.Kind,
            ["properties"] = JsonCanonical.Normalize(AnalyticsRuleBody.WithDefaults(JsonCanonical.Pick(actual.Properties, AnalyticsRuleBody.ManagedProperties))),
        };
    }

    public IReadOnlyList<ExportedFile> Export(ArmResource actual, TargetEnvironment environment)
    {
        if (Comparable(actual) is null) return [];
        var document = AnalyticsRuleExport.ToRepositoryFormat(actual, environment);
        var header = "# Exported from workspace " + environment.Scope.Workspace + " by sentinelctl export.\n";
        return [new ExportedFile(Path.Combine(Folder, "exported", SafeFileName.FromDisplayName(actual.Properties["displayName"]?.GetValue<string>(), actual.Name) + ".yaml"), header + YamlEmitter.Write(document))];
    }
}
