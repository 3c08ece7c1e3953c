using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Playbooks.Compiler;
using SentinelContent.Playbooks.Diagnostics;
using SentinelContent.Playbooks.Import;
using SentinelContent.Playbooks.Validation;
using SentinelContent.TestSupport;

namespace SentinelContent.Playbooks.Tests;

/// <summary>
/// The corpus playbooks are deployed Logic Apps, so their expressions are valid WDL: the parser and the function
/// catalog must accept every one of them. Findings of other checks are printed (they are real findings about the corpus).
/// </summary>
public sealed class CorpusValidationTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_expression_of_the_corpus_parses_and_names_known_functions()
    {
        var folder = RepositoryPaths.RequireShared(Path.Combine("corpus", "playbooks"));
        var findings = new List<Diagnostic>();
        var checkedFiles = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var imported = ArmPlaybookImporter.Import(File.ReadAllText(file), Path.GetFileName(file));
            if (!imported.Succeeded) continue;
            var diagnostics = new List<Diagnostic>();
            var playbook = PlaybookReader.Read(new SourceText(Path.GetFileName(file), imported.Yaml!), diagnostics);
            if (playbook is null) continue;
            new PlaybookValidator().Validate(playbook, diagnostics);
            findings.AddRange(diagnostics);
            checkedFiles++;
        }
        foreach (var group in findings.GroupBy(d => d.Code).OrderBy(g => g.Key))
        {
            output.WriteLine($"{group.Key}: {group.Count()}");
            foreach (var d in group.Take(3)) output.WriteLine($"  {d}");
        }
        Assert.True(checkedFiles >= 85, $"only {checkedFiles} corpus playbooks were checked");
        var parserFindings = findings.Where(d => d.Descriptor == PlaybookDiagnostics.ExpressionSyntax || d.Descriptor == PlaybookDiagnostics.UnknownFunction || d.Descriptor == PlaybookDiagnostics.WrongArgumentCount).ToList();
        Assert.True(parserFindings.Count == 0, string.Join("\n", parserFindings.Take(20)));
    }
}
