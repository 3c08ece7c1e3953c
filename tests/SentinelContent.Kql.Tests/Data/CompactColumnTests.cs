using System.Text;
using System.Text.Json.Nodes;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation;
using SentinelContent.Kql.Schema;
using static SentinelContent.Kql.Tests.Evaluation.EngineTestSupport;

namespace SentinelContent.Kql.Tests.Data;

/// <summary>
/// Compact columns (dictionary-encoded strings, dynamic values kept as JSON text) read exactly as the plain ones:
/// every query below runs over both forms of the same table and must give the same rows.
/// </summary>
public sealed class CompactColumnTests
{
    // Odd shapes on purpose: nulls inside and outside, escapes, non-ASCII, nesting, numbers kept as written. (A bag
    // with a repeated key is left out: parsed, it fails when first read; as text, navigation reads the first.)
    private static readonly string?[] Json =
    [
        """{"user": {"userPrincipalName": "Alice@Contoso.com", "id": "1"}, "ipAddress": "10.0.0.1"}""",
        """[{"userPrincipalName": "bob@contoso.com", "modifiedProperties": [{"displayName": "x", "newValue": "\"[1,2]\""}]}, {"id": 7}]""",
        null,
        "null",
        """{"user": null, "app": {"displayName": "Azure \u00e9 <Portal> & \"co\"", "servicePrincipalId": "sp"}}""",
        """ "just text" """,
        "1.50",
        "true",
        """[1, null, "two", [3], {"four": 4}]""",
        """{"a": 1, "b": {"c": [10, 20]}}""",
        """{"caf\u00e9": "\ud83d\ude00", "esc\"aped": "tab\tnew\nline"}""",
        "[]",
        "{}",
        """  {"spaced" :  [ 1 , 2 ] }  """,
    ];

    private static readonly string[] Strings = ["success", "failure", "success", "", "success", "Success", "failure", "é", "success", "", "x", "success", "failure", "success"];

    private static DataTable Table(bool compact)
    {
        var schema = new TableSchema("T", [new("s", ScalarType.String), new("d", ScalarType.Dynamic), new("n", ScalarType.Long)]);
        var nodes = Json.Select(j => j is null ? null : JsonNode.Parse(j)).ToArray();
        Column strings, dynamics;
        if (compact)
        {
            var dictionary = Strings.Distinct().ToArray();
            strings = new StringColumn([.. Strings.Select(s => Array.IndexOf(dictionary, s))], dictionary);
            var builder = new CompactJson.Builder();
            foreach (var text in Json)
            {
                if (text is null || text == "null") builder.AppendNull();
                else builder.Append(Encoding.UTF8.GetBytes(text.Trim()));
            }
            dynamics = new DynamicColumn(builder.Build());
        }
        else
        {
            strings = new StringColumn([.. Strings]);
            dynamics = new DynamicColumn(nodes);
        }
        var numbers = new ValueColumn<long>(ScalarType.Long, [.. Enumerable.Range(0, Json.Length).Select(i => (long)i)], new System.Collections.BitArray(Json.Length));
        return new DataTable(schema, [strings, dynamics, numbers]);
    }

    public static TheoryData<string> Queries =>
    [
        "T",
        "T | extend p = d.user.userPrincipalName, q = tostring(d.user.userPrincipalName)",
        "T | extend e0 = d[0], e1 = d[1], em1 = d[-1], e9 = d[9], en = d[-9]",
        "T | extend t = tostring(d[0].userPrincipalName), m = tostring(d[0].modifiedProperties[0].newValue)",
        "T | extend k = d['user'], a = d.a, c = d.b.c[1], c2 = d['b']['c'][-1]",
        "T | extend s2 = tostring(d), j = tostring(d.app), u = tostring(d.app.displayName)",
        "T | extend x = d['café'], y = d['esc\"aped'], z = tostring(d['esc\"aped'])",
        "T | extend t = gettype(d), l = array_length(d), k = bag_keys(d), i = isnull(d), e = isempty(d)",
        "T | where s == 'success'",
        "T | where s != 'success'",
        "T | where s =~ 'SUCCESS' | project n",
        "T | summarize c = count(), n = dcount(n) by s",
        "T | summarize c = count() by tostring(d.user.id)",
        "T | summarize m = make_set(s), v = make_list(d) by b = n % 2",
        "T | join kind=inner (T | project s, m = n) on s | summarize count() by s",
        "T | where n in (1, 4, 9) | extend u = d.user, v = d.b | project n, u, v",
        "T | order by s asc, n desc | project s, n",
        "T | extend t = tostring(d.spaced), t1 = d.spaced[1]",
        "T | mv-expand e = d | project n, e",
        "T | where isnotnull(d.user) | project n",
        "T | take 3 | extend x = d.user.id",
    ];

