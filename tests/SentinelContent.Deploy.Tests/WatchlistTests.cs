using SentinelContent.Core.Diagnostics;
using SentinelContent.Deploy.Desired;
using SentinelContent.Deploy.Planning;

namespace SentinelContent.Deploy.Tests;

/// <summary>Watchlists from CSV files: deployed, mapped to per-environment aliases, checked with line numbers, exported back.</summary>
public sealed class WatchlistTests
{
    private static void WriteWatchlist(string root, string alias, string csv, string key = "UserPrincipalName")
    {
        Directory.CreateDirectory(Path.Combine(root, "watchlists"));
        File.WriteAllText(Path.Combine(root, "watchlists", alias + ".yaml"), $"displayName: {alias} list\ndescription: Accounts that matter\nitemsSearchKey: {key}\n");
        File.WriteAllText(Path.Combine(root, "watchlists", alias + ".csv"), csv);
    }

    [Fact]
    public async Task A_watchlist_is_deployed_under_the_environments_alias_and_then_unchanged()
    {
        await using var fixture = await DeployFixture.StartAsync();
        WriteWatchlist(fixture.Root, "VipUsers", "UserPrincipalName,Role\r\nalice@contoso.com,CEO\r\n\"bob, jr@contoso.com\",\"CFO \"\"money\"\"\"\r\n");
        fixture.WriteTargets("    watchlistAliases:\n      VipUsers: VipUsersDev");

        var plan = await fixture.PlanAsync();
        var create = Assert.Single(plan.Items);
        Assert.Equal(PlanAction.Create, create.Action);
        Assert.Equal("VipUsersDev", create.Name);
        Assert.Equal("UserPrincipalName,Role\nalice@contoso.com,CEO\n\"bob, jr@contoso.com\",\"CFO \"\"money\"\"\"\n", create.Desired!.Body["properties"]!["rawContent"]!.GetValue<string>());

        Assert.True((await fixture.ApplyAsync()).Succeeded);
        Assert.NotNull(await fixture.Client().GetAsync(DeployFixture.Scope.ResourcePath("watchlists", "VipUsersDev"), TestContext.Current.CancellationToken));
        Assert.False((await fixture.PlanAsync()).HasChanges);

        File.AppendAllText(Path.Combine(fixture.Root, "watchlists", "VipUsers.csv"), "carol@contoso.com,CISO\n");
        var update = Assert.Single((await fixture.PlanAsync()).Items, i => i.IsWrite);
        Assert.Equal("properties.rawContent", Assert.Single(update.Changes).Path);
    }

    [Theory]
    [InlineData("UserPrincipalName,Role\nalice,CEO,extra\n", "VipUsers.csv:2:1: error SC0610")]
    [InlineData("UserPrincipalName,Role\nalice,CEO\nalice,CTO\n", "VipUsers.csv:3:1: error SC0612")]
    [InlineData("Name,Role\nalice,CEO\n", "VipUsers.yaml:3:17: error SC0611")]
    [InlineData("UserPrincipalName,Role\n\"alice,CEO\n", "VipUsers.csv:2:1: error SC0610")]
    public void Bad_watchlists_are_reported_with_file_and_line(string csv, string expected)
    {
        var root = Directory.CreateTempSubdirectory("sc-watchlist-").FullName;
        try
        {
            WriteWatchlist(root, "VipUsers", csv);
            var content = WatchlistKind.Instance.LoadDesired(root, new Targets.TargetEnvironment { Name = "dev", Scope = DeployFixture.Scope });
            Assert.Empty(content.Resources);
            Assert.Contains(content.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.ToString().Contains(expected, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task An_exported_watchlist_plans_as_unchanged()
    {
        await using var fixture = await DeployFixture.StartAsync();
        WriteWatchlist(fixture.Root, "Servers", "Host,Owner\nsrv1,ops\n", key: "Host");
        Assert.True((await fixture.ApplyAsync()).Succeeded);
        Directory.Delete(Path.Combine(fixture.Root, "watchlists"), recursive: true);

        var session = fixture.Session();
        var actual = await fixture.Client().GetAsync(DeployFixture.Scope.ResourcePath("watchlists", "Servers"), TestContext.Current.CancellationToken);
        foreach (var file in WatchlistKind.Instance.Export(actual!, session.Environment))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(fixture.Root, file.RelativePath))!);
            File.WriteAllText(Path.Combine(fixture.Root, file.RelativePath), file.Content);
        }
        Assert.False((await fixture.PlanAsync()).HasChanges);
    }
}
