using System.CommandLine;
using System.Globalization;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Content.Loading;
using SentinelContent.Content.Model;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Data.Loading;
using SentinelContent.Kql.Evaluation;
using SentinelContent.Kql.Schema;
using SentinelContent.Live.Backtest;
using SentinelContent.Live.Schema;
using SentinelContent.Reporting;
using SentinelContent.Reporting.Results;
using SentinelContent.Facade.Diagnostics;

namespace SentinelContent.Cli.Commands;

/// <summary>`sentinelctl backtest RULE`: the rule run on its schedule over past data, with the alerts it would have raised.</summary>
public static class BacktestCommand
{
    public static Command Create(CliContext context)
    {
        var rulePath = new Argument<string>("rule") { Description = "The analytics rule (Sentinel YAML) to backtest." };
        var connection = new DeployOptions();
        var data = new Option<string[]>("--data") { Description = "Without --env: local logs, a folder of one file per table (or data files); repeatable.", AllowMultipleArgumentsPerToken = false };
        var schema = new Option<string[]>("--schema") { Description = "Without --env: table schemas beyond the built-in catalog (a schema pull file, a workspace CSV export or JSON); its functions are used too. Repeatable.", AllowMultipleArgumentsPerToken = false };
        var from = new Option<string>("--from") { Description = "Start of the span, ISO 8601 UTC (2026-11-01T00:00:00Z). The first run is one queryFrequency later.", Required = true };
        var to = new Option<string>("--to") { Description = "End of the span, ISO 8601 UTC: the last run is at or before it.", Required = true };
        var format = new Option<string>("--format", "-f") { Description = "Output: text (readable, default) or json (for pipelines).", DefaultValueFactory = _ => "text" };
        var parallelism = new Option<int>("--parallelism") { Description = "Runs queried at once (default 4; the workspace throttles beyond a few).", DefaultValueFactory = _ => 4 };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("backtest", """
            Run an analytics rule as Sentinel would have over a past span: every queryFrequency a run queries
            queryPeriod of data (its clock pinned to the run time, so ago() means what it meant then), then
            the alert simulation (trigger, event grouping, entities, suppression) decides what it raises.
            Reports alerts per day, the entities most often in alerts, and the noisiest result values.

            With --env NAME the runs query that environment's workspace (sentinel.yaml, as deploy) over the
            Log Analytics query API, each with the run's window as its timespan; a partial answer fails the
            backtest (its alerts would be wrong). Without --env they run on local files (--data) with the
            offline KQL engine: the same command, for samples or exported logs.

            Examples:
              sentinelctl backtest analytics-rules/entra-id-security-info/SecurityInfoDeleted.yaml --env local --from 2026-11-01T00:00:00Z --to 2026-11-08T00:00:00Z
              sentinelctl backtest rule.yaml --data logs/ --from 2026-11-01T00:00:00Z --to 2026-11-02T00:00:00Z --format json
            Exit codes: 0 the backtest ran, 1 the rule or the data has errors or a run's query failed, 2 usage
            error, 4 the workspace could not be reached or refused a query.
            """);
        command.Arguments.Add(rulePath);
        var maxMemory = MaxMemoryOption.Create();
        command.Options.Add(maxMemory);
        foreach (var option in new Option[] { data, schema, from, to, format, parallelism, connection.Environment, connection.Targets, connection.Credential, connection.Endpoint, connection.Verbose, connection.Color })
            command.Options.Add(option);

        command.SetAction(async (parse, token) =>
        {
            if (!TryTime(parse.GetValue(from)!, out var start) || !TryTime(parse.GetValue(to)!, out var end) || end <= start)
                return UsageErrors.Report(context, parse,
                    "--from and --to are ISO 8601 times (2026-11-01T00:00:00Z) with --to after --from");
            if (parse.GetValue(parallelism) is < 1 or > 32) return UsageErrors.Report(context, parse, "--parallelism is from 1 to 32");
            var live = parse.GetValue(connection.Environment) is not null;
            if (live == (parse.GetValue(data) is { Length: > 0 }))
                return UsageErrors.Report(context, parse, "give --env NAME (the workspace) or --data DIR (local logs), not both");
            var color = context.UseColor(parse.GetValue(connection.Color));
            if (!MaxMemoryOption.TryApply(parse.GetValue(maxMemory), EvaluationLimits.Default, out var limits, out var badMemory))
                return UsageErrors.Report(context, parse, badMemory);

            var diagnostics = new List<Diagnostic>();
            var rule = ReadRule(context, parse.GetValue(rulePath)!, diagnostics);
            if (rule is null)
            {
                Report(context, color, diagnostics);
                return diagnostics.Count == 0 ? ExitCodes.UsageOrInternalError : ExitCodes.ContentErrors;
            }
            var runs = Backtester.CountRuns(rule, start, end);
            if (runs > Backtester.MaxRuns)
            {
                return UsageErrors.Report(context, parse,
                    $"the span holds more than {Backtester.MaxRuns} runs of this rule; backtest a shorter span");
            }

            LiveSetup? setup = null;
            try
            {
                IBacktestSource source;
                if (live)
                {
                    setup = LiveSetup.Create(context, parse, connection, out var exitCode);
                    if (setup is null) return exitCode;
                    var id = await setup.Workspace.WorkspaceIdAsync(token);
                    source = new WorkspaceBacktestSource(setup.Workspace.Logs, id);
                }
                else
                {
                    var local = LocalSource(context, parse.GetValue(data)!, parse.GetValue(schema) ?? [], limits, diagnostics);
                    if (local is null)
                    {
                        Report(context, color, diagnostics);
                        return diagnostics.Count == 0 ? ExitCodes.UsageOrInternalError : ExitCodes.ContentErrors;
                    }
                    source = local;
                }

                var progress = new BacktestProgress(context, runs, parse.GetValue(format) == "text");
                var result = await Backtester.RunAsync(rule, start, end, source, parse.GetValue(parallelism), progress, token);
                progress.Finish();
                var output = new StringWriter();
                if (parse.GetValue(format) == "json") BacktestJson.Write(result, output);
                else BacktestText.Write(result, context.Display(rule.Source.Path), color, output);
                context.Out.Write(output.ToString());
                return ExitCodes.Success;
            }
            catch (BacktestQueryException e) when (e.InnerException is Live.Query.LogsQueryException { Status: 0 or 401 or 403 or 429 or >= 500 })
            {
                return LiveSetup.Failed(context, e.InnerException);
            }
            catch (BacktestQueryException e)
            {
                context.Error.WriteLine($"{context.Display(rule.Source.Path)}: error: {e.Message}");
                return ExitCodes.ContentErrors;
            }
            catch (Exception e) when (live && e is not OperationCanceledException and not OutOfMemoryException)
            {
                return LiveSetup.Failed(context, e);
            }
            finally
            {
                setup?.Dispose();
            }
        });
        return command;
    }

