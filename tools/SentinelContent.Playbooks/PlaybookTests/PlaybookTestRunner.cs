using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelContent.Format;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Input;
using SentinelContent.Core.Text;
using SentinelContent.Core.Yaml;
using SentinelContent.Playbooks.Compiler;
using SentinelContent.Playbooks.Diagnostics;
using SentinelContent.Playbooks.Json;
using SentinelContent.Playbooks.Model;
using SentinelContent.Playbooks.Simulator;
using SentinelContent.Playbooks.Validation;

namespace SentinelContent.Playbooks.PlaybookTests;

/// <summary>
/// Runs playbook test files: compiles the playbook, runs each test in the simulator with its mocks and trigger,
/// and checks the expectations. Written to be called by `sentinelctl playbook test` today and `sentinelctl test` later.
/// </summary>
public static class PlaybookTestRunner
{
    public static PlaybookTestRun Run(IEnumerable<string> testFiles)
    {
        var outcomes = new List<PlaybookTestOutcome>();
        var diagnostics = new List<Diagnostic>();
        foreach (var file in testFiles) RunFile(file, outcomes, diagnostics);
        return new PlaybookTestRun(outcomes, diagnostics);
    }

    public static string DefaultPlaybookPath(string testFile)
    {
        var name = Path.GetFileName(testFile);
        var index = name.IndexOf(".tests.", StringComparison.OrdinalIgnoreCase);
        var playbookName = index >= 0 ? name[..index] + Path.GetExtension(name) : name;
        return Path.Combine(Path.GetDirectoryName(testFile) ?? string.Empty, playbookName);
    }

    private static void RunFile(string file, List<PlaybookTestOutcome> outcomes, List<Diagnostic> diagnostics)
    {
        var source = SourceFileReader.ReadContent(file, diagnostics);
        if (source is null) return;
        var root = YamlReader.Read(source, diagnostics);
        if (root is null) return;
        var before = diagnostics.Count;
        new FormatChecker(diagnostics, RequiredFor.All).CheckObject(root, PlaybookTestFormat.Root, string.Empty);
        if (root is not YamlMapping mapping || diagnostics.Skip(before).Any(d => d.Severity == DiagnosticSeverity.Error)) return;

        var folder = Path.GetDirectoryName(file) ?? string.Empty;
        var playbookPath = YamlValues.Text(mapping["playbook"]) is { } named ? Path.Combine(folder, named.Value) : DefaultPlaybookPath(file);
        var playbookDiagnostics = new List<Diagnostic>();
        var playbook = PlaybookReader.ReadFile(playbookPath, playbookDiagnostics);
        if (playbook is not null) new PlaybookValidator().Validate(playbook, playbookDiagnostics);
        if (playbook is null || playbookDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            diagnostics.Add(Diagnostic.Create(PlaybookDiagnostics.InvalidTestFile, (mapping.Find("playbook")?.Value ?? mapping).Location,
                $"the playbook {Path.GetFileName(playbookPath)} does not compile or validate; run sentinelctl validate on it"));
            return;
        }

        var fileTrigger = mapping["trigger"];
        foreach (var test in YamlValues.Mappings(mapping["tests"]))
        {
            var name = YamlValues.Text(test["name"])!.Value;
            var failures = new List<Diagnostic>();
            var trigger = LoadTrigger(test["trigger"] ?? fileTrigger, folder, name, failures);
            var mocks = ReadMocks(test["mocks"], name.Value, failures);
            if (failures.Count == 0)
            {
                var options = RunOptions.Default with { Parameters = ReadParameters(test["parameters"]) };
                var apis = playbook.Connections.ToDictionary(c => c.Key, c => c.Api, StringComparer.Ordinal);
                var result = new WorkflowRunner(playbook.Definition, apis, trigger, new MockWorld(mocks), options).Run();
                ExpectationChecker.Check(result, (YamlMapping)test["expect"]!, name, failures);
            }
            outcomes.Add(new PlaybookTestOutcome(file, name.Value, failures));
        }
    }

    private static JsonNode? LoadTrigger(YamlNode? node, string folder, Located<string> test, List<Diagnostic> failures)
    {
        switch (node)
        {
            case null or YamlScalar { IsNull: true }:
                failures.Add(Diagnostic.Create(PlaybookDiagnostics.InvalidTestFile, test.Location, $"test '{test.Value}' has no trigger payload (trigger: FILE.json or an inline mapping)"));
                return null;
            case YamlScalar path:
                var readProblems = new List<Diagnostic>();
                SourceText? text;
                try
                {
                    // A payload file named in a test stays inside the repository, links included (docs/security.md).
                    var full = ContainedPath.Resolve(RepositoryRoot.OfFolder(folder), folder, path.Value);
                    text = SourceFileReader.Read(full, readProblems);
                }
                catch (InputFileException refused)
                {
                    failures.Add(Diagnostic.Create(PlaybookDiagnostics.InvalidTestFile, path.Location, $"cannot read the trigger payload: {refused.Message}"));
                    return null;
                }
                if (text is null)
                {
                    failures.Add(Diagnostic.Create(PlaybookDiagnostics.InvalidTestFile, path.Location, $"cannot read the trigger payload {path.Value}: {readProblems.FirstOrDefault()?.Message}"));
                    return null;
                }
                try
                {
                    return JsonNode.Parse(text.Content, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
                }
                catch (JsonException e)
                {
                    failures.Add(Diagnostic.Create(PlaybookDiagnostics.InvalidTestFile, path.Location, $"the trigger payload {path.Value} is not valid JSON: {e.Message}"));
                    return null;
                }
            default:
                return YamlToJson.Convert(node, new SourceMap());
        }
    }

    private static List<Mock> ReadMocks(YamlNode? node, string test, List<Diagnostic> failures)
    {
        var mocks = new List<Mock>();
        foreach (var mapping in YamlValues.Mappings(node))
        {
            var pattern = CallPattern.Parse(mapping, out var error);
            if (pattern is null)
            {
                failures.Add(Diagnostic.Create(PlaybookDiagnostics.InvalidTestFile, mapping.Location, $"test '{test}': {error}"));
                continue;
            }
            var body = mapping["body"] is { } b && !YamlValues.IsAbsent(b) ? YamlToJson.Convert(b, new SourceMap()) : null;
            mocks.Add(new Mock(pattern, YamlValues.Integer(mapping["status"])?.Value ?? 200, body));
        }
        return mocks;
    }

    private static Dictionary<string, JsonNode?> ReadParameters(YamlNode? node)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        if (node is YamlMapping mapping)
            foreach (var entry in mapping.Entries) values[entry.Key.Value] = YamlToJson.Convert(entry.Value, new SourceMap());
        return values;
    }
}
