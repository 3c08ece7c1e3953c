using System.Text.RegularExpressions;
using SentinelContent.ReferenceExamples.Cases;
using SentinelContent.ReferenceExamples.Markdown;
using SentinelContent.TestSupport;

namespace SentinelContent.ReferenceExamples.Classification;

/// <summary>
/// Decides what the suite does with one example, in this order: what Microsoft's binder says about it with no
/// tables at all (does it parse, does it name tables it does not make), what it needs that only a cluster has, then
/// what the page shows (a table, a chart, nothing) and whether its values are deterministic. Every example gets a
/// class, and every class but "case" a reason.
/// </summary>
public static partial class Classifier
{
    /// <summary>
    /// <paramref name="tablesRead"/>: the names the reference's examples read without making them (from the binder's
    /// errors over all examples), to catch a table named only in a string: `foo('StormEvents')` over `table(name)`.
    /// </summary>
    /// <paramref name="shape"/>: the example restated as a query when the page writes it in a shorthand shape; then
    /// <paramref name="bound"/> is the binder's answer for that query.
    public static ReferenceExample Classify(DocExample example, Shape? shape, OracleResult bound, IReadOnlyList<ReferenceExample> earlier, IReadOnlySet<string> tablesRead)
    {
        var result = new ReferenceExample
        {
            Example = example.Ordinal,
            Heading = example.Heading,
            Moniker = example.Moniker,
            Tab = example.Tab,
            Query = shape?.Query ?? example.Query,
            PageQuery = shape is null ? null : example.Query,
        };
        (result.Class, result.Reason) = Decide(example, shape, bound, result, earlier, tablesRead);
        return result;
    }

    /// <summary>The names in "The name 'X' does not refer to any known ..." errors.</summary>
    public static IEnumerable<string> UnknownNames(OracleResult bound) =>
        bound.Errors.Select(e => UnknownName().Match(e.Message)).Where(m => m.Success).Select(m => m.Groups[1].Value);

    private static (string Class, string? Reason) Decide(
        DocExample example, Shape? shape, OracleResult bound, ReferenceExample result, IReadOnlyList<ReferenceExample> earlier, IReadOnlySet<string> tablesRead)
    {
        var query = result.Query;
        var code = QueryText.WithoutCommentsAndStrings(query);

        if (code.TrimStart().StartsWith('.')) return (ExampleClass.NeedsCluster, "a management command");
        if (bound.SyntaxErrors.Count > 0) return (ExampleClass.NotAQuery, NotAQueryReason(query, bound.SyntaxErrors[0]));
        if (Remote().Match(code) is { Success: true } remote)
            return (ExampleClass.ReadsTable, $"reads another database or cluster ({remote.Groups[1].Value.TrimEnd('(', ' ')})");

        if (TableNamedInString(code, query, tablesRead) is { } table) return (ExampleClass.ReadsTable, "names what it does not define: " + table);
        var unknown = UnknownNames(bound).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0) return (ExampleClass.ReadsTable, "names what it does not define: " + string.Join(", ", unknown));
        if (Service().Match(code) is { Success: true } service)
            return (ExampleClass.NeedsCluster, $"needs a cluster's {ServiceKind(service.Groups[1].Value)} ({service.Groups[1].Value.TrimEnd('(', ' ')})");
        if (bound.Errors.Count > 0)
            return (ExampleClass.BinderError, $"Microsoft's binder reports {bound.Errors[0].Code}: {bound.Errors[0].Message}");

        if (Render().IsMatch(code)) return (ExampleClass.Chart, "renders a chart");
        string? outputNote = null;
        var outputs = shape?.Row is { } row ? [Outputs.Stated(row, bound)] : Outputs.Read(example, bound, out outputNote);
        if (outputs.Count == 0)
        {
            if (outputNote is not null) return (ExampleClass.UnreadableOutput, outputNote);
            return example.HasImage ? (ExampleClass.Chart, "the page shows the result as an image") : (ExampleClass.NoOutput, "the page shows no result");
        }
        result.Outputs = outputs;
        result.Ordered = Ordering.IsOrdered(code);

        var duplicate = earlier.FirstOrDefault(e => e.Class is ExampleClass.Case or ExampleClass.Nondeterministic && SameExample(e, result));
        if (duplicate is not null)
            return (ExampleClass.Duplicate, $"the same query and output as example {duplicate.Example}{(duplicate.Moniker is null ? string.Empty : $" ({duplicate.Moniker})")}");

