using SentinelContent.Facade.TestRuns;
using SentinelContent.Facade.Validation;
using SentinelContent.Format;
using SentinelContent.Format.Discovery;
using SentinelContent.TestSupport;

namespace SentinelContent.Facade.Tests;

/// <summary>
/// Issue 17 point 4 through the façade: content recognised by its shape (ContentShapes), measured on content this
/// project did not write (every rule of both shared corpora) and on its own, and the one SC0181 that validate and test
/// give a file whose folder or name contradicts it.
/// </summary>
public sealed class ContentShapeTests : IDisposable
{
    private const string Playbook = """
        name: Imported-Notify
        trigger: incident
        connections:
          azuresentinel: {api: azuresentinel, auth: managedIdentity}
        actions:
          - name: Wait
            type: Wait
            inputs: {interval: {count: 1, unit: Second}}
        """;

    /// <summary>The playbook without its connections: its action's connection is then undeclared (SC0517).</summary>
    private const string Unconnected = """
        name: Imported-Notify
        trigger: incident
        actions:
          - name: Wait
            type: Wait
            inputs: {interval: {count: 1, unit: Second}}
        """;

    private readonly ContentRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Theory]
    [InlineData("rules")]
    [InlineData("azure-sentinel-rules")]
    public void Every_corpus_rule_looks_like_an_analytics_rule(string folder)
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Shared, "corpus", folder), "*.yaml", SearchOption.AllDirectories)
            .ToList();
        Assert.NotEmpty(files);
        var others = files.Where(f => ContentShapes.Of(f)?.Kind != ContentFileKind.AnalyticsRule).ToList();
        Assert.True(others.Count == 0, $"{others.Count} of {files.Count} not recognised as rules:\n" + string.Join("\n", others));
    }

    [Fact]
    public void The_repository_content_looks_like_what_its_folder_and_name_say()
    {
        var files = ContentDiscovery.Discover(
            [Path.Combine(RepositoryPaths.Root, "analytics-rules"), Path.Combine(RepositoryPaths.Root, "playbooks")], new List<string>());
        Assert.Contains(files, f => f.Kind == ContentFileKind.AutomationRule);
        foreach (var file in files)
        {
            Assert.NotEqual(ContentFileKind.Misplaced, file.Kind);
            Assert.Equal(file.Kind, ContentShapes.Of(file.Path)?.Kind);
        }
    }

    [Fact]
    public void A_playbook_among_the_rules_is_one_SC0181_in_validate_and_in_test_and_is_not_read_as_a_rule()
    {
        _repo.Write("analytics-rules/Imported-Notify.yaml", Playbook);
        var files = _repo.Files();
        var file = Assert.Single(files);
        Assert.Equal(ContentFileKind.Misplaced, file.Kind);
        Assert.Equal(ContentFileKind.Playbook, file.Shape?.Kind);

        var finding = Assert.Single(ContentValidation.Validate(new ValidateRequest(files)));
        Assert.Equal(FormatDiagnostics.MisplacedContent.Code, finding.Code);
        Assert.Equal("SC0181", finding.Code);
        Assert.Equal((5, 1), (finding.Location.Start.Line, finding.Location.Start.Column));
        Assert.Contains("playbooks belong under playbooks/", finding.Message);

        var run = ContentTests.Run(new TestRunRequest(files));
        Assert.Equal("SC0181", Assert.Single(run.Problems).Code);
    }

    [Fact]
    public void A_playbook_outside_both_folders_is_validated_as_a_playbook()
    {
        var path = _repo.Write("imported/Imported-Notify.yaml", Unconnected);
        var file = Assert.Single(ContentDiscovery.Discover([Path.GetDirectoryName(path)!], new List<string>()));
        Assert.Equal(ContentFileKind.Playbook, file.Kind);
        Assert.Equal(["SC0517"], ContentValidation.Validate(new ValidateRequest([file])).Select(d => d.Code));
    }

    [Theory]
    [InlineData("x: 1\n")]
    [InlineData("query: AuditLogs\nactions: []\ntrigger: incident\nseverity: Low\n")]
    [InlineData("tests:\n  - name: neither data nor mocks\n")]
    [InlineData("not yaml at all: [\n")]
    public void A_file_that_looks_like_nothing_or_two_things_has_no_shape_and_its_folder_decides(string text)
    {
        Assert.Null(ContentShapes.OfText(text));
        _repo.Write("analytics-rules/odd.yaml", text);
        Assert.Equal(ContentFileKind.AnalyticsRule, Assert.Single(_repo.Files()).Kind);
    }
}
