namespace SentinelContent.Core.Text;

/// <summary>
/// Where something is in a file: a 1-based start and end position. It keeps the file's
/// <see cref="SourceText"/> (when one was read) so reporters can quote the line with a caret.
/// </summary>
public sealed record SourceLocation(string Path, LinePosition Start, LinePosition End)
{
    public SourceLocation(SourceText source, LinePosition start, LinePosition end)
        : this(source.Path, start, end)
    {
        Source = source;
    }

    /// <summary>The file's text, when it was read; null for locations in files that could not be read.</summary>
    public SourceText? Source { get; init; }

    /// <summary>A location naming only a file, for problems with the file as a whole.</summary>
    public static SourceLocation FileOnly(string path) => new(path, new LinePosition(1, 1), new LinePosition(1, 1));

    public override string ToString() => $"{Path}:{Start.Line}:{Start.Column}";
}
