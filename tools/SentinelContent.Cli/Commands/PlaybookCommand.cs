using System.CommandLine;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Facade.Repository;
using SentinelContent.Format.Discovery;

namespace SentinelContent.Cli.Commands;

/// <summary>`sentinelctl playbook`: build, import and test playbooks written as YAML.</summary>
public static class PlaybookCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("playbook", """
            Playbooks as code: Logic Apps (Consumption) playbooks written as short YAML under playbooks/.

              build    compile playbooks to workflow definitions and ARM templates (and automation rules to ARM)
              import   turn an existing ARM playbook template into playbook YAML
              test     run the offline tests (playbooks/NAME.tests.yaml) in the simulator
            The format is described in docs/playbooks.md.
            """);
        command.Subcommands.Add(PlaybookBuildCommand.Create(context));
        command.Subcommands.Add(PlaybookImportCommand.Create(context));
        command.Subcommands.Add(PlaybookTestCommand.Create(context));
        return command;
    }

    /// <summary>The playbook files under the paths (default: the repository's playbooks/), or null after reporting a usage error.</summary>
    internal static IReadOnlyList<ContentFile>? Discover(CliContext context, IReadOnlyList<string> paths)
    {
        List<string> roots;
        if (paths.Count > 0)
        {
            roots = [.. paths.Select(context.Resolve)];
        }
        else
        {
            var root = RepositoryLayout.FindRoot(context.WorkingDirectory);
            if (root is null)
            {
                context.Error.WriteLine($"error: no {RepositoryLayout.RulesFolder}/ folder here or above {context.WorkingDirectory}; name the playbook files or folders.");
                return null;
            }
            roots = [Path.Combine(root, RepositoryLayout.PlaybooksFolder)];
        }
        var missing = new List<string>();
        var files = ContentDiscovery.Discover(roots, missing);
        foreach (var path in missing) context.Error.WriteLine($"error: no such file or folder: {context.Display(path)}");
        if (missing.Count > 0) return null;
        // A rule (or a file in the wrong place) named directly: say so, rather than "build" it with 0 errors and write nothing.
        var notPlaybooks = files.Where(f => f.Kind is ContentFileKind.AnalyticsRule or ContentFileKind.RuleTests or ContentFileKind.Misplaced
            && File.Exists(f.Path)).ToList();
        foreach (var file in notPlaybooks)
        {
            context.Error.WriteLine(file.Kind == ContentFileKind.Misplaced
                ? $"error: {context.Display(file.Path)}: {ContentDiscovery.Misplaced(file).Message}"
                : $"error: {context.Display(file.Path)} is not a playbook: playbook files live under a folder named "
                    + $"{ContentDiscovery.PlaybooksFolder}/ (elsewhere a YAML file is read by its content, and this one is rule content)");
        }
        if (notPlaybooks.Count > 0) return null;
        return [.. files.Where(f => f.Kind is not (ContentFileKind.AnalyticsRule or ContentFileKind.RuleTests))];
    }
}
