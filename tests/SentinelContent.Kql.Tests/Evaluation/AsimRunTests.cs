using SentinelContent.Kql.Data;
using SentinelContent.Kql.Data.Loading;
using SentinelContent.Kql.Evaluation;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Tests.Evaluation;

/// <summary>
/// An ASIM parser call runs over the rows given for its schema (a table named after it), aliases filled, filtered as
/// each parameter's documented meaning says (docs/asim.md). Each filter is tested on rows it keeps and rows it drops.
/// </summary>
public sealed class AsimRunTests
{
    private static readonly DateTime Now = EngineTestSupport.Now;

    private static readonly string[] Sessions =
    [
        """
        {
            "TimeGenerated":"2026-11-20T11:00:00Z","SrcIpAddr":"10.0.0.5","DstIpAddr":"203.0.113.9","DstPortNumber":445,
            "EventResult":"Success","DvcAction":"Allow","SrcHostname":"ws1","DstHostname":"files"
        }
        """,
        """
        {
            "TimeGenerated":"2026-11-20T09:00:00Z","SrcIpAddr":"192.168.1.7","DstIpAddr":"10.1.0.4","DstPortNumber":3389,
            "EventResult":"Failure","DvcAction":"Deny","SrcHostname":"kiosk","DstHostname":"rdp01"
        }
        """,
        """
        {
            "TimeGenerated":"2026-11-19T12:00:00Z","SrcIpAddr":"172.16.0.1","DstIpAddr":"198.51.100.2","DstPortNumber":443,
            "EventResult":"Success","DvcAction":"Allow","SrcHostname":"ws2","DstHostname":"web"
        }
        """,
    ];

