using System.Text.Json;

namespace SentinelContent.Cli.Tests;

/// <summary>
/// `query --data` and `backtest --data` run ASIM parser calls over a data file named for the schema (NetworkSession.jsonl),
/// and _ASIM_GetWatchlistRaw over the folder's Watchlist rows (docs/asim.md).
/// </summary>
public sealed class AsimDataCommandTests
{
    private const string Sessions = """
        {"TimeGenerated":"2026-11-20T11:00:00Z","SrcIpAddr":"198.51.100.7","DstPortNumber":3389,"EventResult":"Failure"}
        {"TimeGenerated":"2026-11-20T11:10:00Z","SrcIpAddr":"198.51.100.8","DstPortNumber":443,"EventResult":"Success"}
        {"TimeGenerated":"2026-11-20T11:20:00Z","SrcIpAddr":"10.0.0.9","DstPortNumber":3389,"EventResult":"Success"}
        """;

    private const string Watchlist = """
        {"WatchlistAlias":"RiskyPorts","SearchKey":"3389","_DTItemStatus":"Create","WatchlistItem":{"Port":"3389"}}
        {"WatchlistAlias":"Other","SearchKey":"443","_DTItemStatus":"Create","WatchlistItem":{"Port":"443"}}
        """;

    private const string Rule = """
        id: 3d1f0a52-7b5e-4c55-9a4e-0c1b2d3e4f50
        name: RDP from public addresses (ASIM)
        description: Network sessions to port 3389 from public addresses.
        severity: Low
        queryFrequency: PT1H
        queryPeriod: PT1H
        triggerOperator: gt
        triggerThreshold: 0
        tactics: [InitialAccess]
        relevantTechniques: [T1133]
        query: |
          _Im_NetworkSession(starttime=ago(1h), dstportnumber=3389)
          | where not(ipv4_is_private(SrcIpAddr))
          | project TimeGenerated, SrcIpAddr, DstIpAddr
        entityMappings:
          - entityType: IP
            fieldMappings:
              - identifier: Address
                columnName: SrcIpAddr
        version: 1.0.0
        kind: Scheduled
        """;

    private static TempRepository Repository()
    {
        var repo = new TempRepository();
        repo.Write("data/NetworkSession.jsonl", Sessions);
        repo.Write("data/Watchlist.jsonl", Watchlist);
        repo.Write("analytics-rules/rdp.yaml", Rule);
        return repo;
    }

    [Fact]
    public void Query_runs_a_parser_over_the_schemas_data_file_with_aliases_filled()
    {
        using var repo = Repository();
        var run = repo.Run("query", "_Im_NetworkSession(dstportnumber=3389, eventresult='Failure') | project SrcIpAddr, IpAddr, Src",
            "--data", "data", "--now", "2026-11-20T12:00:00Z", "--format", "csv");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["SrcIpAddr,IpAddr,Src", "198.51.100.7,198.51.100.7,198.51.100.7"],
            run.Out.Trim().Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public void Query_reads_a_watchlist_raw_from_the_Watchlist_rows()
    {
        using var repo = Repository();
        const string query = "let ports = _ASIM_GetWatchlistRaw('RiskyPorts') | project Port = toint(WatchlistItem['Port']);"
            + " _Im_NetworkSession | where DstPortNumber in (ports) | order by SrcIpAddr asc | project SrcIpAddr";
        var run = repo.Run("query", query, "--data", "data", "--now", "2026-11-20T12:00:00Z", "--format", "csv");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["SrcIpAddr", "10.0.0.9", "198.51.100.7"], run.Out.Trim().Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public void Backtest_runs_a_rule_over_a_parser_on_the_data_folder()
    {
        using var repo = Repository();
        var run = repo.Run("backtest", "analytics-rules/rdp.yaml", "--data", "data",
            "--from", "2026-11-20T00:00:00Z", "--to", "2026-11-21T00:00:00Z", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(24, json.RootElement.GetProperty("runs").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("alerts").GetInt32());
    }
}
