using Mono.Unix;

namespace SentinelContent.Core.Input;

/// <summary>What a path names, as stat(2) sees it. Only <see cref="Regular"/> files are ever read as content or data.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    /// <summary>A named pipe: opening it for reading blocks until a writer comes, so it is never opened.</summary>
    Fifo,
    /// <summary>A character or block device (/dev/zero, /dev/tty, a disk): endless, interactive or huge.</summary>
    Device,
    Socket,
    Other,
}

/// <summary>
/// Tells regular files from directories, links, FIFOs, devices and sockets. The BCL reports a FIFO or /dev/zero
/// as an ordinary file of length 0 (FileInfo.Attributes is Normal), so on Unix this asks stat(2) through
/// Mono.Unix; on Windows, where the file system has no FIFOs, the attributes and the reserved device names
/// (CON, NUL, COM1...) are enough.
/// </summary>
public static class FileKinds
{
    /// <summary>The kind of <paramref name="path"/>; a symbolic link is followed unless <paramref name="followLinks"/> is false.</summary>
    public static FileKind Of(string path, bool followLinks = true)
    {
        if (OperatingSystem.IsWindows()) return OfWindows(path, followLinks);
        try
        {
            UnixFileSystemInfo info = followLinks ? new UnixFileInfo(path) : UnixFileSystemInfo.GetFileSystemEntry(path);
            if (!info.Exists) return FileKind.Missing;
            return info.FileType switch
            {
                FileTypes.RegularFile => FileKind.Regular,
                FileTypes.Directory => FileKind.Directory,
                FileTypes.SymbolicLink => FileKind.SymbolicLink,
                FileTypes.Fifo => FileKind.Fifo,
                FileTypes.CharacterDevice or FileTypes.BlockDevice => FileKind.Device,
                FileTypes.Socket => FileKind.Socket,
                _ => FileKind.Other,
            };
        }
        catch (Exception e) when (e is UnixIOException or IOException or ArgumentException or InvalidOperationException)
        {
            // A dangling link (followed), a too-long path, a component that is not a directory: nothing readable there.
            return FileKind.Missing;
        }
    }

    private static FileKind OfWindows(string path, bool followLinks)
    {
        if (SafeFileName.IsReservedWindowsName(Path.GetFileName(path)) || path.StartsWith(@"\\.\", StringComparison.Ordinal) || path.StartsWith(@"\\?\", StringComparison.Ordinal))
            return FileKind.Device;
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!info.Exists) return FileKind.Missing;
        if (info.LinkTarget is not null)
        {
            if (!followLinks) return FileKind.SymbolicLink;
            return info.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true } target ? OfWindows(target.FullName, followLinks) : FileKind.Missing;
        }
        if (info.Attributes.HasFlag(FileAttributes.Device)) return FileKind.Device;
        return info.Attributes.HasFlag(FileAttributes.Directory) ? FileKind.Directory : FileKind.Regular;
    }

    /// <summary>How a kind is named in messages ("a named pipe (FIFO)").</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "no such file",
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a directory",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.Device => "a device",
        FileKind.Socket => "a socket",
        _ => "not a regular file",
    };
}
