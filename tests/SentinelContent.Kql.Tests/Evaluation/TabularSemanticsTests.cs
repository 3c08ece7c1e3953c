using static SentinelContent.Kql.Tests.Evaluation.EngineTestSupport;

namespace SentinelContent.Kql.Tests.Evaluation;

/// <summary>Tabular operators: result columns (names as the official binder gives them) and rows, in order.</summary>
public sealed class TabularSemanticsTests
{
    private const string Left = "let L = datatable(k:string, a:long)['x', 1, 'x', 2, 'y', 3, 'z', 4];";
    private const string Right = "let R = datatable(k:string, b:long)['x', 10, 'x', 20, 'y', 30, 'w', 40];";

    public static TheoryData<string, string, string[]> Cases => new()
    {
        { Left + Right + "L | join R on k | order by a asc, b asc", "k,a,k1,b", ["x|1|x|10", "x|1|x|20", "y|3|y|30"] },
        { Left + Right + "L | join kind=inner R on k | order by a asc, b asc", "k,a,k1,b", ["x|1|x|10", "x|1|x|20", "x|2|x|10", "x|2|x|20", "y|3|y|30"] },
        { Left + Right + "L | join kind=leftouter R on k | order by a asc, b asc", "k,a,k1,b", ["x|1|x|10", "x|1|x|20", "x|2|x|10", "x|2|x|20", "y|3|y|30", "z|4||null"] },
        { Left + Right + "L | join kind=rightouter R on k | order by b asc, a asc", "k,a,k1,b", ["x|1|x|10", "x|2|x|10", "x|1|x|20", "x|2|x|20", "y|3|y|30", "|null|w|40"] },
        { Left + Right + "L | join kind=fullouter R on k | summarize count()", "count_", ["7"] },
        { Left + Right + "L | join kind=leftanti R on k", "k,a", ["z|4"] },
        { Left + Right + "L | join kind=leftsemi R on k | order by a asc", "k,a", ["x|1", "x|2", "y|3"] },
        { Left + Right + "L | join kind=rightanti R on k", "k,b", ["w|40"] },
        { Left + Right + "L | join kind=inner (R | project-rename kk = k) on $left.k == $right.kk | count", "Count", ["5"] },
        { Left + Right + "L | lookup R on k | order by a asc, b asc", "k,a,b", ["x|1|10", "x|1|20", "x|2|10", "x|2|20", "y|3|30", "z|4|null"] },
        { Left + "L | summarize count(), sum(a), dcount(k) by k | order by k asc", "k,count_,sum_a,dcount_k", ["x|2|3|1", "y|1|3|1", "z|1|4|1"] },
        // Three keys: every combination is its own group (regression: codes of the later key positions collided).
        { "datatable(a:string, b:string, c:string)['x', 'p', '1', 'x', 'q', '1', 'y', 'p', '2', 'x', 'p', '2', 'x', 'p', '1'] | summarize n = count() by a, b, c | order by a asc, b asc, c asc", "a,b,c,n", ["x|p|1|2", "x|p|2|1", "x|q|1|1", "y|p|2|1"] },
        // dcount group by group: groups past 16 distinct values, repeats, nulls skipped, and the if form.
        { "range x from 1 to 100 step 1 | summarize dcount(tostring(x % 40)) by g = x % 2 | order by g asc", "g,dcount_", ["0|20", "1|20"] },
        { "datatable(g:string, v:long)['a', 1, 'a', long(null), 'a', 1, 'b', long(null)] | summarize dcount(v) by g | order by g asc", "g,dcount_v", ["a|1", "b|0"] },
        { "range x from 1 to 10 step 1 | summarize dcountif(x % 3, x > 4)", "dcountif_", ["3"] },
        // Two keys combine through a flat table when their codes are few, through a hash table otherwise.
        { "range x from 1 to 420 step 1 | summarize n = count() by a = x % 30, b = x % 7 | summarize groups = count(), most = max(n)", "groups,most", ["210|2"] },
        { "range x from 1 to 4200 step 1 | summarize n = count() by a = x % 300, b = x % 7 + 1000 | summarize groups = count(), most = max(n)", "groups,most", ["2100|2"] },
        { Left + "L | summarize arg_max(a, *) by k | order by k asc", "k,a", ["x|2", "y|3", "z|4"] },
        { Left + "L | summarize make_set(k), make_list(a)", "set_k,list_a", ["[\"x\",\"y\",\"z\"]|[1,2,3,4]"] },
        { Left + "L | summarize n = countif(a > 1), total = count() * 10", "n,total", ["3|40"] },
        { Left + "L | where a > 100 | summarize count()", "count_", ["0"] },
        { Left + "L | where a > 100 | summarize count() by k", "k,count_", [] },
        { Left + "L | extend a * 2, c = strcat(k, a) | take 1", "k,a,Column1,c", ["x|1|2|x1"] },
        { Left + "L | project k, a2 = a * 2 | top 2 by a2", "k,a2", ["z|8", "y|6"] },
        { Left + "L | project-away a | distinct k | order by k desc", "k", ["z", "y", "x"] },
        { Left + "L | project-reorder a | take 1", "a,k", ["1|x"] },
        { Left + "L | count", "Count", ["4"] },
        { "datatable(v:long)[3, long(null), 1] | order by v asc", "v", ["null", "1", "3"] },
        { "datatable(v:long)[3, long(null), 1] | order by v desc", "v", ["3", "1", "null"] },
        { "datatable(v:long)[3, long(null), 1] | order by v asc nulls last", "v", ["1", "3", "null"] },
        { "datatable(a:long)[1] | union (datatable(a:string)['x'])", "a_long,a_string", ["1|", "null|x"] },
        { "union (datatable(a:long)[1]), (datatable(b:long)[2])", "a,b", ["1|null", "null|2"] },
        { "datatable(d:dynamic)[dynamic([1, 2]), dynamic([]), dynamic(null)] | mv-expand d", "d", ["1", "2", "null"] },
        { "datatable(d:dynamic)[dynamic({'a': 1, 'b': 2})] | mv-expand d", "d", ["{\"a\":1}", "{\"b\":2}"] },
        { "datatable(d:dynamic)[dynamic(['a', 1])] | mv-expand with_itemindex=i d to typeof(string)", "d,i", ["a|0", "|1"] },
        { "datatable(x:string, d:dynamic)['r', dynamic([5, 7, 6])] | mv-apply v = d to typeof(long) on (top 1 by v)", "x,d,v", ["r|[5,7,6]|7"] },
        { "datatable(s:string)['Event: login (user=bob)'] | parse s with 'Event: ' name ' (user=' user ')' | project name, user", "name,user", ["login|bob"] },
        { "let f = (n:long) { range x from 1 to n step 1 }; f(3) | count", "Count", ["3"] },
        { "let T = materialize(range x from 1 to 3 step 1); T | join kind=inner T on x | count", "Count", ["3"] },
        { "let m = toscalar(range x from 1 to 5 step 1 | summarize max(x)); print m", "print_0", ["5"] },
        { "let ids = datatable(k:string)['x', 'z']; datatable(k:string, v:long)['x', 1, 'y', 2, 'z', 3] | where k in (ids) | project v", "v", ["1", "3"] },
        { "range d from datetime(2026-11-20) to datetime(2026-11-20 02:00) step 1h", "d", ["2026-11-20T00:00:00.0000000Z", "2026-11-20T01:00:00.0000000Z", "2026-11-20T02:00:00.0000000Z"] },
        { "datatable(b:dynamic)[dynamic({'u': 'a', 'n': 1})] | evaluate bag_unpack(b)", "u,n", ["a|1"] },
        { "datatable(v:long)[1, 2, 3] | serialize | extend p = prev(v), r = row_number()", "v,p,r", ["1|null|1", "2|1|2", "3|2|3"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Produces(string query, string columns, string[] rows)
    {
        var result = Run(query);
        Assert.Equal(columns, Columns(result));
        Assert.Equal(rows, Rows(result));
    }

    [Fact]
    public void Watchlists_are_read_from_the_Watchlist_table_by_alias()
    {
        var watchlist = SentinelContent.Kql.Data.Loading.SampleTableBuilder.Build("Watchlist",
        [
            Row("""{"WatchlistAlias": "VIPUsers", "SearchKey": "ceo@contoso.com", "_DTItemStatus": "Create", "WatchlistItem": {"UPN": "ceo@contoso.com", "Tier": "1"}}"""),
            Row("""{"WatchlistAlias": "VIPUsers", "SearchKey": "old@contoso.com", "_DTItemStatus": "Deleted", "WatchlistItem": {"UPN": "old@contoso.com"}}"""),
            Row("""{"WatchlistAlias": "Other", "SearchKey": "x@contoso.com", "WatchlistItem": {}}"""),
        ], SentinelContent.Kql.Schema.BuiltInSchemas.Default, []);
        var result = new SentinelContent.Kql.Evaluation.KqlEngine().Run("_GetWatchlist('VIPUsers') | project SearchKey, Tier", new Dictionary<string, SentinelContent.Kql.Data.DataTable> { ["Watchlist"] = watchlist! }, Now, TestContext.Current.CancellationToken);
        Assert.Equal(["ceo@contoso.com|1"], Rows(result));
    }

    private static SentinelContent.Kql.Data.Loading.SampleRow Row(string json) =>
        new([.. System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject().Select(p => new SentinelContent.Kql.Data.Loading.SampleField(p.Key, p.Value?.DeepClone()))],
            new SentinelContent.Core.Text.SourceLocation("inline", new(1, 1), new(1, 1)));
}
