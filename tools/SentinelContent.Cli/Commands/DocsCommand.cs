using System.CommandLine;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Content.Format;
using SentinelContent.Playbooks.Format;
using SentinelContent.Reporting;
using SentinelContent.Testing.Loading;

namespace SentinelContent.Cli.Commands;

/// <summary>
/// `sentinelctl docs`: regenerates the documents derived from the code (diagnostic codes, editor schemas).
/// With --check it only compares, so CI can fail when someone forgot to regenerate.
/// </summary>
public static class DocsCommand
{
    /// <summary>Each generated document: its path under the repository and how it is produced.</summary>
    public static IReadOnlyList<(string Path, Func<string> Render)> GeneratedDocuments { get; } =
    [
        ("docs/diagnostics.md", () => DiagnosticsDocument.Render(DiagnosticCatalog.All)),
        ("docs/schemas/analytics-rule.schema.json", JsonSchemaWriter.WriteAnalyticsRuleSchema),
        ("docs/schemas/rule-tests.schema.json", () => JsonSchemaWriter.Write(RuleTestFormat.Root, "https://sentinelcontent.dev/schemas/rule-tests.schema.json", "SentinelContent rule tests (X.tests.yaml)", [])),
        (SentinelContent.Deploy.Targets.TargetsSchema.RelativePath, SentinelContent.Deploy.Targets.TargetsSchema.Write),
        ("docs/schemas/playbook.schema.json", PlaybookSchemas.Playbook),
        ("docs/schemas/playbook-tests.schema.json", PlaybookSchemas.PlaybookTests),
        ("docs/schemas/automation-rule.schema.json", PlaybookSchemas.AutomationRule),
    ];

    public static Command Create(CliContext context)
    {
        var check = new Option<bool>("--check") { Description = "Do not write; exit 1 if a generated document is out of date." };
        var command = new Command("docs", """
            Regenerate the documents derived from the code: docs/diagnostics.md (every diagnostic code)
            and docs/schemas/*.schema.json (JSON Schemas for editors).

            Examples:
              sentinelctl docs
              sentinelctl docs --check
            """);
        command.Options.Add(check);
        command.SetAction(parse => Run(context, parse.GetValue(check)));
        return command;
    }

    private static int Run(CliContext context, bool checkOnly)
    {
        var root = RepositoryLayout.FindRoot(context.WorkingDirectory);
        if (root is null)
        {
            context.Error.WriteLine("error: run this inside the content repository (no analytics-rules/ folder found).");
            return ExitCodes.UsageOrInternalError;
        }
        var stale = 0;
        foreach (var (path, render) in GeneratedDocuments)
        {
            var full = Path.Combine(root, path);
            var content = render();
            var current = File.Exists(full) ? File.ReadAllText(full) : null;
            if (current == content) continue;
            if (checkOnly)
            {
                context.Error.WriteLine($"out of date: {path} (run 'sentinelctl docs')");
                stale++;
            }
            else
            {
                AtomicFile.Write(full, w => w.Write(content));
                context.Out.WriteLine($"wrote {path}");
            }
        }
        return stale > 0 ? ExitCodes.ContentErrors : ExitCodes.Success;
    }
}
