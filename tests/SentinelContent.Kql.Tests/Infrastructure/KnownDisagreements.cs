using System.Text.Json;

namespace SentinelContent.Kql.Tests.Infrastructure;

/// <summary>
/// A checked list of the queries on which we disagree with the official tool, each with its reason: a
/// disagreement not on the list fails, and so does a listed one that now agrees (stale).
/// </summary>
internal static class KnownDisagreements
{
    private sealed record Entry(string Id, string Reason);

    /// <summary>
    /// A suite's figure: prints "NAME: agreed/total (percent)SUFFIX", any further lines, and each disagreement;
    /// then holds the disagreements to the list and the figure to the bar.
    /// </summary>
    public static void Report(string name, int total, IReadOnlyList<(CorpusQuery Query, string Detail)> disagreements, string listPath,
        double bar, string percentFormat, string suffix = "", Action<ITestOutputHelper>? details = null)
    {
        var agreed = total - disagreements.Count;
        var ratio = (double)agreed / total;
        var output = TestContext.Current.TestOutputHelper!;
        output.WriteLine($"{name}: {agreed}/{total} ({ratio.ToString(percentFormat)}){suffix}");
        details?.Invoke(output);
        foreach (var (query, detail) in disagreements) output.WriteLine($"  {query.Id}: {detail}");

        AssertListed(listPath, disagreements);
        Assert.True(ratio >= bar, $"{name} {ratio.ToString(percentFormat)} is below {bar:P1}.");
    }

    public static void AssertListed(string path, IReadOnlyList<(CorpusQuery Query, string Detail)> disagreements)
    {
        var entries = JsonSerializer.Deserialize<List<Entry>>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true }) ?? [];
        foreach (var entry in entries)
            Assert.False(string.IsNullOrWhiteSpace(entry.Reason), $"Known disagreement {entry.Id} has no reason.");
        var known = entries.ToDictionary(e => e.Id, e => e.Reason);

        var unlisted = disagreements.Where(d => !known.ContainsKey(d.Query.Id)).Select(d => $"{d.Query.Id}: {d.Detail}").ToList();
        var stale = known.Keys.Where(id => disagreements.All(d => d.Query.Id != id)).ToList();
        var file = Path.GetFileName(path);
        Assert.True(unlisted.Count == 0, $"Disagreements not listed in {file}:\n" + string.Join("\n", unlisted));
        Assert.True(stale.Count == 0, "Listed disagreements that now agree (remove them):\n" + string.Join("\n", stale));
    }
}