    /// <summary>Rows written to a data file named for the table and loaded as `query --data` loads it.</summary>
    private static Dictionary<string, DataTable> Sample(string table, params string[] rows)
    {
        var folder = Directory.CreateTempSubdirectory("asim-run-");
        try
        {
            var file = Path.Combine(folder.FullName, table + ".jsonl");
            File.WriteAllLines(file, rows.Select(r => System.Text.Json.Nodes.JsonNode.Parse(r)!.ToJsonString()));
            var diagnostics = new List<Core.Diagnostics.Diagnostic>();
            var tables = SampleDataSet.Load([file], BuiltInSchemas.Default, diagnostics);
            Assert.True(tables is not null, string.Join("; ", diagnostics));
            Assert.Empty(diagnostics);
            return tables;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string[] Run(string query, Dictionary<string, DataTable> tables) =>
        EngineTestSupport.Rows(new KqlEngine().Run(query, tables, Now, TestContext.Current.CancellationToken));

    private static string[] Sources(string call) =>
        Run($"{call} | order by TimeGenerated desc | project SrcIpAddr", Sample("NetworkSession", Sessions));

    private static DataTable RunTable(string query, Dictionary<string, DataTable> tables) =>
        new KqlEngine().Run(query, tables, Now, TestContext.Current.CancellationToken);

    [Fact]
    public void Without_parameters_every_row_is_returned_in_the_schema_shape()
    {
        var result = RunTable("_Im_NetworkSession", Sample("NetworkSession", Sessions));
        Assert.Equal(3, result.RowCount);
        var expected = AsimCatalog.Default.Schema("NetworkSession")!.Table.Columns.Select(c => c.Name);
        Assert.Equal(expected, result.Schema.Columns.Select(c => c.Name));
        Assert.Equal(ScalarType.DateTime, result.Find("TimeGenerated")!.Type);
    }

    [Fact]
    public void Aliases_are_filled_from_the_fields_they_stand_for()
    {
        var query = "_Im_NetworkSession | order by TimeGenerated desc | project IpAddr, Hostname, Src, Dst";
        var rows = Run(query, Sample("NetworkSession", Sessions));
        Assert.Equal("10.0.0.5|files|ws1|files", rows[0]);
    }

    [Fact]
    public void A_given_alias_value_is_kept()
    {
        var row = """{"TimeGenerated":"2026-11-20T11:00:00Z","SrcIpAddr":"10.0.0.5","IpAddr":"10.9.9.9"}""";
        Assert.Equal(["10.9.9.9"], Run("_Im_NetworkSession | project IpAddr", Sample("NetworkSession", row)));
    }

    [Fact]
    public void Starttime_and_endtime_keep_rows_in_the_window_inclusive()
    {
        Assert.Equal(["10.0.0.5", "192.168.1.7"], Sources("_Im_NetworkSession(starttime=ago(3h))"));
        Assert.Equal(["192.168.1.7", "172.16.0.1"], Sources("_Im_NetworkSession(endtime=datetime(2026-11-20T09:00:00Z))"));
        Assert.Equal(["192.168.1.7"], Sources("let t = datetime(2026-11-20T09:00:00Z); _Im_NetworkSession(starttime=t, endtime=t)"));
    }

    [Fact]
    public void Ip_prefix_lists_match_addresses_that_start_with_a_prefix()
    {
        Assert.Equal(["10.0.0.5"], Sources("_Im_NetworkSession(srcipaddr_has_any_prefix=dynamic(['10.']))"));
        Assert.Equal(["192.168.1.7"], Sources("_Im_NetworkSession(dstipaddr_has_any_prefix=dynamic(['10.1.', '8.8.8.8']))"));
        Assert.Equal(["10.0.0.5", "192.168.1.7"], Sources("_Im_NetworkSession(ipaddr_has_any_prefix=dynamic(['10.']))"));
        Assert.Equal(["10.0.0.5", "192.168.1.7", "172.16.0.1"], Sources("_Im_NetworkSession(srcipaddr_has_any_prefix=dynamic([]))"));
    }

    [Fact]
    public void Scalars_lists_and_eventresult_filter_their_columns()
    {
        Assert.Equal(["192.168.1.7"], Sources("_Im_NetworkSession(dstportnumber=3389)"));
        Assert.Equal(["192.168.1.7"], Sources("_Im_NetworkSession(eventresult='Failure')"));
        Assert.Equal(["10.0.0.5", "192.168.1.7", "172.16.0.1"], Sources("_Im_NetworkSession(eventresult='*')"));
        Assert.Equal(["10.0.0.5", "172.16.0.1"], Sources("_Im_NetworkSession(dvcaction=dynamic(['allow']))"));
        Assert.Equal(["192.168.1.7"], Sources("_Im_NetworkSession(hostname_has_any=dynamic(['rdp01']))"));
    }

    [Fact]
    public void Disabled_returns_no_rows_and_parameterless_forms_do_not_filter()
    {
        Assert.Empty(Sources("_Im_NetworkSession(disabled=true)"));
        Assert.Equal(3, Sources("_ASim_NetworkSession").Length);
        Assert.Equal(3, Sources("_Im_NetworkSession(disabled=false)").Length);
    }

    [Fact]
    public void Without_rows_for_the_schema_the_parser_returns_none()
    {
        var result = RunTable("_Im_Dns(starttime=ago(1d))", []);
        Assert.Equal(0, result.RowCount);
        Assert.Equal(AsimCatalog.Default.Schema("Dns")!.Table.Columns.Count, result.Schema.Columns.Count);
    }

    [Fact]
    public void Dns_keeps_lookups_by_default_and_filters_response_codes_and_domains()
    {
        var dns = Sample("Dns",
            """
            {
                "TimeGenerated":"2026-11-20T11:00:00Z","SrcIpAddr":"10.0.0.5","DnsQuery":"evil.example.com","EventType":"Query",
                "DnsResponseCodeName":"NXDOMAIN","DnsResponseName":""
            }
            """,
            """
            {
                "TimeGenerated":"2026-11-20T11:01:00Z","SrcIpAddr":"10.0.0.6","DnsQuery":"good.example.org","EventType":"Query",
                "DnsResponseCodeName":"NOERROR","DnsResponseName":"93.184.216.34"
            }
            """,
            """
            {
                "TimeGenerated":"2026-11-20T11:02:00Z","SrcIpAddr":"10.0.0.7","DnsQuery":"zone.example.org",
                "EventType":"ZoneTransfer","DnsResponseCodeName":"NOERROR"
            }
            """);
        Assert.Equal(["10.0.0.5", "10.0.0.6"], Run("_Im_Dns | order by TimeGenerated asc | project SrcIpAddr", dns));
        Assert.Equal(["10.0.0.5"], Run("_Im_Dns(responsecodename='NXDOMAIN') | project SrcIpAddr", dns));
        Assert.Equal(["10.0.0.6"], Run("_Im_Dns(domain_has_any=dynamic(['good'])) | project SrcIpAddr", dns));
        Assert.Equal(["10.0.0.6"], Run("_Im_Dns(response_has_ipv4='93.184.216.34') | project SrcIpAddr", dns));
        Assert.Equal(["10.0.0.6"], Run("_Im_Dns(response_has_any_prefix=dynamic(['93.184.'])) | project SrcIpAddr", dns));
        Assert.Equal(["10.0.0.6"], Run("_Im_Dns(srcipaddr='10.0.0.6') | project SrcIpAddr", dns));
        Assert.Equal(["zone.example.org"], Run("_Im_Dns(eventtype='ZoneTransfer') | project Domain", dns));
    }

    [Fact]
    public void Process_create_keeps_creations_only_and_has_all_needs_every_term()
    {
        var processes = Sample("ProcessEvent",
            """
            {
                "TimeGenerated":"2026-11-20T11:00:00Z","EventType":"ProcessCreated","TargetProcessName":"powershell.exe",
                "TargetProcessCommandLine":"powershell -enc AAA -nop"
            }
            """,
            """
            {
                "TimeGenerated":"2026-11-20T11:01:00Z","EventType":"ProcessTerminated","TargetProcessName":"powershell.exe",
                "TargetProcessCommandLine":"powershell -enc BBB"
            }
            """);
        Assert.Equal(["powershell -enc AAA -nop"], Run("_Im_ProcessCreate | project CommandLine", processes));
        Assert.Equal(2, Run("_Im_ProcessEvent | project Process", processes).Length);
        Assert.Equal(["powershell -enc AAA -nop"],
            Run("_Im_ProcessEvent(commandline_has_all=dynamic(['enc', 'nop'])) | project CommandLine", processes));
    }

    [Fact]
    public void Authentication_filters_users_and_result_details()
    {
        var signins = Sample("Authentication",
            """
            {
                "TimeGenerated":"2026-11-20T11:00:00Z","TargetUsername":"alice@contoso.com","EventResult":"Failure",
                "EventResultDetails":"Incorrect password","EventType":"Logon","SrcIpAddr":"198.51.100.7"
            }
            """,
            """
            {
                "TimeGenerated":"2026-11-20T11:05:00Z","TargetUsername":"bob@contoso.com","EventResult":"Success",
                "EventType":"Logon","SrcIpAddr":"10.0.0.8"
            }
            """);
        Assert.Equal(["alice@contoso.com"],
            Run("_Im_Authentication(username_has_any=dynamic(['alice@contoso.com'])) | project User", signins));
        Assert.Equal(["alice@contoso.com"],
            Run("_Im_Authentication(eventresultdetails_in=dynamic(['incorrect password'])) | project User", signins));
        Assert.Equal(["bob@contoso.com"],
            Run("_Im_Authentication(eventresult='Success', eventtype_in=dynamic(['Logon'])) | project User", signins));
    }
}
