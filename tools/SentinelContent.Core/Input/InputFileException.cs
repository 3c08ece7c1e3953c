namespace SentinelContent.Core.Input;

/// <summary>Why an input file was not read.</summary>
public enum InputProblem
{
    Missing,
    /// <summary>A FIFO, device, socket or directory: only regular files are read.</summary>
    NotRegular,
    /// <summary>Larger than the limit for its kind of file (found from its size or while reading it).</summary>
    TooLarge,
    /// <summary>The path, once symbolic links are followed, leaves the folder it must stay in.</summary>
    Outside,
    Unreadable,
}

/// <summary>An input file refused before or while reading it; the message is fit for a diagnostic.</summary>
public sealed class InputFileException(InputProblem problem, string message, long? size = null, long? limit = null) : IOException(message)
{
    public InputProblem Problem { get; } = problem;

    /// <summary>The file's size when known (TooLarge).</summary>
    public long? Size { get; } = size;

    /// <summary>The limit that was exceeded (TooLarge).</summary>
    public long? Limit { get; } = limit;
}