    [Theory]
    [MemberData(nameof(Queries))]
    public void A_query_reads_compact_columns_as_it_reads_plain_ones(string query)
    {
        var plain = Rows(Run(query, new Dictionary<string, DataTable> { ["T"] = Table(compact: false) }));
        var compact = Rows(Run(query, new Dictionary<string, DataTable> { ["T"] = Table(compact: true) }));

        Assert.Equal(plain, compact);
    }

    [Fact]
    public void A_dictionary_encoded_column_reads_as_a_string_array_and_keeps_its_codes_when_selected()
    {
        var column = new StringColumn([1, 0, 1, 2], ["a", "b", "c"]);

        Assert.Equal(["b", "a", "b", "c"], column.Values);
        Assert.Equal("c", column[3]);
        var selected = (StringColumn)column.Select([3, 0]);
        Assert.True(selected.TryGetCodes(out var codes, out var dictionary));
        Assert.Equal([2, 1], codes);
        Assert.Equal(["c", "b"], selected.Values);
        Assert.Same(dictionary[0], column.Values[1]);
    }

    [Fact]
    public void A_compact_dynamic_value_is_parsed_only_when_read_and_navigation_makes_no_nodes()
    {
        var compact = CompactJson.From([JsonNode.Parse("""{"a": {"b": [1, {"c": "d"}]}}"""), null, JsonNode.Parse("\"text\"")]);
        var column = new DynamicColumn(compact);

        var leaf = compact.Property("a").Property("b").Element(-1).Property("c");
        Assert.Equal("d", leaf.Text(0));
        Assert.True(leaf.IsNull(1));
        Assert.True(leaf.IsNull(2));
        Assert.Equal("\"d\"", Encoding.UTF8.GetString(leaf.Utf8(0)));
        Assert.True(column.IsNull(1));
        Assert.Equal("text", ((JsonNode)column.GetValue(2)!).GetValue<string>());
        Assert.Equal("""{"a":{"b":[1,{"c":"d"}]}}""", column.Values[0]!.ToJsonString());
    }

    [Fact]
    public void Sizes_count_a_dictionary_once_and_json_by_its_text()
    {
        var plain = new StringColumn([.. Enumerable.Range(0, 1000).Select(i => "value" + (i % 3))]);
        var encoded = new StringColumn([.. Enumerable.Range(0, 1000).Select(i => i % 3)], ["value0", "value1", "value2"]);
        var compact = new DynamicColumn(CompactJson.From(Enumerable.Range(0, 100).Select(i => JsonNode.Parse($$"""{"i":{{i}}}"""))));

        Assert.True(encoded.SizeInBytes < plain.SizeInBytes / 1.5, $"{encoded.SizeInBytes} vs {plain.SizeInBytes}");
        Assert.InRange(compact.SizeInBytes, 100 * 7, 100 * (9 + 12));
    }

    [Fact]
    public void Both_sides_of_a_join_reading_compact_json_at_once_agree()
    {
        const string query = "T | extend v = tostring(d.a.b) | join kind=inner (T | extend w = tostring(d.a.b)) on k | summarize n = count(), same = countif(v == w and v != '')";
        var schema = new TableSchema("T", [new("k", ScalarType.String), new("d", ScalarType.Dynamic)]);
        var values = CompactJson.From(Enumerable.Range(0, 2000).Select(i => JsonNode.Parse($$$"""{"x": 1, "a": {"y": 2, "b": "v{{{i}}}"}}""")));
        var table = new DataTable(schema, [new StringColumn([.. Enumerable.Range(0, 2000).Select(i => "k" + i)]), new DynamicColumn(values)]);
        var engine = new KqlEngine(limits: EvaluationLimits.Default with { MaxParallelism = 4 });

        Assert.Equal("2000|2000", Rows(engine.Run(query, new Dictionary<string, DataTable> { ["T"] = table }, Now, TestContext.Current.CancellationToken)).Single());
    }
}
