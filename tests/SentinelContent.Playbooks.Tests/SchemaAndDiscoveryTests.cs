using System.Text.Json;
using Json.Schema;
using SentinelContent.Format.Discovery;
using SentinelContent.Core.Text;
using SentinelContent.Core.Yaml;
using SentinelContent.Playbooks.Json;
using SentinelContent.TestSupport;

namespace SentinelContent.Playbooks.Tests;

/// <summary>The generated editor schemas accept the repository's playbook files and refuse typos; discovery tells playbooks from rules.</summary>
public sealed class SchemaAndDiscoveryTests
{
    private static JsonElement YamlAsJson(string path)
    {
        var diagnostics = new List<Core.Diagnostics.Diagnostic>();
        var node = YamlReader.Read(new SourceText(path, File.ReadAllText(path)), diagnostics)!;
        return JsonDocument.Parse(YamlToJson.Convert(node, new SourceMap())!.ToJsonString()).RootElement;
    }

    // JsonSchema.Net registers a schema globally by its $id, so each schema is loaded once per test run.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<JsonSchema>> Schemas = new();

    private static JsonSchema Schema(string name) =>
        Schemas.GetOrAdd(name, n => new Lazy<JsonSchema>(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "schemas", n))))).Value;

    [Theory]
    [InlineData(ContentFileKind.Playbook, "playbook.schema.json")]
    [InlineData(ContentFileKind.PlaybookTests, "playbook-tests.schema.json")]
    [InlineData(ContentFileKind.AutomationRule, "automation-rule.schema.json")]
    public void The_repository_files_match_their_editor_schema(ContentFileKind kind, string schemaName)
    {
        var schema = Schema(schemaName);
        var files = ContentDiscovery.Discover([Path.Combine(RepositoryPaths.Root, "playbooks")], new List<string>()).Where(f => f.Kind == kind).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var result = schema.Evaluate(YamlAsJson(file.Path), new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, $"{file.Path}: {string.Join("; ", result.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Value}")) ?? [])}");
        }
    }

    [Fact]
    public void The_playbook_schema_refuses_a_misspelled_field()
    {
        var document = JsonDocument.Parse("""{"name": "x", "trigger": "incident", "actions": [], "conections": {}}""").RootElement;
        Assert.False(Schema("playbook.schema.json").Evaluate(document).IsValid);
    }

    [Fact]
    public void Files_under_a_playbooks_folder_are_playbook_content_and_rules_stay_rules()
    {
        var root = Directory.CreateTempSubdirectory("sc-discovery-").FullName;
        try
        {
            foreach (var file in new[] { "analytics-rules/a/Rule.yaml", "analytics-rules/a/Rule.tests.yaml", "playbooks/P.yaml", "playbooks/P.tests.yaml", "playbooks/sub/R.automation.yaml" })
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, file))!);
                File.WriteAllText(Path.Combine(root, file), "x: 1\n");
            }
            var kinds = ContentDiscovery.Discover([Path.Combine(root, "analytics-rules"), Path.Combine(root, "playbooks")], new List<string>())
                .ToDictionary(f => Path.GetRelativePath(root, f.Path).Replace('\\', '/'), f => f.Kind);
            Assert.Equal(ContentFileKind.AnalyticsRule, kinds["analytics-rules/a/Rule.yaml"]);
            Assert.Equal(ContentFileKind.RuleTests, kinds["analytics-rules/a/Rule.tests.yaml"]);
            Assert.Equal(ContentFileKind.Playbook, kinds["playbooks/P.yaml"]);
            Assert.Equal(ContentFileKind.PlaybookTests, kinds["playbooks/P.tests.yaml"]);
            Assert.Equal(ContentFileKind.AutomationRule, kinds["playbooks/sub/R.automation.yaml"]);

            // A repository that itself sits in a folder named playbooks: its rules are still rules.
            var nested = Path.Combine(root, "playbooks", "repo", "analytics-rules");
            Directory.CreateDirectory(nested);
            File.WriteAllText(Path.Combine(nested, "Rule.yaml"), "x: 1\n");
            Assert.Equal(ContentFileKind.AnalyticsRule, Assert.Single(ContentDiscovery.Discover([nested], new List<string>())).Kind);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
