using System.CommandLine;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Content.Format;
using SentinelContent.Format;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Docs;
using SentinelContent.Playbooks.Format;
using SentinelContent.Reporting;
using SentinelContent.RuleTests.Loading;
using SentinelContent.Facade.Diagnostics;
using SentinelContent.Facade.Repository;

namespace SentinelContent.Cli.Commands;

/// <summary>
/// `sentinelctl docs`: regenerates the documents derived from the code (diagnostic codes, editor schemas) and
/// from the content (docs/content/: a page per analytics rule, an index, an ATT&amp;CK Navigator layer).
/// With --check it only compares, so CI can fail when someone forgot to regenerate.
/// </summary>
public static class DocsCommand
{
    /// <summary>Each generated document: its path under the repository and how it is produced.</summary>
    public static IReadOnlyList<(string Path, Func<string> Render)> GeneratedDocuments { get; } =
    [
        ("docs/diagnostics.md", () => DiagnosticsDocument.Render(DiagnosticCatalog.All)),
        ("docs/schemas/analytics-rule.schema.json", AnalyticsRuleSchema.Write),
        ("docs/schemas/rule-tests.schema.json", () => JsonSchemaWriter.Write(RuleTestFormat.Root, "https://sentinelcontent.dev/schemas/rule-tests.schema.json", "SentinelContent rule tests (X.tests.yaml)")),
        (SentinelContent.Deploy.Targets.TargetsSchema.RelativePath, SentinelContent.Deploy.Targets.TargetsSchema.Write),
        ("docs/schemas/playbook.schema.json", PlaybookSchemas.Playbook),
        ("docs/schemas/playbook-tests.schema.json", PlaybookSchemas.PlaybookTests),
        ("docs/schemas/automation-rule.schema.json", PlaybookSchemas.AutomationRule),
    ];

    /// <summary>
    /// Every generated document of a repository, code-derived and content-derived, with the diagnostics met
    /// reading the content, and the files under docs/content/ that nothing generates any more.
    /// </summary>
    public static (IReadOnlyList<GeneratedFile> Files, IReadOnlyList<string> Orphans, IReadOnlyList<Diagnostic> Diagnostics) AllDocuments(string root)
    {
        var diagnostics = new List<Diagnostic>();
        var content = ContentDocsGenerator.Generate(root, diagnostics);
        var files = GeneratedDocuments.Select(d => new GeneratedFile(d.Path, d.Render())).Concat(content).ToList();
        return (files, ContentDocsGenerator.Orphans(root, content), diagnostics);
    }

    public static Command Create(CliContext context)
    {
        var check = new Option<bool>("--check") { Description = "Do not write; exit 1 if a generated document is out of date." };
        var command = new Command("docs", """
            Regenerate the documents derived from the code and the content: docs/diagnostics.md (every
            diagnostic code), docs/schemas/*.schema.json (JSON Schemas for editors), and docs/content/
            (one page per analytics rule, an index README.md, and attack-navigator-layer.json, the
            repository's ATT&CK coverage as a Navigator layer). Pages of removed rules are deleted.

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
        var (files, orphans, diagnostics) = AllDocuments(root);
        foreach (var diagnostic in diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
            context.Error.WriteLine(diagnostic with { Location = diagnostic.Location with { Path = context.Display(diagnostic.Location.Path) } });
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            context.Error.WriteLine("docs: the content has errors (run 'sentinelctl validate'); nothing was written.");
            return ExitCodes.ContentErrors;
        }
        var stale = 0;
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(root, path);
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
        foreach (var orphan in orphans)
        {
            if (checkOnly)
            {
                context.Error.WriteLine($"out of date: {orphan} is generated by nothing any more (run 'sentinelctl docs')");
                stale++;
            }
            else
            {
                File.Delete(Path.Combine(root, orphan));
                context.Out.WriteLine($"deleted {orphan}");
            }
        }
        return stale > 0 ? ExitCodes.ContentErrors : ExitCodes.Success;
    }
}
