using System.Text.Json;
using System.Text.RegularExpressions;
using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Schema;
using SentinelContent.TestSupport;
using SentinelContent.TestSupport.Cli;

namespace SentinelContent.Cli.Tests;

/// <summary>
/// The Azure-Sentinel corpus rules (../shared/corpus/azure-sentinel-rules) that call an ASIM parser, a watchlist helper
/// or a solution's workspace function: how many validate clean, per folder (docs/asim.md gives the figures with their
/// date). Clean means no error and nothing left unchecked (no SC0320 unknown function, no SC0308 unknown table). Every
/// ASIM and watchlist call must bind, and no real rule may trip the parameter checks (SC0330, SC0331).
/// </summary>
public sealed partial class AsimCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Corpus_rules_that_call_ASIM_parsers_or_watchlists_bind_them()
    {
        var corpus = RepositoryPaths.RequireShared("corpus/azure-sentinel-rules");
        var run = CliRun.In(corpus, "validate", ".", "--format", "json", "--allow-untested");
        Assert.True(run.ExitCode is 0 or 1, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var byFile = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => (File: d.GetProperty("file").GetString()!.Replace('\\', '/'), Severity: d.GetProperty("severity").GetString()!,
                Code: d.GetProperty("code").GetString()!, Message: d.GetProperty("message").GetString()!))
            .ToLookup(d => d.File);

        var dependent = Directory.EnumerateFiles(corpus, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(corpus, f).Replace('\\', '/'))
            .Where(f => CalledFunctions(File.ReadAllText(Path.Combine(corpus, f))).Any() || byFile[f].Any(d => d.Code == "SC0320"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(dependent);

        bool Clean(string file) => byFile[file].All(d => d.Severity != "error" && d.Code is not ("SC0320" or "SC0308"));
        output.WriteLine($"azure-sentinel-rules calling ASIM parsers, watchlist helpers or solution functions: {dependent.Count} rules, " +
            $"{dependent.Count(Clean)} validate clean ({DateTime.UtcNow:yyyy-MM-dd})");
        foreach (var folder in dependent.GroupBy(f => f[..f.IndexOf('/')]))
            output.WriteLine($"  {folder.Key}: {folder.Count(Clean)}/{folder.Count()} clean");
        foreach (var file in dependent.Where(f => !Clean(f)))
        {
            var reasons = byFile[file].Where(d => d.Severity == "error" || d.Code is "SC0320" or "SC0308")
                .Select(d => $"{d.Code} {d.Message.Split(';')[0]}").Distinct();
            output.WriteLine($"  not clean: {file}: {string.Join(" | ", reasons)}");
        }

        var unbound = dependent.SelectMany(f => byFile[f]).Where(d => d.Code == "SC0320")
            .Where(d => CalledFunctions(Quoted().Match(d.Message).Groups[1].Value).Any()).ToList();
        Assert.True(unbound.Count == 0, "ASIM or watchlist calls left unbound:\n" + string.Join('\n', unbound));
        var parameterErrors = byFile.SelectMany(g => g).Where(d => d.Code is "SC0330" or "SC0331").ToList();
        Assert.True(parameterErrors.Count == 0, "real rules rejected by the ASIM parameter checks:\n" + string.Join('\n', parameterErrors));
    }

    /// <summary>The ASIM parsers (by the catalog) and Sentinel's built-in workspace functions a text names (called or bare).</summary>
    private static IEnumerable<string> CalledFunctions(string text) =>
        Name().Matches(text).Select(m => m.Value)
            .Where(name => AsimCatalog.Default.Find(name) is not null || SentinelFunctions.All.Any(f => f.Name == name))
            .Distinct();

    [GeneratedRegex(@"\b[A-Za-z_][A-Za-z0-9_]*\b")]
    private static partial Regex Name();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();
}
