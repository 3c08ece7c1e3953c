using SentinelContent.Core.Diagnostics;

namespace SentinelContent.Kql.Data.Loading.Streaming;

/// <summary>
/// A problem found in a row, kept until the chunk's place in its file (and so the row's line) is known. A fatal
/// problem (the row cannot be read at all) ends the file's reading, as it ends the row-by-row reader's.
/// </summary>
internal sealed record LoadProblem(long Line, int Column, DiagnosticDescriptor Descriptor, object?[] Arguments, bool Fatal)
{
    /// <summary>A message made already (a file the input layer refused), used instead of formatting <see cref="Arguments"/>.</summary>
    public string? Message { get; init; }

    public static LoadProblem Fail(long line, int column, DiagnosticDescriptor descriptor, params object?[] arguments) => new(line,
        column, descriptor, arguments, Fatal: true);

    public static LoadProblem Report(long line, DiagnosticDescriptor descriptor, params object?[] arguments) => new(line, 1, descriptor,
        arguments, Fatal: false);
}
