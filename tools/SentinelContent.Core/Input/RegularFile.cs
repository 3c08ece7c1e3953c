using Microsoft.Win32.SafeHandles;
using Mono.Unix;
using Mono.Unix.Native;

namespace SentinelContent.Core.Input;

/// <summary>
/// The one way input files are opened: regular files only, with a size limit enforced while reading, so a FIFO
/// cannot hang a run, /dev/zero cannot fill memory and a file that grows after it was measured is still cut off.
/// On Unix the file is opened non-blocking and its type checked on the open descriptor (fstat), so nothing can
/// swap a FIFO in between the check and the read.
/// </summary>
public static class RegularFile
{
    /// <summary>Opens <paramref name="path"/> for reading; the stream throws <see cref="InputFileException"/> past <paramref name="maxBytes"/>.</summary>
    /// <exception cref="InputFileException">The file is missing, not a regular file, or already larger than the limit.</exception>
    public static Stream OpenRead(string path, long maxBytes)
    {
        var stream = OperatingSystem.IsWindows() ? OpenWindows(path) : OpenUnix(path);
        try
        {
            var length = stream.Length;
            if (length > maxBytes) throw TooLarge(length, maxBytes);
            return new BoundedReadStream(stream, maxBytes);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads the whole file (at most <paramref name="maxBytes"/>).</summary>
    /// <exception cref="InputFileException">Missing, not regular, or larger than the limit.</exception>
    public static byte[] ReadAllBytes(string path, long maxBytes)
    {
        using var stream = OpenRead(path, maxBytes);
        var buffer = new MemoryStream(stream.Length is > 0 and var n && n <= maxBytes ? (int)Math.Min(n, int.MaxValue) : 0);
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>The exception for a file over its limit.</summary>
    public static InputFileException TooLarge(long? size, long limit) =>
        new(InputProblem.TooLarge, size is { } s ? $"the file is {s:N0} bytes; the limit for this kind of file is {limit:N0} bytes" : $"the file is larger than the limit for this kind of file, {limit:N0} bytes", size, limit);

    private static FileStream OpenUnix(string path)
    {
        var fd = Syscall.open(path, OpenFlags.O_RDONLY | OpenFlags.O_NONBLOCK | OpenFlags.O_CLOEXEC);
        if (fd < 0)
        {
            var errno = Stdlib.GetLastError();
            throw errno switch
            {
                Errno.ENOENT or Errno.ENOTDIR => new InputFileException(InputProblem.Missing, "no such file"),
                Errno.EACCES or Errno.EPERM => new InputFileException(InputProblem.Unreadable, "permission denied"),
                Errno.ENXIO => new InputFileException(InputProblem.NotRegular, $"{FileKinds.Describe(FileKinds.Of(path))}, not a regular file"),
                _ => new InputFileException(InputProblem.Unreadable, UnixMarshal.GetErrorDescription(errno)),
            };
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            if (Syscall.fstat(fd, out var status) != 0)
                throw new InputFileException(InputProblem.Unreadable, UnixMarshal.GetErrorDescription(Stdlib.GetLastError()));
            var type = status.st_mode & FilePermissions.S_IFMT;
            if (type != FilePermissions.S_IFREG)
            {
                var kind = type switch
                {
                    FilePermissions.S_IFDIR => FileKind.Directory,
                    FilePermissions.S_IFIFO => FileKind.Fifo,
                    FilePermissions.S_IFCHR or FilePermissions.S_IFBLK => FileKind.Device,
                    FilePermissions.S_IFSOCK => FileKind.Socket,
                    _ => FileKind.Other,
                };
                throw new InputFileException(InputProblem.NotRegular, $"{FileKinds.Describe(kind)}, not a regular file");
            }
            return new FileStream(handle, FileAccess.Read, bufferSize: 0);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static FileStream OpenWindows(string path)
    {
        var kind = FileKinds.Of(path);
        if (kind == FileKind.Missing) throw new InputFileException(InputProblem.Missing, "no such file");
        if (kind != FileKind.Regular) throw new InputFileException(InputProblem.NotRegular, $"{FileKinds.Describe(kind)}, not a regular file");
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputFileException(InputProblem.Missing, "no such file");
        }
        catch (UnauthorizedAccessException)
        {
            throw new InputFileException(InputProblem.Unreadable, "permission denied");
        }
    }
}
