using System.Diagnostics;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Input;

namespace SentinelContent.Core.Tests.Input;

/// <summary>Only regular files are read, within their size limit while reading (issue 24, D3).</summary>
public sealed class RegularFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sc-regular-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_fifo_is_refused_at_once_instead_of_hanging()
    {
        if (OperatingSystem.IsWindows()) return; // no FIFOs in the Windows file system
        var fifo = Path.Combine(_dir, "SigninLogs.jsonl");
        Assert.Equal(0, Mono.Unix.Native.Syscall.mkfifo(fifo, Mono.Unix.Native.FilePermissions.DEFFILEMODE));
        var watch = Stopwatch.StartNew();
        var diagnostics = new List<Diagnostic>();
        Assert.Null(SourceFileReader.Read(fifo, diagnostics));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        var d = Assert.Single(diagnostics);
        Assert.Equal(InputDiagnostics.NotRegularFile, d.Descriptor);
        Assert.Contains("named pipe (FIFO)", d.Message, StringComparison.Ordinal);
        Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo));
    }

    [Fact]
    public void Dev_zero_is_refused_instead_of_filling_memory()
    {
        if (!File.Exists("/dev/zero")) return;
        var diagnostics = new List<Diagnostic>();
        Assert.Null(SourceFileReader.Read("/dev/zero", diagnostics, maxBytes: 256L * 1024 * 1024));
        var d = Assert.Single(diagnostics);
        Assert.Equal(InputDiagnostics.NotRegularFile, d.Descriptor);
        Assert.Contains("a device", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_is_refused()
    {
        var diagnostics = new List<Diagnostic>();
        Assert.Null(SourceFileReader.Read(_dir, diagnostics));
        Assert.Equal(InputDiagnostics.NotRegularFile, Assert.Single(diagnostics).Descriptor);
    }

    [Fact]
    public void The_limit_holds_while_reading_not_only_from_the_length_at_open()
    {
        var path = Path.Combine(_dir, "growing.json");
        File.WriteAllBytes(path, new byte[100]);
        using var stream = RegularFile.OpenRead(path, maxBytes: 150);
        // The file grows after it was measured: the reader still stops at the limit.
        using (var writer = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) writer.Write(new byte[100]);
        var buffer = new byte[64];
        var refused = Assert.Throws<InputFileException>(() => { while (stream.Read(buffer) > 0) { } });
        Assert.Equal(InputProblem.TooLarge, refused.Problem);
    }

    [Fact]
    public void A_file_of_exactly_the_limit_reads_whole()
    {
        var path = Path.Combine(_dir, "exact.txt");
        File.WriteAllBytes(path, new byte[1000]);
        Assert.Equal(1000, RegularFile.ReadAllBytes(path, 1000).Length);
        Assert.Equal(InputProblem.TooLarge, Assert.Throws<InputFileException>(() => RegularFile.ReadAllBytes(path, 999)).Problem);
    }

    [Fact]
    public void A_link_to_a_regular_file_is_read_when_the_user_names_it()
    {
        var target = Path.Combine(_dir, "target.yaml");
        File.WriteAllText(target, "a: 1");
        var link = Path.Combine(_dir, "link.yaml");
        File.CreateSymbolicLink(link, target);
        var diagnostics = new List<Diagnostic>();
        Assert.Equal("a: 1", SourceFileReader.Read(link, diagnostics)!.Content);
        Assert.Equal(FileKind.Regular, FileKinds.Of(link));
        Assert.Equal(FileKind.SymbolicLink, FileKinds.Of(link, followLinks: false));
    }
}
