using SentinelContent.Core.Diagnostics;
using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Tests.Binding;

/// <summary>ASIM parser calls bind to the catalog's columns, with their arguments checked by name and type.</summary>
public sealed class AsimBindingTests
{
    private static SemanticModel Bind(string query) => KqlBinder.Bind(query, BindingContext.Default);

    [Theory]
    [InlineData("_Im_NetworkSession(starttime=ago(1d), dstportnumber=445)", "NetworkSession")]
    [InlineData("_Im_Dns(responsecodename='NXDOMAIN', starttime=ago(1h), endtime=now())", "Dns")]
    [InlineData("imWebSession", "WebSession")]
    [InlineData("_ASim_Authentication", "Authentication")]
    [InlineData("_Im_ProcessCreate(commandline_has_any=dynamic(['-enc']))", "ProcessEvent")]
    [InlineData("vimFileEventMicrosoftSysmon(starttime=ago(1h))", "FileEvent")]
    public void A_parser_call_returns_its_schema_columns(string call, string schema)
    {
        var model = Bind(call);
        Assert.Empty(model.Diagnostics);
        var expected = AsimCatalog.Default.Schema(schema)!.Table.Columns.Select(c => $"{c.Name}:{c.Type.Name()}");
        Assert.Equal(expected, model.ResultTable!.Columns.Select(c => $"{c.Name}:{c.Type.Name()}"));
        Assert.False(model.ResultTable.IsOpen);
    }

    [Fact]
    public void Columns_after_the_call_are_checked_against_the_schema()
    {
        var model = Bind("_Im_Dns(starttime=ago(1h)) | where DnsQuery has 'x' | project SrcIpAddr, Bogus");
        var error = Assert.Single(model.Diagnostics);
        Assert.Equal("SC0302", error.Code);
        Assert.Contains("'Bogus'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("_Im_NetworkSession(startime=ago(1d))", "startime", "did you mean 'starttime'")]
    [InlineData("_Im_Dns(srcipaddr_has_any_prefix=dynamic(['10.']))", "srcipaddr_has_any_prefix", "it takes starttime")]
    [InlineData("_ASim_NetworkSession(starttime=ago(1d))", "starttime", "it takes disabled")]
    public void A_parameter_the_parser_lacks_is_SC0330_at_its_name(string query, string at, string hint)
    {
        var error = Assert.Single(Bind(query).Diagnostics);
        Assert.Equal(KqlSemanticDiagnostics.AsimUnknownParameter.Code, error.Code);
        Assert.Equal("SC0330", error.Code);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(at, query.Substring(error.Span.Start, error.Span.Length));
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("_Im_NetworkSession(starttime='yesterday')", "'yesterday'", "datetime, not string")]
    [InlineData("_Im_WebSession(eventresult=1)", "1", "string, not long")]
    [InlineData("_Im_Authentication(disabled='no')", "'no'", "bool, not string")]
    public void An_argument_of_the_wrong_type_is_SC0331_at_the_argument(string query, string at, string types)
    {
        var error = Assert.Single(Bind(query).Diagnostics);
        Assert.Equal("SC0331", error.Code);
        Assert.Equal(at, query.Substring(error.Span.Start, error.Span.Length));
        Assert.Contains(types, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("_Im_NetworkSession(ago(1d), now(), dynamic(['10.']))")]
    [InlineData("_Im_NetworkSession(dstportnumber=445)")]
    [InlineData("_Im_NetworkSession(srcipaddr_has_any_prefix='10.0.')")]
    [InlineData("let lookback = 1h; _Im_Dns(starttime=ago(lookback)) | summarize count() by SrcIpAddr")]
    [InlineData("_Im_RegistryEvent(registrykey_has_any=dynamic(['Run']))")]
    public void Positional_arguments_numbers_and_lists_are_accepted(string query) => Assert.Empty(Bind(query).Diagnostics);

    [Fact]
    public void A_workspace_function_of_the_same_name_comes_first()
    {
        var own = new WorkspaceFunction("_Im_Dns", "()", "{ print x = 1 }");
        var context = new BindingContext(BuiltInSchemas.Default, workspaceFunctions: [own]);
        var model = KqlBinder.Bind("_Im_Dns()", context);
        Assert.Empty(model.Diagnostics);
        Assert.Equal(["x"], model.ResultTable!.Columns.Select(c => c.Name));
    }

    [Fact]
    public void The_schema_table_is_made_once_per_context()
    {
        var first = Bind("_Im_Dns").ResultTable;
        var second = Bind("imDns(starttime=ago(1h))").ResultTable;
        Assert.Same(first, second);
    }
}

/// <summary>_GetWatchlist against the watchlists a repository declares (BindingContext.DeclaredWatchlists).</summary>
public sealed class DeclaredWatchlistBindingTests
{
    private static readonly BindingContext Repository = new(BuiltInSchemas.Default, workspaceFunctions: SentinelFunctions.All)
    {
        DeclaredWatchlists = new Dictionary<string, IReadOnlyList<string>> { ["VIPUsers"] = ["User Principal Name", "Tags"] },
    };

    [Fact]
    public void A_declared_watchlist_binds_to_its_columns()
    {
        var model = KqlBinder.Bind("_GetWatchlist('VIPUsers') | project SearchKey, Tags", Repository);
        Assert.Empty(model.Diagnostics);
        Assert.False(model.ResultTable!.IsOpen);
        var typo = Assert.Single(KqlBinder.Bind("_GetWatchlist('VIPUsers') | project Tag", Repository).Diagnostics);
        Assert.Equal("SC0302", typo.Code);
    }

    [Fact]
    public void An_undeclared_watchlist_is_one_warning_SC0332_and_an_open_schema()
    {
        const string query = "_GetWatchlist('Unknown') | where AnyColumn == 1";
        var warning = Assert.Single(KqlBinder.Bind(query, Repository).Diagnostics);
        Assert.Equal("SC0332", warning.Code);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("'Unknown'", query.Substring(warning.Span.Start, warning.Span.Length));
        Assert.Contains("watchlists/Unknown.yaml", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_repository_nothing_is_reported()
    {
        var context = new BindingContext(BuiltInSchemas.Default, workspaceFunctions: SentinelFunctions.All);
        Assert.Empty(KqlBinder.Bind("_GetWatchlist('Unknown') | where AnyColumn == 1", context).Diagnostics);
    }
}
