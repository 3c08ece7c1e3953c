using System.Text.Json;
using SentinelContent.Cli.Commands;
using SentinelContent.TestSupport;

namespace SentinelContent.Cli.Tests;

/// <summary>The repository's own content and generated documents, checked as CI would.</summary>
public class RepositoryContentTests
{
    [Fact]
    public void The_repository_content_validates_clean()
    {
        var run = CliRun.In(RepositoryPaths.Root, "check", "--warnings-as-errors");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
    }

    [Fact]
    public void Generated_documents_are_current()
    {
        foreach (var (path, render) in DocsCommand.GeneratedDocuments)
        {
            var file = Path.Combine(RepositoryPaths.Root, path);
            Assert.True(File.Exists(file), $"{path} is missing: run 'sentinelctl docs'");
            Assert.True(File.ReadAllText(file) == render(), $"{path} is out of date: run 'sentinelctl docs'");
        }
    }

    [Fact]
    public void Every_diagnostic_code_is_unique_and_well_formed()
    {
        var codes = Infrastructure.DiagnosticCatalog.All.Select(d => d.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^SC[0-9]{4}$", c));
        Assert.All(Infrastructure.DiagnosticCatalog.All, d => Assert.False(string.IsNullOrWhiteSpace(d.Help)));
    }
}

/// <summary>
/// Real public rules (../shared/corpus/rules): validation must not crash on any file, and every error it
/// reports must be a real defect, listed with its reason in corpus-rule-defects.json and docs/corpus-rule-defects.md.
/// </summary>
public class CorpusRulesTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Validating_the_corpus_reports_only_known_real_defects(bool withSchema)
    {
        var corpus = RepositoryPaths.RequireShared("corpus/rules");
        string[] args = withSchema
            ? ["validate", ".", "--format", "json", "--allow-untested", "--schema", RepositoryPaths.RequireShared("schemas/la_table_schemas.csv")]
            : ["validate", ".", "--format", "json", "--allow-untested"];
        var run = CliRun.In(corpus, args);
        Assert.True(run.ExitCode is 0 or 1, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var errors = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("severity").GetString() == "error")
            .Select(d => $"{d.GetProperty("file").GetString()!.Replace('\\', '/')} {d.GetProperty("code").GetString()}")
            .Distinct().Order(StringComparer.Ordinal).ToList();

        using var known = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "corpus-rule-defects.json")));
        var expected = known.RootElement.GetProperty("defects").EnumerateArray()
            .Where(d => withSchema || !(d.TryGetProperty("withSchemaOnly", out var only) && only.GetBoolean()))
            .Select(d => $"{d.GetProperty("file").GetString()} {d.GetProperty("code").GetString()}")
            .Distinct().Order(StringComparer.Ordinal).ToList();

        var unexpected = errors.Except(expected).ToList();
        var stale = expected.Except(errors).ToList();
        Assert.True(unexpected.Count == 0, "errors not in the known-defect list (a false error, or a defect to document):\n" + string.Join('\n', unexpected));
        Assert.True(stale.Count == 0, "listed defects no longer reported:\n" + string.Join('\n', stale));
        Assert.Equal(199, json.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
    }
}
