namespace SentinelContent.Core.Input;

/// <summary>
/// The one rule for paths that come from content (a test's <c>file:</c>, a playbook test's mock file, a file found
/// in a content folder) or from a workspace (an exported name): the path is resolved, every symbolic link in it
/// followed, and the result must stay under the folder it belongs to (the repository, or the explicit output
/// folder). What is checked is what is opened: callers read <see cref="Resolve"/>'s result, never the original text.
/// </summary>
public static class ContainedPath
{
    /// <summary>Symbolic links followed before giving up (Linux's own limit, ELOOP, is 40).</summary>
    public const int MaxLinks = 40;

    private static StringComparison PathComparison =>
        OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary>
    /// Resolves <paramref name="given"/> (written relative to <paramref name="baseDirectory"/>) and returns the real
    /// path to open, which is under <paramref name="root"/>. <paramref name="what"/> names the folder in messages ("the repository").
    /// </summary>
    /// <exception cref="InputFileException">Empty, absolute, NUL in it, or it leads outside <paramref name="root"/>.</exception>
    public static string Resolve(string root, string baseDirectory, string given, string what = "the repository")
    {
        if (string.IsNullOrWhiteSpace(given)) throw new InputFileException(InputProblem.Outside, "the path is empty");
        if (given.Contains('\0', StringComparison.Ordinal)) throw new InputFileException(InputProblem.Outside, "the path holds a NUL character");
        if (Path.IsPathRooted(given) || given.StartsWith('~'))
            throw new InputFileException(InputProblem.Outside, $"'{Printable(given)}' is an absolute path; write it relative to the file that names it, inside {what}");
        // Not normalised first: "link/.." climbs from where the link leads, as the system would, so RealPath walks it as written.
        return Within(root, Path.Combine(Path.GetFullPath(baseDirectory), given), what, given);
    }

    /// <summary>The real path of <paramref name="path"/> (links followed), which must be under <paramref name="root"/>.</summary>
    /// <exception cref="InputFileException">It leads outside <paramref name="root"/> (or through a loop of links).</exception>
    public static string Within(string root, string path, string what = "the repository", string? shownAs = null)
    {
        var realRoot = RealPath(root);
        var lexical = Path.GetFullPath(path);
        var shown = Printable(shownAs ?? path);
        if (!IsUnder(Path.GetFullPath(root), lexical) && !IsUnder(realRoot, lexical))
            throw new InputFileException(InputProblem.Outside, $"'{shown}' leads outside {what} ({root})");
        var real = RealPath(path);
        if (!IsUnder(realRoot, real))
            throw new InputFileException(InputProblem.Outside, $"'{shown}' is or goes through a symbolic link that leads outside {what} ({root})");
        return real;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or below it (both full paths, compared as text).</summary>
    public static bool IsUnder(string folder, string path)
    {
        var f = Path.TrimEndingDirectorySeparator(folder);
        var p = Path.TrimEndingDirectorySeparator(path);
        if (p.Equals(f, PathComparison)) return true;
        return p.Length > f.Length && p.StartsWith(f, PathComparison) && (p[f.Length] == Path.DirectorySeparatorChar || p[f.Length] == Path.AltDirectorySeparatorChar || f.EndsWith(Path.DirectorySeparatorChar));
    }

    /// <summary>
    /// The path with every symbolic link resolved, component by component (a link in a folder name counts as much as
    /// one in the file name). Components that do not exist are kept as written.
    /// </summary>
    public static string RealPath(string path)
    {
        var pending = new Stack<string>();
        var full = Path.IsPathRooted(path) ? path : Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        PushComponents(full, pending);
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(current)) ?? current;
                continue;
            }
            var next = Path.Combine(current, part);
            string? target = null;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
            if (target is null)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks) throw new InputFileException(InputProblem.Outside, $"more than {MaxLinks} symbolic links in '{Printable(path)}' (a loop?)");
            // A link's target is relative to the link's folder; its own components (.. included) are resolved as the system would.
            var resolved = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
            current = Path.GetPathRoot(resolved) is { Length: > 0 } r && Path.IsPathRooted(resolved) ? r : current;
            PushComponents(resolved, pending);
        }
        return current;
    }

    private static void PushComponents(string path, Stack<string> pending)
    {
        var root = Path.GetPathRoot(path) ?? string.Empty;
        var parts = path[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--) pending.Push(parts[i]);
    }

    /// <summary>A path as shown in a message: control characters escaped, so a hostile name cannot drive the terminal.</summary>
    public static string Printable(string text) => Text.TerminalText.Escape(text);
}
