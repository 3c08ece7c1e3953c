using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Evaluation;
using SentinelContent.Kql.LogicalPlan;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Tests.LogicalPlan;

/// <summary>The logical plan (the IR `query --explain` prints), asserted as a structure.</summary>
public sealed class LogicalPlanTests
{
    private static readonly KqlEngine Engine = new();

    private static QueryPlan Explain(string query, KqlEngine? engine = null) => (engine ?? Engine).Explain(query);

    private static T Only<T>(QueryPlan plan) where T : PlanNode => Assert.Single(plan.Nodes().OfType<T>());

    [Fact]
    public void A_filter_on_a_97_column_table_reads_only_the_columns_later_operators_use()
    {
        var width = BuiltInSchemas.Default.Find("SigninLogs")!.Columns.Count;
        Assert.Equal(97, width);
        var plan = Explain("SigninLogs | where ResultType != '0' and AppDisplayName has 'Azure'"
            + " | summarize Failures = count() by UserPrincipalName | top 5 by Failures");

        var scan = Only<ScanNode>(plan);
        Assert.Equal("SigninLogs", scan.Table);
        Assert.Equal(97, scan.Width);
        Assert.Equal(["AppDisplayName", "ResultType", "UserPrincipalName"], scan.Columns.Select(c => c.Name).Order());
        Assert.All(scan.Columns, c => Assert.NotEqual(ScalarType.Unknown, c.Type));

        var filter = Assert.IsType<FilterNode>(Only<AggregateNode>(plan).Input);
        Assert.Equal(2, filter.Predicates.Count); // `and` split into conjuncts, each reading its own column
        Assert.Equal(["ResultType"], filter.Predicates[0].Reads);
        Assert.Equal(ScalarType.Bool, filter.Predicates[0].Type);
        var top = Assert.IsType<TopNode>(plan.Result);
        Assert.True(top.Key.Descending);
        Assert.False(top.Key.NullsFirst);
        Assert.Equal([new PlanColumn("UserPrincipalName", ScalarType.String), new PlanColumn("Failures", ScalarType.Long)], top.Output);
    }

    [Fact]
    public void Unpruned_the_same_scan_reads_the_whole_table_and_a_star_needs_every_column()
    {
        var model = KqlBinder.Bind("SigninLogs | where ResultType != '0' | take 3", BindingContext.Default);
        var unpruned = Only<ScanNode>(PlanBuilder.BuildUnpruned(model));
        Assert.Equal(97, unpruned.Columns.Count);
        // With no projection above it, the filter's output is the result: every column is needed.
        Assert.Equal(97, Only<ScanNode>(Explain("SigninLogs | where ResultType != '0' | take 3")).Columns.Count);
        Assert.Equal(97, Only<ScanNode>(Explain("SigninLogs | summarize arg_max(TimeGenerated, *) by UserPrincipalName")).Columns.Count);
    }

    [Fact]
    public void Extend_passes_through_what_is_needed_and_its_inputs()
    {
        var plan = Explain("SigninLogs | extend Hour = bin(TimeGenerated, 1h), Unused = Location | project UserPrincipalName, Hour");
        Assert.Equal(["TimeGenerated", "UserPrincipalName"], Only<ScanNode>(plan).Columns.Select(c => c.Name).Order());
        var extend = Only<ExtendNode>(plan);
        Assert.Equal(["Hour", "Unused"], extend.Assignments.Select(a => a.Name));
        Assert.Equal(ScalarType.DateTime, extend.Assignments[0].Value.Type);
    }

    [Fact]
    public void Joins_have_their_kind_and_keys_and_each_side_reads_what_it_must()
    {
        var plan = Explain("""
            SigninLogs
            | project UserPrincipalName, IPAddress
            | join kind=leftouter (AuditLogs | extend Actor = tostring(InitiatedBy.user.userPrincipalName))
                on $left.UserPrincipalName == $right.Actor
            | project UserPrincipalName, OperationName
            """);
        var join = Only<JoinNode>(plan);
        Assert.Equal(JoinKind.LeftOuter, join.Kind);
        Assert.Equal(["UserPrincipalName"], join.LeftKeys);
        Assert.Equal(["Actor"], join.RightKeys);
        var audit = plan.Nodes().OfType<ScanNode>().Single(s => s.Table == "AuditLogs");
        Assert.Equal(["InitiatedBy", "OperationName"], audit.Columns.Select(c => c.Name).Order());
    }

    [Fact]
    public void Sort_keys_get_the_operator_defaults()
    {
        var sort = Only<SortNode>(Explain("SigninLogs | project TimeGenerated, Location | sort by TimeGenerated, Location asc"));
        Assert.Equal([(true, false), (false, true)], sort.Keys.Select(k => (k.Descending, k.NullsFirst)));
    }

