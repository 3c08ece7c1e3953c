using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SentinelContent.Cli.Commands;
using SentinelContent.Content.Catalogs;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Docs;
using SentinelContent.TestSupport;
using SentinelContent.TestSupport.Cli;

namespace SentinelContent.Cli.Tests;

/// <summary>docs/content/: the rule pages, the index and the ATT&amp;CK Navigator layer generated from the rules and their tests.</summary>
public sealed partial class ContentDocsTests
{
    private static IReadOnlyList<GeneratedFile> Generate(string root)
    {
        var diagnostics = new List<Diagnostic>();
        var files = ContentDocsGenerator.Generate(root, diagnostics);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return files;
    }

    private static string Page(IReadOnlyList<GeneratedFile> files, string name) => Assert.Single(files, f => f.RelativePath == "docs/content/" + name).Content;

    /// <summary>The text of one "## Heading" section of a page.</summary>
    private static string Section(string page, string heading)
    {
        var start = page.IndexOf("## " + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section '{heading}'");
        var end = page.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        return end < 0 ? page[start..] : page[start..end];
    }

    [Fact]
    public void A_rule_page_has_what_it_detects_severity_attack_names_entities_query_tests_and_response()
    {
        var files = Generate(RepositoryPaths.Root);
        var page = Page(files, "SecurityInfoDeleted.md");

        Assert.StartsWith("# Entra ID - User security info deleted\n", page, StringComparison.Ordinal);
        Assert.Contains("Attackers who take over an account delete the victim's methods", Section(page, "What it detects and why"), StringComparison.Ordinal);
        Assert.StartsWith("## Severity\n\nSeverity is Medium:", Section(page, "Severity"), StringComparison.Ordinal);
        var attack = Section(page, "MITRE ATT&CK");
        Assert.Contains("| [T1556.006](https://attack.mitre.org/techniques/T1556/006/) | Modify Authentication Process: Multi-Factor Authentication |", attack, StringComparison.Ordinal);
        Assert.Contains("| Credential Access | [TA0006](https://attack.mitre.org/tactics/TA0006/) |", attack, StringComparison.Ordinal);
        Assert.Contains("| Account | FullName | `TargetUserPrincipalName` |", Section(page, "Entities"), StringComparison.Ordinal);
        Assert.Contains("```kusto\n// Written by the \"Authentication Methods\" service", Section(page, "Query"), StringComparison.Ordinal);
        var tests = Section(page, "Tests");
        Assert.Contains("| look-alikes raise nothing: first method registered, default method changed, failed deletion, deletions outside the window | at 2026-11-20 10:00Z | AuditLogs | no alert |", tests, StringComparison.Ordinal);
        Assert.Contains("2 alerts, titled \"Security info deleted for bob@contoso.com\"; \"Security info deleted for alice@contoso.com\"", tests, StringComparison.Ordinal);
        Assert.Contains("replay 2026-11-20 00:00Z → 2026-11-21 00:00Z | AuditLogs | 22 alerts, 20 incidents", tests, StringComparison.Ordinal);
        var response = Section(page, "How to respond");
        Assert.Contains("What to check:", response, StringComparison.Ordinal);
        Assert.Contains("revoke the user's sessions", response, StringComparison.Ordinal);
        Assert.DoesNotContain("What to do", Section(page, "What it detects and why"), StringComparison.Ordinal);

        // One page per rule file, each linked from the index.
        var rules = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "analytics-rules"), "*.yaml", SearchOption.AllDirectories).Where(f => !f.EndsWith(".tests.yaml", StringComparison.Ordinal)).ToList();
        var index = Page(files, "README.md");
        foreach (var rule in rules)
        {
            var name = Path.GetFileNameWithoutExtension(rule) + ".md";
            Assert.Contains(files, f => f.RelativePath == "docs/content/" + name);
            Assert.Contains($"]({name})", index, StringComparison.Ordinal);
        }
        Assert.Equal(rules.Count + 2, files.Count);
    }

    [Fact]
    public void Rules_without_the_description_convention_or_tests_get_fallbacks_and_same_named_files_get_distinct_pages()
    {
        var root = Directory.CreateTempSubdirectory("sc-docs-").FullName;
        try
        {
            foreach (var (folder, id) in new[] { ("a", "11111111-1111-4111-8111-111111111111"), ("b", "22222222-2222-4222-8222-222222222222") })
            {
                Directory.CreateDirectory(Path.Combine(root, "analytics-rules", folder));
                File.WriteAllText(Path.Combine(root, "analytics-rules", folder, "Rule.yaml"), $"""
                    id: {id}
                    name: Rule in {folder} | with a pipe
                    description: Just one sentence.
                    severity: Low
                    queryFrequency: PT5M
                    queryPeriod: PT5M
                    triggerOperator: gt
                    triggerThreshold: 0
                    tactics: [Impact]
                    relevantTechniques: [T1531]
                    query: AuditLogs | take 1
                    kind: Scheduled
                    """);
            }
            var files = Generate(root);
            var page = Page(files, "Rule-11111111.md");
            Assert.Contains(files, f => f.RelativePath == "docs/content/Rule-22222222.md");
            Assert.Contains("Just one sentence.", Section(page, "What it detects and why"), StringComparison.Ordinal);
            Assert.Contains("Low; the description gives no reason.", Section(page, "Severity"), StringComparison.Ordinal);
            Assert.Contains("The rule has no tests", Section(page, "Tests"), StringComparison.Ordinal);
            Assert.Contains("The description gives no response steps.", Section(page, "How to respond"), StringComparison.Ordinal);
            Assert.Contains("every 5 minutes over the last 5 minutes", page, StringComparison.Ordinal);
            Assert.Contains("[Rule in a \\| with a pipe](Rule-11111111.md)", Page(files, "README.md"), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Generation_is_deterministic_and_independent_of_where_the_repository_is()
    {
        var first = Generate(RepositoryPaths.Root);
        var second = Generate(RepositoryPaths.Root);
        Assert.Equal(first, second);

        var copy = Directory.CreateTempSubdirectory("sc-docs-copy-").FullName;
        try
        {
            CopyDirectory(Path.Combine(RepositoryPaths.Root, "analytics-rules"), Path.Combine(copy, "analytics-rules"));
            Assert.Equal(first, Generate(copy));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
        Assert.All(first, f => Assert.DoesNotContain(RepositoryPaths.Root, f.Content, StringComparison.Ordinal));
    }

    [Fact]
    public void The_navigator_layer_has_the_layer_formats_required_fields_and_scores_the_rules_coverage()
    {
        var files = Generate(RepositoryPaths.Root);
        var layer = JsonNode.Parse(Page(files, ContentDocsGenerator.LayerFile))!.AsObject();
        var catalog = AttackCatalog.Default;

        // Layer format 4.5: name and domain are required; versions names the layer format.
        Assert.False(string.IsNullOrWhiteSpace(layer["name"]!.GetValue<string>()));
        Assert.Equal("enterprise-attack", layer["domain"]!.GetValue<string>());
        Assert.Equal("4.5", layer["versions"]!["layer"]!.GetValue<string>());
        Assert.Equal(catalog.Version.Split('.')[0], layer["versions"]!["attack"]!.GetValue<string>());
        Assert.Matches(@"^\d+\.\d+\.\d+$", layer["versions"]!["navigator"]!.GetValue<string>());

        var shortNames = catalog.TacticNames.Select(n => catalog.FindTactic(n)!).Where(t => t.Id is not null).Select(t => t.DisplayName.ToLowerInvariant().Replace(' ', '-')).ToHashSet();
        var techniques = layer["techniques"]!.AsArray().Select(t => t!.AsObject()).ToList();
        Assert.NotEmpty(techniques);
        foreach (var technique in techniques)
        {
            var id = technique["techniqueID"]!.GetValue<string>(); // the one required field of a technique
            Assert.Matches(TechniqueId(), id);
            Assert.NotNull(catalog.FindTechnique(id));
            Assert.Contains(technique["tactic"]!.GetValue<string>(), shortNames);
            Assert.Contains(catalog.FindTechnique(id)!.Tactics, t => NavigatorLayer.ShortName(catalog, t) == technique["tactic"]!.GetValue<string>());
            if (technique["score"] is { } score) Assert.True(score.GetValue<int>() >= 1);
        }

        // Each covered technique's score is the number of rules listing it, under every tactic it is shown.
        var rules = ContentReader.Read(RepositoryPaths.Root, new List<Diagnostic>());
        foreach (var group in rules.SelectMany(r => r.Rule.RelevantTechniques.Select(t => t.Value)).GroupBy(t => t))
        {
            var scored = techniques.Where(t => t["techniqueID"]!.GetValue<string>() == group.Key).ToList();
            Assert.NotEmpty(scored);
            Assert.All(scored, t => Assert.Equal(group.Count(), t["score"]!.GetValue<int>()));
        }
        Assert.Equal(6, techniques.Single(t => t["techniqueID"]!.GetValue<string>() == "T1556.006" && t["tactic"]!.GetValue<string>() == "credential-access")["score"]!.GetValue<int>());
        var gradient = layer["gradient"]!;
        Assert.True(gradient["minValue"]!.GetValue<int>() < gradient["maxValue"]!.GetValue<int>());
    }

    [Fact]
    public void Docs_check_fails_on_a_stale_page_and_on_a_page_of_a_removed_rule_and_docs_fixes_both()
    {
        var root = Directory.CreateTempSubdirectory("sc-docs-check-").FullName;
        try
        {
            CopyDirectory(Path.Combine(RepositoryPaths.Root, "analytics-rules"), Path.Combine(root, "analytics-rules"));
            Assert.Equal(0, CliRun.In(root, "docs").ExitCode);
            var clean = CliRun.In(root, "docs", "--check");
            Assert.True(clean.ExitCode == 0, clean.Error);

            var rule = Path.Combine(root, "analytics-rules", "entra-id-security-info", "SecurityInfoDeleted.yaml");
            File.WriteAllText(rule, File.ReadAllText(rule).Replace("severity: Medium", "severity: High", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(root, "docs", "content", "RemovedRule.md"), "# gone\n");
            var stale = CliRun.In(root, "docs", "--check");
            Assert.Equal(1, stale.ExitCode);
            Assert.Contains("out of date: docs/content/SecurityInfoDeleted.md", stale.Error, StringComparison.Ordinal);
            Assert.Contains("out of date: docs/content/README.md", stale.Error, StringComparison.Ordinal);
            Assert.Contains("docs/content/RemovedRule.md is generated by nothing", stale.Error, StringComparison.Ordinal);

            Assert.Equal(0, CliRun.In(root, "docs").ExitCode);
            Assert.False(File.Exists(Path.Combine(root, "docs", "content", "RemovedRule.md")));
            Assert.Contains("| Severity | High |", File.ReadAllText(Path.Combine(root, "docs", "content", "SecurityInfoDeleted.md")), StringComparison.Ordinal);
            Assert.Equal(0, CliRun.In(root, "docs", "--check").ExitCode);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"^T\d{4}(\.\d{3})?$")]
    private static partial Regex TechniqueId();
}
