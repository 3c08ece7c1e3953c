using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Input;

namespace SentinelContent.Core.Tests.Yaml;

public sealed class SourceFileReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sc-input-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (SentinelContent.Core.Text.SourceText? Text, List<Diagnostic> Diagnostics) ReadBytes(byte[] bytes)
    {
        var path = Path.Combine(_dir, "f.yaml");
        File.WriteAllBytes(path, bytes);
        var diagnostics = new List<Diagnostic>();
        return (SourceFileReader.Read(path, diagnostics), diagnostics);
    }

    [Fact]
    public void Utf8_text_is_read_and_a_bom_dropped()
    {
        var (text, diagnostics) = ReadBytes([0xEF, 0xBB, 0xBF, (byte)'a', (byte)':', (byte)' ', 0xC3, 0xA9]);
        Assert.Empty(diagnostics);
        Assert.Equal("a: é", text!.Content);
    }

    [Fact]
    public void A_binary_file_is_refused()
    {
        var (text, diagnostics) = ReadBytes([0x7F, (byte)'E', (byte)'L', (byte)'F', 0, 0, 1]);
        Assert.Null(text);
        var d = Assert.Single(diagnostics);
        Assert.Equal(InputDiagnostics.NotText, d.Descriptor);
        Assert.Contains("NUL byte at offset 4", d.Message);
    }

    [Fact]
    public void Invalid_utf8_is_refused()
    {
        var (text, diagnostics) = ReadBytes([(byte)'a', 0xFF, 0xFE, (byte)'b']);
        Assert.Null(text);
        Assert.Equal(InputDiagnostics.NotText, Assert.Single(diagnostics).Descriptor);
    }

    [Fact]
    public void A_huge_file_is_refused_before_it_is_read()
    {
        var path = Path.Combine(_dir, "huge.yaml");
        using (var stream = File.Create(path)) stream.SetLength(50L * 1024 * 1024);
        var diagnostics = new List<Diagnostic>();
        Assert.Null(SourceFileReader.Read(path, diagnostics));
        var d = Assert.Single(diagnostics);
        Assert.Equal(InputDiagnostics.FileTooLarge, d.Descriptor);
        Assert.Contains("52,428,800", d.Message);
    }

    [Fact]
    public void A_missing_file_is_reported()
    {
        var diagnostics = new List<Diagnostic>();
        Assert.Null(SourceFileReader.Read(Path.Combine(_dir, "nope.yaml"), diagnostics));
        Assert.Equal(InputDiagnostics.FileUnreadable, Assert.Single(diagnostics).Descriptor);
    }
}
