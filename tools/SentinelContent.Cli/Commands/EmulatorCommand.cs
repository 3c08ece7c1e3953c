using System.CommandLine;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Emulator;

namespace SentinelContent.Cli.Commands;

/// <summary>`sentinelctl emulator`: a local Sentinel workspace (ARM endpoints over SQLite) to deploy to without Azure.</summary>
public static class EmulatorCommand
{
    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port") { Description = "Loopback port to listen on (0 picks a free one).", DefaultValueFactory = _ => 5099 };
        var database = new Option<string>("--db") { Description = "SQLite file holding the workspace's state (kept across restarts).", DefaultValueFactory = _ => Path.Combine(".build", "emulator", "workspace.db") };
        var failRate = new Option<double>("--fail-rate") { Description = "Share of requests that fail (0 to 1): 429 with Retry-After, 500, 503 and dropped connections, mixed.", DefaultValueFactory = _ => 0 };
        var latency = new Option<int>("--latency-ms") { Description = "Milliseconds added to every request.", DefaultValueFactory = _ => 0 };
        var retryAfter = new Option<double>("--retry-after") { Description = "Seconds sent in Retry-After with 429 and 503.", DefaultValueFactory = _ => 1 };
        var pageSize = new Option<int>("--page-size") { Description = "Items per page of a list (more behind nextLink).", DefaultValueFactory = _ => 100 };
        var seed = new Option<int?>("--seed") { Description = "Seed for the fault sequence, to repeat a run." };
        var data = new Option<string?>("--data") { Description = "Logs for the query API: a folder with one file per table (AuditLogs.jsonl, SigninLogs.json, MyApp_CL.csv...)." };
        var functions = new Option<string?>("--functions") { Description = "Workspace functions (JSON {\"Name\":{\"parameters\",\"body\"}}), served as saved searches and usable in queries." };
        var maxRows = new Option<int>("--max-rows") { Description = "Rows a query answer holds at most; more gives a partial result (the service's limit is 500,000).", DefaultValueFactory = _ => 500_000 };
        var command = new Command("emulator", $"""
            Run a local Microsoft Sentinel workspace: an HTTP server on loopback implementing the ARM
            endpoints the deployer uses (alert rules, metadata, watchlists, automation rules) with ARM's
            behaviour: api-version required, bearer token required, ETags (412 on mismatch), nextLink
            paging, ARM error bodies. State lives in a SQLite file. Optional fault injection.
            With --data it also serves the Log Analytics query API (POST /v1/workspaces/ID/query) over
            those logs, run by sentinelctl's KQL engine, and the workspace's tables and functions over
            ARM (what `sentinelctl query --env`, `backtest --env` and `schema pull` use).
            It accepts one token, the development token '{EmulatorOptions.DefaultDevToken}', which
            sentinelctl sends automatically to a loopback endpoint. Stop it with Ctrl+C.

            Examples:
              sentinelctl emulator
              sentinelctl emulator --port 5099 --fail-rate 0.2 --latency-ms 50
              sentinelctl emulator --data analytics-rules/entra-id-security-info/samples/week
            """);
        foreach (var option in new Option[] { port, database, failRate, latency, retryAfter, pageSize, seed, data, functions, maxRows }) command.Options.Add(option);
        command.SetAction(async (parse, token) =>
        {
            if (parse.GetValue(port) is < 0 or > 65535)
            {
                context.Error.WriteLine($"error: --port {parse.GetValue(port)} is not a port; use 1 to 65535 (or 0 for a free one).");
                return ExitCodes.UsageOrInternalError;
            }
            var rate = parse.GetValue(failRate);
            if (rate is < 0 or > 1 || parse.GetValue(pageSize) < 1 || parse.GetValue(latency) < 0 || parse.GetValue(retryAfter) < 0 || parse.GetValue(maxRows) < 1)
            {
                context.Error.WriteLine("error: --fail-rate is between 0 and 1; --page-size and --max-rows are at least 1; --latency-ms and --retry-after are not negative.");
                return ExitCodes.UsageOrInternalError;
            }
            var options = new EmulatorOptions
            {
                Port = parse.GetValue(port),
                DatabasePath = context.Resolve(parse.GetValue(database)!),
                PageSize = parse.GetValue(pageSize),
                DataDirectory = parse.GetValue(data) is { } d ? context.Resolve(d) : null,
                FunctionsFile = parse.GetValue(functions) is { } f ? context.Resolve(f) : null,
                MaxResultRows = parse.GetValue(maxRows),
                Faults = new FaultOptions
                {
                    FailureRate = rate,
                    Latency = TimeSpan.FromMilliseconds(parse.GetValue(latency)),
                    RetryAfter = TimeSpan.FromSeconds(parse.GetValue(retryAfter)),
                    Seed = parse.GetValue(seed),
                },
            };
            EmulatorServer server;
            try
            {
                server = await EmulatorServer.StartAsync(options, token);
            }
            catch (InvalidDataException e)
            {
                // Bad log or functions files: their diagnostics (file:line:col) are the message.
                context.Error.WriteLine(e.Message);
                return ExitCodes.ContentErrors;
            }
            catch (IOException e)
            {
                context.Error.WriteLine($"error: cannot listen on 127.0.0.1:{options.Port}: {e.Message}");
                return ExitCodes.UsageOrInternalError;
            }
            await using (server)
            {
                context.Out.WriteLine($"Sentinel workspace emulator listening on {server.BaseAddress} (state: {context.Display(options.DatabasePath)}).");
                context.Out.WriteLine($"Point an environment's endpoint at it: endpoint: {server.BaseAddress.GetLeftPart(UriPartial.Authority)}. Ctrl+C stops it.");
                context.Out.Flush();
                try { await Task.Delay(Timeout.Infinite, token); }
                catch (OperationCanceledException) { }
                context.Out.WriteLine($"stopped; {server.Statistics.Requests} request(s) served, {server.Statistics.Faults} fault(s) injected.");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
