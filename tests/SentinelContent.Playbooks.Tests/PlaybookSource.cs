using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Playbooks.Compiler;
using SentinelContent.Playbooks.Model;
using SentinelContent.Playbooks.Validation;

namespace SentinelContent.Playbooks.Tests;

/// <summary>Compiles and validates playbook YAML written in a test.</summary>
internal static class PlaybookSource
{
    public static (Playbook? Playbook, List<Diagnostic> Diagnostics) Check(string yaml)
    {
        var diagnostics = new List<Diagnostic>();
        var playbook = PlaybookReader.Read(new SourceText("p.yaml", yaml), diagnostics);
        if (playbook is not null) new PlaybookValidator().Validate(playbook, diagnostics);
        return (playbook, diagnostics);
    }

    /// <summary>A minimal incident playbook around the given action list (indented as a top-level actions: list).</summary>
    public static string WithActions(string actions, string extra = "") => $"""
        name: Test
        trigger: incident
        connections:
          azuresentinel: {"{"}api: azuresentinel{"}"}
        {extra}
        actions:
        {actions}
        """;

    public static string Codes(IEnumerable<Diagnostic> diagnostics) => string.Join(", ", diagnostics.Select(d => d.ToString()));
}
