using System.Text;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;

namespace SentinelContent.Core.Input;

/// <summary>
/// Reads a content file as UTF-8 text, refusing what is too large, not a regular file or not text before anything
/// parses it, so a stray binary, a huge dump, a FIFO or /dev/zero becomes one clear diagnostic instead of a hang or a
/// crash. The size limit holds while reading (<see cref="RegularFile"/>).
/// </summary>
public static class SourceFileReader
{
    /// <summary>Content files (rules, tests, playbooks) are small; this bounds what a parser ever sees.</summary>
    public const long DefaultMaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a file the user named (a --file, a --schema): regular files only, within the size limit; links are followed.</summary>
    public static SourceText? Read(string path, IList<Diagnostic> diagnostics, long maxBytes = DefaultMaxBytes) =>
        Read(path, diagnostics, maxBytes, within: null);

    /// <summary>
    /// Reads a content file (a rule, a test file, a playbook, a watchlist, a sample a test names): as <see cref="Read(string, IList{Diagnostic}, long)"/>,
    /// and its real path must stay inside its repository (<see cref="RepositoryRoot"/>), so a link in a pull request cannot make CI read /etc/passwd.
    /// </summary>
    public static SourceText? ReadContent(string path, IList<Diagnostic> diagnostics, long maxBytes = DefaultMaxBytes) =>
        Read(path, diagnostics, maxBytes, within: RepositoryRoot.Of(path));

    /// <summary>Reads <paramref name="path"/>; with <paramref name="within"/>, its real path must stay under that folder.</summary>
    public static SourceText? Read(string path, IList<Diagnostic> diagnostics, long maxBytes, string? within)
    {
        var where = SourceLocation.FileOnly(path);
        byte[] bytes;
        try
        {
            var open = within is null ? path : ContainedPath.Within(within, path);
            bytes = RegularFile.ReadAllBytes(open, maxBytes);
        }
        catch (InputFileException refused)
        {
            diagnostics.Add(InputDiagnostics.For(refused, where));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Create(InputDiagnostics.FileUnreadable, where, e.Message));
            return null;
        }
        return Decode(path, bytes, diagnostics);
    }

    /// <summary>Decodes bytes already in memory with the same checks as <see cref="Read(string, IList{Diagnostic}, long)"/>.</summary>
    public static SourceText? Decode(string path, ReadOnlySpan<byte> bytes, IList<Diagnostic> diagnostics)
    {
        var where = SourceLocation.FileOnly(path);
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            diagnostics.Add(Diagnostic.Create(InputDiagnostics.NotText, where, $"a NUL byte at offset {nul}"));
            return null;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        try
        {
            return new SourceText(path, StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException e)
        {
            diagnostics.Add(Diagnostic.Create(InputDiagnostics.NotText, where, $"invalid UTF-8 at offset {e.Index}"));
            return null;
        }
    }
}