        if (Nondeterministic().Match(code) is { Success: true } random)
            return (ExampleClass.Nondeterministic, $"its values change from run to run ({Call().Replace(random.Groups[1].Value.Trim(), "()")})" + (shape is null ? string.Empty : "; " + shape.Note));
        if (example.Outputs.SelectMany(o => o.Intro).Append(example.Heading).FirstOrDefault(p => SaysNondeterministic().IsMatch(p)) is { } says)
            return (ExampleClass.Nondeterministic, $"the page says its output may differ: \"{SaysNondeterministic().Match(says).Value}\"" + (shape is null ? string.Empty : "; " + shape.Note));
        return (ExampleClass.Case, shape?.Note ?? outputNote);
    }

    private static string NotAQueryReason(string query, OracleError error)
    {
        if (Placeholder().IsMatch(query)) return "a syntax template (placeholders such as <name>): " + error.Message;
        return $"Microsoft's parser reports {error.Code}: {error.Message}";
    }

    private static string ServiceKind(string call) => call switch
    {
        _ when call.StartsWith("cursor", StringComparison.Ordinal) || call.StartsWith("current_", StringComparison.Ordinal)
            || call.StartsWith("extent_", StringComparison.Ordinal) || call.StartsWith("ingestion_time", StringComparison.Ordinal) => "state",
        _ when call.Contains("external", StringComparison.Ordinal) || call.StartsWith("infer_storage", StringComparison.Ordinal) => "external storage",
        _ when call.StartsWith("declare", StringComparison.Ordinal) => "client (query parameters)",
        _ => "external service",
    };

    private static bool SameExample(ReferenceExample a, ReferenceExample b) =>
        QueryText.Normalized(a.Query) == QueryText.Normalized(b.Query)
        && a.Outputs.Count == b.Outputs.Count
        && a.Outputs.Zip(b.Outputs).All(p => p.First.Columns.SequenceEqual(p.Second.Columns)
            && p.First.Rows.Count == p.Second.Rows.Count && p.First.Rows.Zip(p.Second.Rows).All(r => r.First.SequenceEqual(r.Second)));

    [GeneratedRegex(@"The name '([^']*)' does not refer to any known")]
    private static partial Regex UnknownName();

    [GeneratedRegex(@"\b(cluster\s*\(|database\s*\(|external_table\s*\(|materialized_view\s*\(|stored_query_result\s*\(|entity_group\b|macro-expand\b)")]
    private static partial Regex Remote();

    [GeneratedRegex(@"\b(evaluate\s+(?:python|r|sql_request|cosmosdb_sql_request|mysql_request|postgresql_request|http_request|http_request_post|azure_digital_twins_query_request|ai_embeddings|ai_chat_completion|ai_chat_completion_prompt|infer_storage_schema|infer_storage_schema_with_suggestions)\b|externaldata\b|external_data\b|inline_external_table\b|current_cluster_endpoint\s*\(|current_database\s*\(|current_principal\w*\s*\(|cursor_\w+\s*\(|extent_id\s*\(|extent_tags\s*\(|ingestion_time\s*\(|declare\s+query_parameters\b)")]
    private static partial Regex Service();

    [GeneratedRegex(@"\|\s*render\b")]
    private static partial Regex Render();

    /// <summary>
    /// A table named in a string (`table('StormEvents')`, or an argument that a function passes to table()) that the
    /// query does not make: the binder does not resolve names given as strings.
    /// </summary>
    private static string? TableNamedInString(string code, string query, IReadOnlySet<string> tablesRead)
    {
        if (!TableCall().IsMatch(code)) return null;
        foreach (Match literal in StringLiteral().Matches(query))
        {
            var name = literal.Groups[2].Value;
            if (tablesRead.Contains(name) && !Regex.IsMatch(code, $@"\blet\s+{Regex.Escape(name)}\s*=")) return name;
        }
        return null;
    }

    [GeneratedRegex(@"\btable\s*\(")]
    private static partial Regex TableCall();

    [GeneratedRegex(@"([""'])([A-Za-z_][\w]*)\1")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\s*\($")]
    private static partial Regex Call();

    [GeneratedRegex(@"(\brand\s*\(|\bnew_guid\s*\(|\bnow\s*\(|\bago\s*\(|\|\s*sample\b|\|\s*sample-distinct\b)")]
    private static partial Regex Nondeterministic();

    [GeneratedRegex(@"\b(random(ly)?|arbitrar(y|ily)|possible outputs|non-?deterministic|not deterministic|may (differ|vary|change)|differ(s)? (between|from) runs?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SaysNondeterministic();

    [GeneratedRegex(@"<[A-Za-z][\w ]*>")]
    private static partial Regex Placeholder();

}
