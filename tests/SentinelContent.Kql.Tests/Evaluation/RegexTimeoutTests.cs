using System.Reflection;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation;
using SentinelContent.Kql.Evaluation.Values;

namespace SentinelContent.Kql.Tests.Evaluation;

/// <summary>The regex timeout is each engine's (EvaluationLimits.RegexTimeout), with nothing process-wide to race on.</summary>
public sealed class RegexTimeoutTests
{
    [Fact]
    public void The_cache_keys_on_the_timeout_so_a_cached_regex_never_keeps_another_run_s()
    {
        var pattern = "timeout-key-" + Guid.NewGuid().ToString("N") + "(a+)";
        var short1 = RegexCache.Get(pattern, TimeSpan.FromMilliseconds(700));
        var long1 = RegexCache.Get(pattern, TimeSpan.FromSeconds(7));
        Assert.Equal(TimeSpan.FromMilliseconds(700), short1.MatchTimeout);
        Assert.Equal(TimeSpan.FromSeconds(7), long1.MatchTimeout);
        Assert.Same(short1, RegexCache.Get(pattern, TimeSpan.FromMilliseconds(700)));
        Assert.Equal(TimeSpan.FromSeconds(7), RegexCache.WithTimeout(short1, TimeSpan.FromSeconds(7)).MatchTimeout);
    }

    [Fact]
    public void No_static_of_the_regex_cache_can_be_set()
    {
        const BindingFlags statics = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
        Assert.DoesNotContain(typeof(RegexCache).GetProperties(statics), p => p.CanWrite);
        Assert.All(typeof(RegexCache).GetFields(statics), f => Assert.True(f.IsInitOnly || f.IsLiteral, f.Name));
    }

    [Fact]
    public void Engines_with_different_timeouts_run_side_by_side_with_the_same_results()
    {
        var quick = new KqlEngine(limits: EvaluationLimits.Default with { RegexTimeout = TimeSpan.FromSeconds(20) });
        var slow = new KqlEngine(limits: EvaluationLimits.Default with { RegexTimeout = TimeSpan.FromSeconds(40) });
        const string query = "range i from 1 to 200 step 1 | extend s = strcat('user', i, '@contoso.com')"
            + " | where s matches regex @'^user1\\d*@'"
            + " | extend d = extract(@'@(.+)$', 1, s) | summarize n = count(), domains = dcount(d)";
        var results = Enumerable.Range(0, 8).AsParallel()
            .Select(i => (i % 2 == 0 ? quick : slow).Run(query, new Dictionary<string, DataTable>(), DateTime.UnixEpoch)).ToList();
        Assert.All(results, r => Assert.Equal("111", Cell(r, "n")));
        Assert.All(results, r => Assert.Equal("1", Cell(r, "domains")));
    }

    private static string Cell(DataTable table, string column) =>
        Convert.ToString(KqlValue.Unwrap(KqlValue.Get(table.Find(column)!, 0)), System.Globalization.CultureInfo.InvariantCulture)!;
}
