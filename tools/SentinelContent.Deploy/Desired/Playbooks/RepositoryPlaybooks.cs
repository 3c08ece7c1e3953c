using SentinelContent.Format.Discovery;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Playbooks.Automation;
using SentinelContent.Playbooks.Model;
using SentinelContent.Playbooks.Validation;

namespace SentinelContent.Deploy.Desired.Playbooks;

/// <summary>
/// The repository's playbooks/ folder compiled and validated by the playbook toolchain (the same checks as
/// `sentinelctl validate`): the playbooks and the automation rules that run them. Three kinds read it
/// (connections, workflows, automation rules); the playbook kind reports its diagnostics, the others only
/// refuse to deploy anything while there are errors.
/// </summary>
public sealed record RepositoryPlaybooks(IReadOnlyList<Playbook> Playbooks, IReadOnlyList<AutomationRule> AutomationRules, IReadOnlyList<Diagnostic> Diagnostics)
{
    public const string Folder = "playbooks";

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    public static RepositoryPlaybooks Load(string repositoryRoot)
    {
        var folder = Path.Combine(repositoryRoot, Folder);
        if (!Directory.Exists(folder)) return new RepositoryPlaybooks([], [], []);
        var files = ContentDiscovery.Discover([folder], new List<string>());
        // Analytics rule ids are not checked here: the rules are another kind's content, loaded and validated there.
        var result = PlaybookContentValidator.Validate(files, knownAnalyticsRuleIds: null);
        return new RepositoryPlaybooks(
            [.. result.Playbooks.OrderBy(p => p.Name, StringComparer.Ordinal)],
            [.. result.AutomationRules.OrderBy(r => r.Id.Value, StringComparer.Ordinal)],
            result.Diagnostics);
    }
}
