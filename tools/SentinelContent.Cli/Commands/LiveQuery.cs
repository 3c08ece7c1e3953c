using System.CommandLine;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Kql.Data;
using SentinelContent.Live.Query;
using SentinelContent.Reporting.Results;
using SentinelContent.LogAnalytics.Query;

namespace SentinelContent.Cli.Commands;

/// <summary>`sentinelctl query --env NAME`: the query runs in the environment's workspace over the query API.</summary>
internal static class LiveQuery
{
    public sealed record Request(string? Text, string? File, string? Timespan, string? Wait, bool AllowPartial, ResultFormat Format);

    public static int Run(CliContext context, ParseResult parse, DeployOptions connection, Request request)
    {
        QueryTimeRange? range = null;
        if (request.Timespan is { } t)
        {
            if (!QueryTimeRange.TryParse(t, out var parsed))
                return UsageErrors.Report(context, parse,
                    $"--timespan: '{t}' is not an ISO 8601 duration (P1D, PT6H) or interval (start/end)");
            range = parsed;
        }
        TimeSpan? wait = null;
        if (request.Wait is { } w)
        {
            if (!Durations.TryParse(w, out var parsed) || parsed < TimeSpan.FromSeconds(1) || parsed > QueryLimits.MaxServerTimeout)
                return UsageErrors.Report(context, parse, $"--wait: '{w}' is not a duration from 1s to 10m");
            wait = parsed;
        }
        string query;
        if (request.File is { } file)
        {
            var diagnostics = new List<Core.Diagnostics.Diagnostic>();
            var read = Core.Input.SourceFileReader.Read(context.Resolve(file), diagnostics);
            if (read is null)
            {
                foreach (var d in diagnostics) context.Error.WriteLine(d.ToString());
                return ExitCodes.UsageOrInternalError;
            }
            query = read.Content;
        }
        else
        {
            query = request.Text!;
        }

        using var setup = LiveSetup.Create(context, parse, connection, out var exitCode);
        if (setup is null) return exitCode;
        LogsQueryResult result;
        DataTable table;
        try
        {
            var id = setup.Workspace.WorkspaceIdAsync(CancellationToken.None).GetAwaiter().GetResult();
            result = setup.Workspace.Logs.QueryAsync(id, query, range, wait, CancellationToken.None).GetAwaiter().GetResult();
            table = result.Primary.ToDataTable();
        }
        catch (Exception e) when (e is not OutOfMemoryException and not FormatException)
        {
            return LiveSetup.Failed(context, e);
        }
        catch (FormatException e)
        {
            context.Error.WriteLine($"error: the workspace's answer could not be read: {e.Message}");
            return ExitCodes.DeployFailed;
        }

        // Rendered whole before writing, so a failure never leaves half a table.
        var output = new StringWriter();
        ResultWriters.For(request.Format, context.UseColor(parse.GetValue(connection.Color))).Write(table, output);
        context.Out.Write(output.ToString());
        if (result.PartialError is { } partial)
        {
            context.Error.WriteLine($"{(request.AllowPartial ? "warning" : "error")}: partial result ({table.RowCount} row(s) returned): {partial.Describe()}");
            if (!request.AllowPartial) return ExitCodes.ContentErrors;
        }
        return ExitCodes.Success;
    }
}