    [Fact]
    public void A_let_table_is_one_binding_its_references_share_and_its_scan_reads_what_they_all_need()
    {
        var plan = Explain("""
            let Failed = SigninLogs | where ResultType != '0';
            Failed | summarize count() by UserPrincipalName
            | join (Failed | summarize dcount(IPAddress) by UserPrincipalName) on UserPrincipalName
            """);
        var let = Assert.Single(plan.Lets);
        Assert.Equal("Failed", let.Name);
        Assert.Equal(2, plan.Result.DescendantsAndSelf().OfType<LetReferenceNode>().Count());
        var scan = Assert.IsType<ScanNode>(Assert.IsType<FilterNode>(let.Table).Input);
        Assert.Equal(["IPAddress", "ResultType", "UserPrincipalName"], scan.Columns.Select(c => c.Name).Order());
    }

    [Fact]
    public void A_workspace_function_is_expanded_once_from_the_binder_s_declaration()
    {
        const string body = "SigninLogs | where toint(ResultType) > threshold | project UserPrincipalName, IPAddress, ResultType";
        var engine = new KqlEngine(functions: [new WorkspaceFunction("FailedSignins", "(threshold: long)", body)]);
        var plan = Explain("""
            FailedSignins(0) | summarize count() by UserPrincipalName
            | join kind=inner (FailedSignins(0) | summarize dcount(IPAddress) by UserPrincipalName) on UserPrincipalName
            """, engine);
        var expansion = Only<ExpandNode>(plan);
        Assert.Equal("FailedSignins", expansion.Function);
        Assert.True(expansion.Workspace);
        var argument = Assert.Single(expansion.Arguments);
        Assert.Equal(("threshold", "0"), (argument.Parameter, argument.Scalar!.Text));
        // Both calls are the one expansion: the same node is each join side's input.
        var join = Only<JoinNode>(plan);
        Assert.Same(expansion, ((AggregateNode)join.Left).Input);
        Assert.Same(expansion, ((AggregateNode)((JoinNode)join).Right).Input);
        // The body is planned from the binder's symbols: its scan is typed and reads what the body's project needs.
        var scan = Only<ScanNode>(plan);
        Assert.Equal(["IPAddress", "ResultType", "UserPrincipalName"], scan.Columns.Select(c => c.Name).Order());
        Assert.Equal(["UserPrincipalName", "IPAddress", "ResultType"], expansion.Output.Select(c => c.Name));
        Assert.All(expansion.Output, c => Assert.Equal(ScalarType.String, c.Type));
        var text = plan.ToText().Split('\n');
        Assert.Single(text, l => l.Contains("Expand workspace function FailedSignins #1", StringComparison.Ordinal));
        Assert.Single(text, l => l.Contains("Expand FailedSignins #1 (shared", StringComparison.Ordinal));
    }

    [Fact]
    public void Let_functions_expand_per_distinct_call()
    {
        var plan = Explain("let f = (n: long) { SigninLogs | take n }; union (f(1)), (f(2)), (f(1))");
        Assert.Equal(2, plan.Nodes().OfType<ExpandNode>().Count());
        var union = Assert.IsType<UnionNode>(plan.Result);
        Assert.Same(union.Parts[0], union.Parts[2]);
        Assert.All(plan.Nodes().OfType<ExpandNode>(), e => Assert.False(e.Workspace));
    }

    [Fact]
    public void Text_and_json_show_the_same_tree()
    {
        var plan = Explain("SigninLogs | where ResultType != '0' | project UserPrincipalName");
        // A wide node lists its first eight columns (in the table's order) and how many more.
        var columns = BuiltInSchemas.Default.Find("SigninLogs")!.Columns;
        var wide = "  -> (" + string.Join(", ", columns.Take(8).Select(c => $"{c.Name}: {c.Type.Name()}")) + ", ... (+89))";
        Assert.Equal(
            "Project (project) UserPrincipalName: string  -> (UserPrincipalName: string)\n"
            + "  Filter ResultType != '0': bool" + wide + "\n"
            + "    Scan SigninLogs (2 of 97 columns: ResultType, UserPrincipalName)" + wide + "\n",
            plan.ToText());
        using var json = System.Text.Json.JsonDocument.Parse(plan.ToJson());
        var result = json.RootElement.GetProperty("result");
        Assert.Equal("Project", result.GetProperty("node").GetString());
        var scan = result.GetProperty("inputs")[0].GetProperty("inputs")[0];
        Assert.Equal("Scan", scan.GetProperty("node").GetString());
        Assert.Equal(97, scan.GetProperty("width").GetInt32());
        var reads = scan.GetProperty("reads").EnumerateArray().Select(c => c.GetProperty("name").GetString());
        Assert.Equal(["ResultType", "UserPrincipalName"], reads);
    }

    [Fact]
    public void Unmodelled_operators_read_their_whole_input()
    {
        var plan = Explain("SigninLogs | mv-expand ConditionalAccessPolicies | project UserPrincipalName");
        Assert.Equal("mv-expand", Only<OperatorNode>(plan).Operator);
        Assert.Equal(97, Only<ScanNode>(plan).Columns.Count);
    }

    [Fact]
    public void Explain_fails_like_a_run_on_a_query_that_does_not_bind()
    {
        var error = Assert.Throws<KqlEvaluationException>(() => Explain("SigninLogs | where NoSuchColumn == 1"));
        Assert.Contains(error.Diagnostics, d => d.Code == "SC0302");
    }
}
