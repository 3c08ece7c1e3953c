using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation;
using SentinelContent.Live.Clock;
using SentinelContent.Live.Query;
using SentinelContent.Simulation.Schedule;
using SentinelContent.LogAnalytics.Query;

namespace SentinelContent.Live.Backtest;

/// <summary>Where a backtest's runs query: the workspace (over the query API) or local files (the offline engine).</summary>
public interface IBacktestSource
{
    /// <summary>The rule's query as it would have run at <paramref name="window"/>'s end over that window's data.</summary>
    Task<DataTable> QueryAsync(string query, QueryWindow window, CancellationToken cancellationToken);
}

/// <summary>A run that could not be evaluated: the query failed, or the service gave only part of the result.</summary>
public sealed class BacktestQueryException(QueryWindow window, string message, Exception? inner = null)
    : Exception($"the run at {window.End:yyyy-MM-ddTHH:mm:ssZ} (window {window.Start:yyyy-MM-ddTHH:mm:ssZ} to {window.End:yyyy-MM-ddTHH:mm:ssZ}): {message}", inner)
{
    public QueryWindow Window { get; } = window;
}

/// <summary>
/// Runs against a workspace: the window is the API's timespan (start/end) and the query's clock is pinned
/// to the run time, so ago() means what it meant then. A partial answer fails the run: alerts from a
/// truncated result would be wrong, not approximately right.
/// </summary>
public sealed class WorkspaceBacktestSource(LogsQueryClient client, string workspaceId, TimeSpan? serverTimeout = null) : IBacktestSource
{
    public async Task<DataTable> QueryAsync(string query, QueryWindow window, CancellationToken cancellationToken)
    {
        LogsQueryResult result;
        try
        {
            result = await client.QueryAsync(workspaceId, QueryClock.Pin(query, window.End), QueryTimeRange.Between(window.Start, window.End), serverTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (LogsQueryException e)
        {
            throw new BacktestQueryException(window, e.Message, e);
        }
        if (result.PartialError is { } partial) throw new BacktestQueryException(window, "the workspace returned a partial result: " + partial.Describe());
        try
        {
            return result.Primary.ToDataTable();
        }
        catch (FormatException e)
        {
            throw new BacktestQueryException(window, "the answer could not be read: " + e.Message, e);
        }
    }
}

/// <summary>Runs over local tables (one file per table) with the offline KQL engine, at the run time.</summary>
public sealed class LocalBacktestSource(KqlEngine engine, IReadOnlyDictionary<string, DataTable> tables) : IBacktestSource
{
    public Task<DataTable> QueryAsync(string query, QueryWindow window, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(engine.Run(query, QueryScope.Restrict(tables, window.Start, window.End), window.End, cancellationToken));
        }
        catch (KqlEvaluationException e)
        {
            throw new BacktestQueryException(window, e.Message, e);
        }
    }
}
