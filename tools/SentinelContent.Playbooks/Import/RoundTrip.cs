using System.Text.Json.Nodes;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Playbooks.Compiler;
using SentinelContent.Playbooks.Json;

namespace SentinelContent.Playbooks.Import;

/// <summary>The outcome of import-then-build on one ARM playbook.</summary>
public sealed record RoundTripResult(string File, bool Equivalent, string? Reason);

/// <summary>
/// Imports an ARM playbook to YAML, compiles the YAML again and compares the workflow definitions (actions,
/// expressions, runAfter graph, triggers, parameters) and the connections after normalising formatting.
/// </summary>
public static class RoundTrip
{
    public static RoundTripResult Check(string json, string file)
    {
        var imported = ArmPlaybookImporter.Import(json, Path.GetFileName(file));
        if (!imported.Succeeded) return new(file, false, $"import: {imported.Failure}");

        var diagnostics = new List<Diagnostic>();
        var playbook = PlaybookReader.Read(new SourceText(Path.ChangeExtension(file, ".yaml"), imported.Yaml!), diagnostics);
        var firstError = diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (playbook is null || firstError is not null) return new(file, false, $"build: {firstError?.ToString() ?? "the YAML did not compile"}");

        var original = DefinitionNormalizer.Normalize(imported.OriginalDefinition!, imported.OriginalConnections is { Count: > 0 });
        var rebuilt = DefinitionNormalizer.Normalize(playbook.Definition, playbook.Connections.Count > 0);
        if (JsonEquivalence.FirstDifference(original, rebuilt) is { } difference) return new(file, false, $"definition differs: {difference}");

        var originalConnections = (imported.OriginalConnections ?? []).Select(c => (c.Key, Api: ArmPlaybookImporter.ManagedApiOf(c.Value.Get("id")?.GetValue<string>()) ?? c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        var rebuiltConnections = playbook.Connections.Select(c => (c.Key, c.Api)).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        if (!originalConnections.SequenceEqual(rebuiltConnections))
            return new(file, false, $"connections differ: {string.Join(", ", rebuiltConnections)} instead of {string.Join(", ", originalConnections)}");
        return new(file, true, null);
    }
}
