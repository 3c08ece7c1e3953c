using System.Text;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;

namespace SentinelContent.Core.Input;

/// <summary>
/// Reads a content file as UTF-8 text, refusing what is too large or not text before anything parses it,
/// so a stray binary or a huge dump becomes one clear diagnostic instead of a hang or a crash.
/// </summary>
public static class SourceFileReader
{
    /// <summary>Content files (rules, tests, playbooks) are small; this bounds what a parser ever sees.</summary>
    public const long DefaultMaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static SourceText? Read(string path, IList<Diagnostic> diagnostics, long maxBytes = DefaultMaxBytes)
    {
        var where = SourceLocation.FileOnly(path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                diagnostics.Add(Diagnostic.Create(InputDiagnostics.FileUnreadable, where, "no such file"));
                return null;
            }
            if (info.Length > maxBytes)
            {
                diagnostics.Add(Diagnostic.Create(InputDiagnostics.FileTooLarge, where, info.Length, maxBytes));
                return null;
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Create(InputDiagnostics.FileUnreadable, where, e.Message));
            return null;
        }
        return Decode(path, bytes, diagnostics);
    }

    /// <summary>Decodes bytes already in memory with the same checks as <see cref="Read"/>.</summary>
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
