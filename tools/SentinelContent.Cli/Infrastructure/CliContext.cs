namespace SentinelContent.Cli.Infrastructure;

/// <summary>
/// The world a command runs in: its output streams, the working directory and whether the output is a
/// terminal. Tests pass their own, so every command is testable in-process without touching the console.
/// </summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, string WorkingDirectory, bool OutputIsTerminal)
{
    public static CliContext FromConsole() => new(Console.Out, Console.Error, Directory.GetCurrentDirectory(), !Console.IsOutputRedirected) { Input = Console.In };

    /// <summary>Standard input, for commands that read queries or data from a pipe.</summary>
    public TextReader Input { get; init; } = TextReader.Null;

    /// <summary>Colour follows --color; with auto, only on a terminal and never when NO_COLOR is set (no-color.org).</summary>
    public bool UseColor(ColorMode mode) => mode switch
    {
        ColorMode.Always => true,
        ColorMode.Never => false,
        _ => OutputIsTerminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
    };

    /// <summary>A path as the user should see it: relative to the working directory when inside it.</summary>
    public string Display(string path)
    {
        var full = Path.GetFullPath(path, WorkingDirectory);
        var relative = Path.GetRelativePath(WorkingDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }

    public string Resolve(string path) => Path.GetFullPath(path, WorkingDirectory);
}

public enum ColorMode
{
    Auto,
    Always,
    Never,
}
