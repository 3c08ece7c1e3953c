using System.CommandLine;
using System.Globalization;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Data.Loading;
using SentinelContent.Kql.Evaluation;
using SentinelContent.Kql.Schema;
using SentinelContent.Reporting;
using SentinelContent.Reporting.Results;
using SentinelContent.Facade.Diagnostics;

namespace SentinelContent.Cli.Commands;

/// <summary>`sentinelctl query`: runs KQL on local sample logs with the evaluator and prints the result.</summary>
public static class QueryCommand
{
    /// <summary>How an inline query is named in diagnostics (a --file query is named by its path).</summary>
    public const string InlineQueryName = "<query>";

    public static Command Create(CliContext context)
    {
        var query = new Argument<string?>("query") { Description = "The KQL query to run (or use --file, or --jsonl).", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<string?>("--file") { Description = "Read the query from this file." };
        var data = new Option<string[]>("--data")
        {
            Description = "Sample logs: a data file (.json array of rows, .jsonl, .csv), named after its table (SigninLogs.jsonl), or a folder of such files. Repeatable. Tables without data are empty.",
            AllowMultipleArgumentsPerToken = false,
        };
        var schema = new Option<string[]>("--schema")
        {
            Description = "Table schemas beyond the built-in catalog (workspace CSV export or JSON {\"Table\":{\"Column\":\"type\"}}); repeatable. A data file of an unknown table takes its schema from its rows.",
            AllowMultipleArgumentsPerToken = false,
        };
        var functions = new Option<string?>("--functions") { Description = "Workspace functions (JSON {\"Name\":{\"parameters\",\"body\"}}) the query may call." };
        var now = new Option<string?>("--now") { Description = "The time now() and ago() see, ISO 8601 (default: the current time). Pin it for repeatable results." };
        var format = new Option<ResultFormat>("--format", "-f") { Description = "Output: table (readable, default), json ({\"columns\",\"rows\"} as the Log Analytics API returns values) or csv (RFC 4180).", DefaultValueFactory = _ => ResultFormat.Table };
        var maxRows = new Option<int?>("--max-rows") { Description = $"The most rows any step of the query may produce (default {EvaluationLimits.Default.MaxRows:N0}); more is an error, not a truncated result." };
        var timeout = new Option<string?>("--timeout") { Description = $"The time one query may run: 30s, 2m, 500ms or hh:mm:ss (default {EvaluationLimits.Default.Timeout.TotalSeconds:0}s)." };
        var explain = new Option<bool>("--explain")
        {
            Description = "Print the query's logical plan instead of running it: scans (with the columns read), filters, projections, "
                + "aggregates, joins, lets and function expansions, each with its output columns and types; --format json for JSON.",
        };
        var stats = new Option<bool>("--stats")
        {
            Description = "Also write to standard error what loading made of --data: rows per table, each column's type, storage "
                + "(dictionary-encoded strings, dynamic values as JSON text) and size in memory, and the load time.",
        };
        var maxMemory = MaxMemoryOption.Create();
        var jsonl = new Option<bool>("--jsonl") { Description = "Read {\"id\",\"query\"} JSON lines on standard input; write one {\"id\",\"columns\",\"rows\",\"error\"} line per query." };
        // --env and the options of the connection are the deployer's (one sentinel.yaml, one way to sign in).
        var connection = new DeployOptions();
        var color = connection.Color;
        var timespan = new Option<string?>("--timespan") { Description = "With --env: the API's time range, an ISO 8601 duration ending now (P1D, PT6H) or an interval (2026-11-01T00:00:00Z/2026-11-02T00:00:00Z), applied on TimeGenerated on top of the query's own filters." };
        var allowPartial = new Option<bool>("--allow-partial") { Description = "With --env: accept a partial result (the service stopped early, for example at its 500,000-row limit) with exit code 0; it is still reported on standard error." };
        var wait = new Option<string?>("--wait") { Description = "With --env: how long the service may run the query (Prefer: wait=N; 30s, 5m; at most 10m, the service's default is 3m)." };

        var command = new Command("query", """
            Run a KQL query on local sample logs, with no workspace: the local evaluator runs it with KQL's
            semantics over the data files given, and prints the result.

            A data folder holds one file per table, named after the table: SigninLogs.jsonl, AuditLogs.json
            (an array of row objects) or IdentityInfo.csv. Rows are typed by the table's schema (built-in, or
            --schema); a table the catalog does not know takes its schema from its rows. Bad KQL is reported
            compiler-style with line, column and a caret; a bad data file by file and line.

            With --env NAME the query runs in that environment's workspace (sentinel.yaml, as deploy) through
            the Log Analytics query API instead: --timespan, --wait and --allow-partial apply; a partial result
            is reported on standard error and exits 1 unless --allow-partial.

            Examples:
              sentinelctl query "SigninLogs | where ResultType != '0' | summarize count() by UserPrincipalName" --data samples/
              sentinelctl query --env local "AuditLogs | summarize count() by OperationName" --timespan P7D
              sentinelctl query --file hunt.kql --data samples/ --now 2026-11-20T12:00:00Z --format json
              sentinelctl query "print x = 1, y = now()" --format csv
              echo '{"id":"1","query":"range x from 1 to 3 step 1"}' | sentinelctl query --jsonl
              sentinelctl query --explain "SigninLogs | where ResultType != '0' | summarize count() by UserPrincipalName"
            Exit codes: 0 the query ran (with --jsonl: every query ran), 1 the query or the data has errors
            (or a limit was exceeded, or --env gave a partial result), 2 usage or internal error, 4 the
            workspace could not be reached or refused the query.
            """);
        command.Arguments.Add(query);
        Option[] options = [file, data, schema, functions, now, format, maxRows, timeout, maxMemory, jsonl, explain, stats, color,
            timespan, allowPartial, wait];
        foreach (var option in options) command.Options.Add(option);
        foreach (var option in new Option[] { connection.Environment, connection.Targets, connection.Credential, connection.Endpoint, connection.Verbose }) command.Options.Add(option);

        command.SetAction(parse =>
        {
            var text = parse.GetValue(query);
            var queryFile = parse.GetValue(file);
            var lines = parse.GetValue(jsonl);
            if (lines ? text is not null || queryFile is not null : (text is null) == (queryFile is null))
                return UsageErrors.Report(context, parse, lines ? "--jsonl reads its queries from standard input; give no query or --file"
                    : "give a query, or --file FILE (not both)");
            var explainOnly = parse.GetValue(explain);
            if (explainOnly && (lines || parse.GetValue(connection.Environment) is not null || parse.GetValue(format) == ResultFormat.Csv))
                return UsageErrors.Report(context, parse, ExplainUsage);
            if (parse.GetValue(connection.Environment) is not null)
            {
                if (lines || parse.GetValue(data) is { Length: > 0 } || parse.GetValue(now) is not null || parse.GetValue(maxRows) is not null
                    || parse.GetValue(timeout) is not null || parse.GetValue(maxMemory) is not null)
                    return UsageErrors.Report(context, parse, "--env runs the query in the workspace; "
                        + "--data, --now, --jsonl, --max-rows, --timeout and --max-memory are for local runs");
                return LiveQuery.Run(context, parse, connection, new LiveQuery.Request(text, queryFile, parse.GetValue(timespan), parse.GetValue(wait), parse.GetValue(allowPartial), parse.GetValue(format)));
            }
            if (parse.GetValue(timespan) is not null || parse.GetValue(wait) is not null || parse.GetValue(allowPartial))
                return UsageErrors.Report(context, parse, "--timespan, --wait and --allow-partial apply to a workspace query (--env NAME)");
            if (!TryLimits(parse.GetValue(maxRows), parse.GetValue(timeout), parse.GetValue(maxMemory), out var limits, out var limitError))
                return UsageErrors.Report(context, parse, limitError);
            if (!TryNow(parse.GetValue(now), out var pinned))
                return UsageErrors.Report(context, parse, $"--now: '{parse.GetValue(now)}' is not an ISO 8601 time such as 2026-11-20T12:00:00Z");

            if (!SchemaFiles.TryLoad(context, parse.GetValue(schema) ?? [], out var loaded)) return ExitCodes.UsageOrInternalError;
            var catalog = BuiltInSchemas.With(loaded);
            if (!TryFunctions(context, parse.GetValue(functions), out var workspaceFunctions)) return ExitCodes.UsageOrInternalError;
            // A schema file from `schema pull` also carries the workspace's functions.
            try
            {
                workspaceFunctions = [.. workspaceFunctions, .. (parse.GetValue(schema) ?? []).SelectMany(f => Live.Schema.SchemaFileFunctions.Read(context.Resolve(f)))];
            }
            catch (Exception ex) when (ex is IOException or System.Text.Json.JsonException or InvalidDataException)
            {
                context.Error.WriteLine($"error: the functions of a --schema file cannot be read: {ex.Message}");
                return ExitCodes.UsageOrInternalError;
            }

            var useColor = context.UseColor(parse.GetValue(color));
            var dataPaths = (parse.GetValue(data) ?? []).Select(context.Resolve).ToList();
            var files = SampleDataSet.FindFiles(dataPaths, out var missing);
            if (files is null) return UsageErrors.Report(context, parse, $"no such file or folder: {context.Display(missing!)}");
            var diagnostics = new List<Diagnostic>();
            var loading = System.Diagnostics.Stopwatch.StartNew();
            var tables = SampleDataSet.Load(files, catalog, diagnostics, new MemoryBudget(limits.MaxMemory));
            loading.Stop();
            var shownFiles = files.Select(context.Display).ToList();
            var report = new QueryReport(context, useColor, shownFiles);
            if (tables is null || diagnostics.Count > 0)
            {
                report.Write(diagnostics);
                if (tables is null) return ExitCodes.ContentErrors;
            }

            var engine = new KqlEngine(catalog, limits, workspaceFunctions);
            if (lines) return QueryJsonLines.Run(context, engine, tables, pinned);

            string source;
            string name;
            if (queryFile is not null)
            {
                var read = Core.Input.SourceFileReader.Read(context.Resolve(queryFile), diagnostics = []);
                if (read is null)
                {
                    report.Write(diagnostics);
                    return ExitCodes.UsageOrInternalError;
                }
                (source, name) = (read.Content, context.Display(read.Path));
            }
            else
            {
                (source, name) = (text!, InlineQueryName);
            }

            shownFiles.Insert(0, name);
            if (explainOnly)
                return Explain(context, engine, tables, new SourceText(name, source), parse.GetValue(format), report);
            DataTable result;
            try
            {
                result = engine.Run(source, tables, pinned);
            }
            catch (KqlEvaluationException e)
            {
                var sourceText = new SourceText(name, source);
                report.Write([.. e.Diagnostics.Select(d => d.In(sourceText))]);
                return ExitCodes.ContentErrors;
            }

            // The whole result is rendered before anything is written, so a failure never leaves half a table.
            var output = new StringWriter();
            ResultWriters.For(parse.GetValue(format), useColor).Write(result, output);
            context.Out.Write(output.ToString());
            if (parse.GetValue(stats))
            {
                foreach (var line in LoadStatistics.Lines(tables, loading.Elapsed)) context.Error.WriteLine(line);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private const string ExplainUsage =
        "--explain prints the plan of one local query, as text or --format json (not with --jsonl, --env or csv)";

    /// <summary>--explain: the logical plan of the query as the engine builds it, or its errors like a run's.</summary>
    private static int Explain(CliContext context, KqlEngine engine, IReadOnlyDictionary<string, DataTable> tables, SourceText source,
        ResultFormat format, QueryReport report)
    {
        try
        {
            var plan = engine.Explain(source.Content, tables);
            context.Out.Write(format == ResultFormat.Json ? plan.ToJson() : plan.ToText());
            return ExitCodes.Success;
        }
        catch (KqlEvaluationException e)
        {
            report.Write([.. e.Diagnostics.Select(d => d.In(source))]);
            return ExitCodes.ContentErrors;
        }
    }

    private static bool TryLimits(int? maxRows, string? timeout, string? maxMemory, out EvaluationLimits limits, out string error)
    {
        if (!MaxMemoryOption.TryApply(maxMemory, EvaluationLimits.Default, out limits, out error)) return false;
        if (maxRows is { } rows)
        {
            if (rows < 1)
            {
                error = "--max-rows must be at least 1";
                return false;
            }
            limits = limits with { MaxRows = rows };
        }
        if (timeout is not null)
        {
            if (!Durations.TryParse(timeout, out var budget) || budget <= TimeSpan.Zero)
            {
                error = $"--timeout: '{timeout}' is not a duration such as 30s, 2m, 500ms or 00:01:00";
                return false;
            }
            limits = limits with { Timeout = budget, RegexTimeout = budget < limits.RegexTimeout ? budget : limits.RegexTimeout };
        }
        return true;
    }

    private static bool TryNow(string? text, out DateTime now)
    {
        if (text is null)
        {
            now = DateTime.UtcNow;
            return true;
        }
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out now);
    }

    private static bool TryFunctions(CliContext context, string? file, out IReadOnlyList<WorkspaceFunction> functions)
    {
        functions = [];
        if (file is null) return true;
        try
        {
            functions = WorkspaceFunctionFile.Load(context.Resolve(file));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException)
        {
            context.Error.WriteLine($"{context.Display(file)}: error: {ex.Message}");
            return false;
        }
    }

    /// <summary>Diagnostics go to standard error in compiler style, with paths as the user named them.</summary>
    private sealed class QueryReport(CliContext context, bool color, IReadOnlyList<string> files)
    {
        public void Write(IReadOnlyList<Diagnostic> diagnostics)
        {
            var shown = diagnostics.Select(d => d with { Location = d.Location with { Path = d.Location.Path.StartsWith('<') ? d.Location.Path : context.Display(d.Location.Path) } }).ToList();
            new TextReporter(color).Write(new DiagnosticReport("query", shown, files, DiagnosticCatalog.All), context.Error);
        }
    }
}
