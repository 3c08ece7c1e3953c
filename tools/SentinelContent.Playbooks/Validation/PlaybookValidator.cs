using SentinelContent.Core.Diagnostics;
using SentinelContent.Playbooks.Model;

namespace SentinelContent.Playbooks.Validation;

/// <summary>Runs every playbook check on a compiled playbook.</summary>
public sealed class PlaybookValidator(IReadOnlyList<IPlaybookCheck> checks)
{
    public PlaybookValidator() : this(DefaultChecks) { }

    public static IReadOnlyList<IPlaybookCheck> DefaultChecks { get; } =
        [new RunAfterCheck(), new LimitCheck(), new ExpressionCheck(), new SecretCheck(), new ConnectionCheck()];

    public void Validate(Playbook playbook, IList<Diagnostic> diagnostics)
    {
        var context = new PlaybookCheckContext(playbook, diagnostics);
        foreach (var check in checks) check.Check(context);
    }
}
