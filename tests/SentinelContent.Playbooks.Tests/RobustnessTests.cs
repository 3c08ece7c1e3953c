using System.Text.Json.Nodes;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Playbooks.Compiler;
using SentinelContent.Playbooks.Simulator;
using SentinelContent.Playbooks.Validation;
using SentinelContent.TestSupport;

namespace SentinelContent.Playbooks.Tests;

/// <summary>Broken playbooks give diagnostics, never exceptions: every playbook of the repository with each line removed in turn.</summary>
public sealed class RobustnessTests
{
    private sealed class AnswerEverything : IOutsideWorld
    {
        public CallResponse? Answer(OutboundCall call) => new(200, new JsonObject { ["value"] = new JsonArray() });
    }

    [Fact]
    public void Removing_any_line_of_a_playbook_never_throws()
    {
        var trigger = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "playbooks", "samples", "security-info-deleted.incident.json")));
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "playbooks"), "SecurityInfoDeleted-*.yaml").Where(f => !f.EndsWith(".tests.yaml", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, files.Count);
        var variants = 0;
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var text = string.Join("\n", lines.Where((_, index) => index != i));
                var diagnostics = new List<Diagnostic>();
                var playbook = PlaybookReader.Read(new SourceText(file, text), diagnostics);
                if (playbook is null) continue;
                new PlaybookValidator().Validate(playbook, diagnostics);
                var apis = playbook.Connections.ToDictionary(c => c.Key, c => c.Api);
                var result = new WorkflowRunner(playbook.Definition, apis, trigger, new AnswerEverything(), RunOptions.Default).Run();
                Assert.NotNull(result.Status);
                variants++;
            }
        }
        Assert.True(variants > 100, $"only {variants} variants compiled");
    }
}