    private static AnalyticsRule? ReadRule(CliContext context, string path, List<Diagnostic> diagnostics)
    {
        var full = context.Resolve(path);
        var source = Core.Input.SourceFileReader.Read(full, diagnostics);
        if (source is null) return null;
        var rule = AnalyticsRuleReader.Read(source, diagnostics);
        if (rule is null || diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) return null;
        if (string.IsNullOrWhiteSpace(rule.Query?.Value))
        {
            context.Error.WriteLine($"{context.Display(full)}: error: the rule has no query to backtest");
            return null;
        }
        return rule;
    }

    private static LocalBacktestSource? LocalSource(
        CliContext context, string[] data, string[] schemaFiles, EvaluationLimits limits, List<Diagnostic> diagnostics)
    {
        if (!SchemaFiles.TryLoad(context, schemaFiles, out var loaded)) return null;
        var catalog = BuiltInSchemas.With(loaded);
        var functions = new List<WorkspaceFunction>();
        foreach (var file in schemaFiles)
        {
            try
            {
                functions.AddRange(SchemaFileFunctions.Read(context.Resolve(file)));
            }
            catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidDataException)
            {
                context.Error.WriteLine($"{context.Display(file)}: error: its functions cannot be read: {e.Message}");
                return null;
            }
        }
        var files = SampleDataSet.FindFiles(data.Select(context.Resolve), out var missing);
        if (files is null)
        {
            context.Error.WriteLine($"error: no such file or folder: {context.Display(missing!)}");
            return null;
        }
        var tables = SampleDataSet.Load(files, catalog, diagnostics, new MemoryBudget(limits.MaxMemory));
        return tables is null ? null : new LocalBacktestSource(new KqlEngine(catalog, limits, functions), tables);
    }

    private static void Report(CliContext context, bool color, IReadOnlyList<Diagnostic> diagnostics)
    {
        if (diagnostics.Count == 0) return;
        var shown = diagnostics.Select(d => d with { Location = d.Location with { Path = context.Display(d.Location.Path) } }).ToList();
        new TextReporter(color).Write(new DiagnosticReport("backtest", shown, [.. shown.Select(d => d.Location.Path).Distinct()], DiagnosticCatalog.All), context.Error);
    }

    private static bool TryTime(string text, out DateTime time) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out time);
}
