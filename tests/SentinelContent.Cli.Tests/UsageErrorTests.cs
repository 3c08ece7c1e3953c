using SentinelContent.Cli.Infrastructure;
using SentinelContent.TestSupport.Cli;

namespace SentinelContent.Cli.Tests;

/// <summary>A usage error names the help of the command the user ran, not another one's.</summary>
public sealed class UsageErrorTests : IDisposable
{
    private readonly TempRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Backtest_usage_errors_point_to_backtest_help()
    {
        var rule = _repo.Write("analytics-rules/a.yaml", TestRules.Minimal);
        Directory.CreateDirectory(Path.Combine(_repo.Root, "logs"));

        var reversed = _repo.Run("backtest", rule, "--data", "logs", "--from", "2026-11-02T00:00:00Z", "--to", "2026-11-01T00:00:00Z");
        var neither = _repo.Run("backtest", rule, "--from", "2026-11-01T00:00:00Z", "--to", "2026-11-02T00:00:00Z");

        foreach (var run in new[] { reversed, neither })
        {
            Assert.Equal(ExitCodes.UsageOrInternalError, run.ExitCode);
            Assert.Contains("Run 'sentinelctl backtest --help' for usage.", run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("query --help", run.Error, StringComparison.Ordinal);
        }
        Assert.Contains("error: --from and --to are ISO 8601 times", reversed.Error, StringComparison.Ordinal);
        Assert.Contains("error: give --env NAME (the workspace) or --data DIR (local logs), not both", neither.Error,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Query_usage_errors_point_to_query_help()
    {
        var run = _repo.Run("query", "print 1", "--now", "yesterday");

        Assert.Equal(ExitCodes.UsageOrInternalError, run.ExitCode);
        Assert.Contains("error: --now: 'yesterday' is not an ISO 8601 time", run.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'sentinelctl query --help' for usage.", run.Error, StringComparison.Ordinal);
    }
}
