using System.CommandLine;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Core.Input;
using SentinelContent.Core.Text;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Desired;

namespace SentinelContent.Cli.Commands;

/// <summary>`sentinelctl export`: writes a workspace's content as this repository's files, to adopt an existing workspace.</summary>
public static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var options = new DeployOptions();
        var kinds = new Option<string[]>("--kind", "-k")
        {
            Description = $"Which content to export: {string.Join(", ", ContentKinds.All.Select(k => k.Noun))} (repeatable). Default: all.",
            AllowMultipleArgumentsPerToken = true,
        };
        var force = new Option<bool>("--force") { Description = "Overwrite exported files that already exist." };
        var command = new Command("export", """
            Read the workspace and write its content as this repository's files (analytics rules to
            analytics-rules/exported/, playbooks and automation rules to playbooks/exported/), so a
            workspace built by hand can be brought under the repository.
            Items whose id the repository already has are skipped. A plan right after an export shows
            no content changes; the first apply records ownership (adopt).

            Examples:
              sentinelctl export --env prod
              sentinelctl export --env prod --kind rule
              sentinelctl export --env prod --kind playbook --kind automation-rule
            Exit codes: 0 exported, 1 content or targets file errors, 2 usage or internal error, 4 Azure could not be read.
            """);
        options.AddTo(command);
        command.Options.Add(kinds);
        command.Options.Add(force);
        command.SetAction(async (parse, token) =>
        {
            var chosen = new List<IContentKind>();
            foreach (var name in parse.GetValue(kinds) ?? [])
            {
                if (ContentKinds.Find(name) is { } kind) chosen.Add(kind);
                else
                {
                    context.Error.WriteLine($"error: unknown kind '{name}'; use one of: {string.Join(", ", ContentKinds.All.Select(k => k.Noun))}.");
                    return ExitCodes.UsageOrInternalError;
                }
            }
            if (chosen.Count == 0) chosen.AddRange(ContentKinds.All);
            // Export reads the repository only to skip what it has: secrets are never needed for that.
            chosen = [.. chosen.Select(k => k is PlaybookKind ? PlaybookKind.NamesOnly : k)];

            using var setup = DeploySetup.Create(context, parse, options, chosen, out var code);
            if (setup is null) return code;
            var desired = setup.LoadDesired(context, parse, options);
            if (desired is null) return ExitCodes.ContentErrors;
            var known = desired.Select(d => (d.Kind.Collection, d.Name.ToLowerInvariant())).ToHashSet();
            var session = setup.Session;
            try
            {
                int written = 0, skipped = 0;
                var taken = new Dictionary<string, UniqueFileNames>(StringComparer.Ordinal);
                foreach (var kind in chosen)
                {
                    var resources = await session.Client.ListAsync(kind.CollectionPath(session.Environment.Scope), token);
                    foreach (var resource in resources.OrderBy(r => r.Name, StringComparer.Ordinal))
                    {
                        if (known.Contains((kind.Collection, resource.Name.ToLowerInvariant())))
                        {
                            skipped++;
                            continue;
                        }
                        var files = kind.Export(resource, session.Environment);
                        // Names come from the workspace, which this repository does not trust: every file must be a safe
                        // name in its folder, inside the repository, and not another file differing only in case.
                        if (files.Select(f => Refusal(session.RepositoryRoot, f, taken, parse.GetValue(force))).FirstOrDefault(r => r is not null) is { } refusal)
                        {
                            context.Error.WriteLine($"skipped {kind.Noun} '{TerminalText.Escape(resource.Name)}': {refusal}");
                            skipped++;
                            continue;
                        }
                        foreach (var file in files)
                        {
                            var path = Path.Combine(session.RepositoryRoot, file.RelativePath);
                            if (File.Exists(path) && !parse.GetValue(force))
                            {
                                context.Error.WriteLine($"skipped {context.Display(path)}: the file exists (use --force to overwrite)");
                                skipped++;
                                continue;
                            }
                            AtomicFile.Write(path, w => w.Write(file.Content));
                            context.Out.WriteLine($"wrote {context.Display(path)}");
                            written++;
                        }
                    }
                }
                context.Out.WriteLine($"export: {written} file(s) written, {skipped} item(s) already in the repository or skipped.");
                return ExitCodes.Success;
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                return DeploySetup.Failed(context, e);
            }
        });
        return command;
    }

    /// <summary>Why <paramref name="file"/> must not be written, or null: the last check before any byte reaches the disk.</summary>
    private static string? Refusal(string root, ExportedFile file, Dictionary<string, UniqueFileNames> taken, bool force)
    {
        var name = Path.GetFileName(file.RelativePath);
        var stem = Path.GetFileNameWithoutExtension(name);
        if (!SafeFileName.IsSafe(stem) || Path.IsPathRooted(file.RelativePath) || file.RelativePath.Split('/', '\\').Any(part => part is "." or ".."))
            return $"its name '{TerminalText.Escape(stem)}' cannot be a file name in this repository (only letters, digits, '-', '_' and '.')";
        var full = Path.Combine(root, file.RelativePath);
        try
        {
            ContainedPath.Within(root, full);
        }
        catch (InputFileException outside)
        {
            return outside.Message;
        }
        var folder = Path.GetDirectoryName(full)!;
        if (!taken.TryGetValue(folder, out var names))
            taken[folder] = names = new UniqueFileNames(Directory.Exists(folder) ? Directory.EnumerateFiles(folder).Select(f => Path.GetFileName(f)!).Where(f => !f.Equals(name, StringComparison.Ordinal)) : []);
        if (!names.TryClaim(name) && !(force && File.Exists(full)))
            return $"'{name}' differs only in case from another exported or existing file";
        return null;
    }
}
