using System.CommandLine;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Content.Loading;
using SentinelContent.Content.Validation;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Reporting;

namespace SentinelContent.Cli.Commands;

/// <summary>`sentinelctl validate`: reads rules and reports every problem Sentinel would refuse or silently misread.</summary>
public static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders to validate. Folders are searched for .yaml files. Default: the repository's analytics-rules/.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var report = new ReportOptions();
        var schema = new Option<string[]>("--schema")
        {
            Description = "Table schemas for tables outside the built-in catalog (a workspace CSV export or JSON {\"Table\":{\"Column\":\"type\"}}); repeatable. " +
                "Without it, a query over an unknown table is a warning (SC0308) and its columns are not checked.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("validate", """
            Validate analytics rules (Sentinel's YAML format) before they reach a workspace.

            Checks required fields, types, enums, ISO 8601 durations and Sentinel's ranges, ATT&CK techniques
            and tactics, entity mappings, custom details, alert details override and incident grouping; the
            query's syntax and semantics (tables, columns, functions, types) and that every mapped column is in
            the query's result.
            Every finding has a stable code documented in docs/diagnostics.md.

            Examples:
              sentinelctl validate
              sentinelctl validate analytics-rules/identity --format sarif --output validate.sarif
              sentinelctl validate rule.yaml --warnings-as-errors
            Exit codes: 0 clean, 1 content errors, 2 usage or internal error.
            """);
        command.Arguments.Add(paths);
        command.Options.Add(schema);
        report.AddTo(command);
        command.SetAction(parse =>
        {
            if (!SchemaFiles.TryLoad(context, parse.GetValue(schema) ?? [], out var schemas)) return ExitCodes.UsageOrInternalError;
            return Run(context, parse.GetValue(paths) ?? [], parse, report, schemas);
        });
        return command;
    }

    public static int Run(CliContext context, IReadOnlyList<string> paths, ParseResult parse, ReportOptions report, SentinelContent.Kql.Schema.SchemaCatalog? schemas = null)
    {
        if (!ContentPaths.TryResolve(context, paths, out var files, out var displayPaths)) return ExitCodes.UsageOrInternalError;
        var validator = schemas is null ? new ContentValidator() : new ContentValidator(ContentValidator.RuleValidatorsFor(schemas), ContentValidator.DefaultSetValidators);
        var result = validator.Validate(files);
        var diagnostics = result.Diagnostics.Select(d => d with { Location = d.Location with { Path = context.Display(d.Location.Path) } }).ToList();
        var descriptors = DiagnosticCatalog.All;
        return report.Emit(parse, context, new DiagnosticReport("validate", diagnostics, displayPaths, descriptors));
    }
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
