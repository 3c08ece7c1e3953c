using System.Text.Json.Nodes;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Playbooks.Model;

namespace SentinelContent.Playbooks.Validation;

/// <summary>What every playbook check reads: the compiled playbook, its actions in tree order, and where to report.</summary>
public sealed class PlaybookCheckContext(Playbook playbook, IList<Diagnostic> diagnostics)
{
    public Playbook Playbook { get; } = playbook;

    public List<ActionSite> Sites { get; } = ActionWalker.Walk(playbook.Actions);

    public IList<Diagnostic> Diagnostics { get; } = diagnostics;

    public ActionSite? FindAction(string name) => Sites.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    public SourceLocation LocationOf(JsonNode? node, JsonNode? fallback = null) => Playbook.Map.LocationOf(node, fallback);

    public void Report(DiagnosticDescriptor descriptor, SourceLocation location, params object?[] args) =>
        Diagnostics.Add(Diagnostic.Create(descriptor, location, args));
}

/// <summary>One concern of playbook validation.</summary>
public interface IPlaybookCheck
{
    void Check(PlaybookCheckContext context);
}
