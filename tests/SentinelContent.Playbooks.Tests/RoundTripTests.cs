using System.Text.Json;
using SentinelContent.Playbooks.Import;
using SentinelContent.TestSupport;

namespace SentinelContent.Playbooks.Tests;

/// <summary>
/// Import then build on the 91 real ARM playbooks of ../shared/corpus/playbooks: the workflow definition must come
/// back equivalent. Known failures are listed with their reason in playbook-round-trip-failures.json; the test fails
/// on a failure that is not listed, on a listed file that now passes (stale entry), and below 95%.
/// </summary>
public sealed class RoundTripTests(ITestOutputHelper output)
{
    private static string CorpusFolder => RepositoryPaths.RequireShared(Path.Combine("corpus", "playbooks"));

    [Fact]
    public void Import_then_build_gives_an_equivalent_definition_for_the_corpus()
    {
        var files = Directory.EnumerateFiles(CorpusFolder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 91, $"expected the 91 corpus playbooks, found {files.Count}");
        var results = files.Select(f => RoundTrip.Check(File.ReadAllText(f), Path.GetRelativePath(CorpusFolder, f).Replace('\\', '/'))).ToList();
        var passed = results.Count(r => r.Equivalent);
        var figure = $"Playbook round trip: {passed}/{results.Count} ({100.0 * passed / results.Count:0.0}%)";
        output.WriteLine(figure);
        TestContext.Current.SendDiagnosticMessage(figure);
        Console.WriteLine(figure);

        var listed = ReadListedFailures();
        var problems = new List<string>();
        foreach (var failure in results.Where(r => !r.Equivalent))
        {
            output.WriteLine($"  {failure.File}: {failure.Reason}");
            if (!listed.ContainsKey(failure.File)) problems.Add($"unlisted failure {failure.File}: {failure.Reason}");
        }
        foreach (var (file, _) in listed)
        {
            var result = results.FirstOrDefault(r => r.File == file);
            if (result is null) problems.Add($"stale entry {file}: no such corpus file");
            else if (result.Equivalent) problems.Add($"stale entry {file}: it round-trips now; remove it from the list");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(passed * 100 >= results.Count * 95, figure + " is below 95%");
    }

    private static Dictionary<string, string> ReadListedFailures()
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "SentinelContent.Playbooks.Tests", "playbook-round-trip-failures.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("failures").EnumerateArray()
            .ToDictionary(e => e.GetProperty("file").GetString()!, e => e.GetProperty("reason").GetString()!, StringComparer.Ordinal);
    }
}
