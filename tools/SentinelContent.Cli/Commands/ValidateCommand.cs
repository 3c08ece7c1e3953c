using System.CommandLine;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Facade.Diagnostics;
using SentinelContent.Facade.Repository;
using SentinelContent.Facade.Validation;
using SentinelContent.Format.Discovery;
using SentinelContent.Kql.Schema;
using SentinelContent.Reporting;

namespace SentinelContent.Cli.Commands;

/// <summary>`sentinelctl validate`: reads rules and reports every problem Sentinel would refuse or silently misread.</summary>
public static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders to validate. Folders are searched for .yaml files. Default: the repository's analytics-rules/ and playbooks/.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var report = new ReportOptions();
        var allowUntested = AllowUntestedOption();
        var schema = new Option<string[]>("--schema")
        {
            Description = "Table schemas for tables outside the built-in catalog (a workspace CSV export or JSON {\"Table\":{\"Column\":\"type\"}}); repeatable. " +
                "Without it, a query over an unknown table is a warning (SC0308) and its columns are not checked.",
            AllowMultipleArgumentsPerToken = false,
        };
        var functions = new Option<string?>("--functions")
        {
            Description = "Workspace functions the rules call (ASIM parsers, watchlist helpers, a solution's functions) as JSON " +
                "{\"Name\":{\"parameters\":\"(x:string)\",\"body\":\"{ ... }\"}}. Without it, a call to a function that is not built in is a warning (SC0320) " +
                "and its result is not checked; a --schema file written by `schema pull` declares the workspace's functions too.",
        };
        var command = new Command("validate", """
            Validate analytics rules (Sentinel's YAML format) and playbooks before they reach a workspace.

            Checks required fields, types, enums, ISO 8601 durations and Sentinel's ranges, ATT&CK techniques
            and tactics, entity mappings, custom details, alert details override and incident grouping; the
            query's syntax and semantics (tables, columns, functions, types) and that every mapped column is in
            the query's result; and rule test files (X.tests.yaml): times, sample files and sample rows. Every rule
            needs a test expecting alerts and one expecting none (SC0409; --allow-untested relaxes it).
            Playbooks (playbooks/*.yaml): structure, @ expressions, references, runAfter graph, Logic Apps limits,
            inline secrets; automation rules (*.automation.yaml) and playbook tests (*.tests.yaml) are checked too.
            Every finding has a stable code documented in docs/diagnostics.md.

            Examples:
              sentinelctl validate
              sentinelctl validate analytics-rules/identity --format sarif --output validate.sarif
              sentinelctl validate rule.yaml --warnings-as-errors
              sentinelctl validate analytics-rules/new-rule.yaml --allow-untested
              sentinelctl validate --schema workspace-schema.json   (tables and functions from `schema pull`)
            Exit codes: 0 clean, 1 content errors, 2 usage or internal error.
            """);
        command.Arguments.Add(paths);
        command.Options.Add(schema);
        command.Options.Add(functions);
        command.Options.Add(allowUntested);
        report.AddTo(command);
        command.SetAction(parse =>
        {
            var schemaFiles = parse.GetValue(schema) ?? [];
            if (!SchemaFiles.TryLoad(context, schemaFiles, out var schemas)) return ExitCodes.UsageOrInternalError;
            if (!FunctionFiles.TryLoad(context, parse.GetValue(functions), schemaFiles, out var workspaceFunctions)) return ExitCodes.UsageOrInternalError;
            return Run(context, parse.GetValue(paths) ?? [], parse, report,
                new ValidateSettings { Schemas = schemas, Functions = workspaceFunctions, AllowUntested = parse.GetValue(allowUntested) });
        });
        return command;
    }

    /// <summary>--allow-untested, shared by validate and check.</summary>
    internal static Option<bool> AllowUntestedOption() => new("--allow-untested")
    {
        Description = "Do not require each rule to have a test expecting alerts and one expecting none (SC0409); for work in progress.",
    };

    public static int Run(CliContext context, IReadOnlyList<string> paths, ParseResult parse, ReportOptions report, ValidateSettings settings)
    {
        if (!ContentPaths.TryResolve(context, paths, out var files, out var displayPaths)) return ExitCodes.UsageOrInternalError;
        var request = new ValidateRequest(files)
        {
            Schemas = settings.Schemas, Functions = settings.Functions, AllowUntested = settings.AllowUntested, Limits = settings.Limits,
        };
        IReadOnlyList<Diagnostic> findings;
        var command = "validate";
        if (settings.RunTests)
        {
            var check = ContentCheck.Run(request);
            context.Error.WriteLine($"rule tests: {check.RuleTests.Passed} passed, {check.RuleTests.Failed} failed");
            context.Error.WriteLine($"playbook tests: {check.PlaybookTests.Passed} passed, {check.PlaybookTests.Failed} failed");
            findings = check.Diagnostics;
            command = "check";
        }
        else
        {
            findings = ContentValidation.Validate(request);
        }
        var diagnostics = findings.Select(d => TestResults.Displayed(d, context)).ToList();
        return report.Emit(parse, context, new DiagnosticReport(command, diagnostics, displayPaths, DiagnosticCatalog.All));
    }
}

/// <summary>What a validate run does besides validating: the schemas it knows, whether untested rules pass, and whether tests run (check).</summary>
public sealed record ValidateSettings
{
    public SchemaCatalog? Schemas { get; init; }

    /// <summary>Workspace functions the rules may call (--functions, or a schema file from `schema pull`).</summary>
    public IReadOnlyList<Kql.Binding.WorkspaceFunction> Functions { get; init; } = [];

    public bool AllowUntested { get; init; }

    public bool RunTests { get; init; }

    /// <summary>The bounds of each rule test's query runs (check's --max-memory).</summary>
    public Kql.Evaluation.EvaluationLimits? Limits { get; init; }
}

/// <summary>Turns the paths a user named (or the repository default) into content files, reporting paths that do not exist.</summary>
internal static class ContentPaths
{
    public static bool TryResolve(CliContext context, IReadOnlyList<string> paths, out IReadOnlyList<ContentFile> files, out IReadOnlyList<string> displayPaths)
    {
        files = [];
        displayPaths = [];
        var roots = paths.Count > 0 ? paths.Select(context.Resolve).ToList() : DefaultPaths(context);
        if (roots is null) return false;

        var missing = new List<string>();
        files = ContentDiscovery.Discover(roots, missing);
        foreach (var path in missing)
            context.Error.WriteLine($"error: no such file or folder: {context.Display(path)}");
        displayPaths = [.. files.Select(f => context.Display(f.Path))];
        return missing.Count == 0;
    }

    private static List<string>? DefaultPaths(CliContext context)
    {
        var root = RepositoryLayout.FindRoot(context.WorkingDirectory);
        if (root is null)
        {
            context.Error.WriteLine($"error: no {RepositoryLayout.RulesFolder}/ folder here or above {context.WorkingDirectory}; name the files or folders to check.");
            return null;
        }
        return [.. RepositoryLayout.DefaultContentPaths(root)];
    }
}
