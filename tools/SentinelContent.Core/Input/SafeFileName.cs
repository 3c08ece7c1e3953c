using System.Security.Cryptography;
using System.Text;

namespace SentinelContent.Core.Input;

/// <summary>
/// The one sanitiser that turns a name from outside (a workspace's display name, resource name or alias; a
/// playbook's name) into a file name: portable on Linux, macOS and Windows, and never a path. Only ASCII letters,
/// digits, '-', '_' and '.' survive (anything else, '/', '\', NUL, control characters and spaces included, becomes
/// '-'); leading and trailing dots and dashes go (no "..", no hidden file, no Windows trailing dot); reserved
/// Windows device names (CON, NUL, COM1...) get a '_'; the result is at most <see cref="MaxLength"/> characters.
/// A name that had to change keeps a short hash of the original, so two different names never meet in one file;
/// names that differ only in case (one file on Windows and macOS) are kept apart by <see cref="UniqueFileNames"/>.
/// </summary>
public static class SafeFileName
{
    /// <summary>Room for an extension under the common 255-byte file name limit, and short enough to read.</summary>
    public const int MaxLength = 100;

    private const int HashLength = 8;

    /// <summary>A resource id (a GUID is 36 characters) is kept whole up to this length, so ids keep file names apart.</summary>
    private const int MaxIdLength = 36;

    private static readonly HashSet<string> ReservedWindowsNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM\u00b9", "COM\u00b2", "COM\u00b3",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT\u00b9", "LPT\u00b2", "LPT\u00b3",
    };

    /// <summary>A file name (without extension) for <paramref name="name"/>: the name itself when it is already safe, else a cleaned form with a hash of the original.</summary>
    public static string From(string? name)
    {
        name ??= string.Empty;
        var cleaned = Clean(name);
        if (cleaned == name && cleaned.Length is > 0 and <= MaxLength) return cleaned;
        var hash = HashOf(name);
        var room = MaxLength - HashLength - 1;
        var stem = cleaned.Length > room ? cleaned[..room].TrimEnd('-', '.') : cleaned;
        return stem.Length == 0 ? "unnamed-" + hash : $"{stem}-{hash}";
    }

    /// <summary>
    /// A readable file name from a display name, kept apart from others by <paramref name="id"/> (a resource name):
    /// the display name's letters and digits (at most 60), then the id; the id alone when the display name has none.
    /// </summary>
    public static string FromDisplayName(string? displayName, string id)
    {
        var readable = Clean(displayName ?? string.Empty, keepDots: false);
        if (readable.Length > 60) readable = readable[..60].TrimEnd('-');
        var idPart = Clean(id, keepDots: false);
        if (readable.Length == 0) return From(id);
        if (idPart.Length == 0 || idPart.Length > MaxIdLength || idPart != id) idPart = HashOf(id);
        return From($"{readable}-{idPart}");
    }

    /// <summary>True when <paramref name="name"/> is a file name <see cref="From"/> keeps unchanged.</summary>
    public static bool IsSafe(string name) => From(name) == name;

    /// <summary>CON, nul.txt, COM1.yaml: names Windows reserves for devices, with or without an extension.</summary>
    public static bool IsReservedWindowsName(string fileName)
    {
        var stem = fileName.Split('.')[0].TrimEnd(' ');
        return ReservedWindowsNames.Contains(stem);
    }

    private static string Clean(string name, bool keepDots = true)
    {
        var text = new StringBuilder(Math.Min(name.Length, 4 * MaxLength));
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-' || (c == '.' && keepDots)) text.Append(c);
            else if (text.Length > 0 && text[^1] != '-') text.Append('-');
            if (text.Length >= 4 * MaxLength) break;
        }
        // No "..", no ".hidden", no trailing dot or dash; runs of dots become one.
        var cleaned = text.ToString();
        while (cleaned.Contains("..", StringComparison.Ordinal)) cleaned = cleaned.Replace("..", ".", StringComparison.Ordinal);
        cleaned = cleaned.Trim('-', '.');
        if (IsReservedWindowsName(cleaned))
        {
            var dot = cleaned.IndexOf('.', StringComparison.Ordinal);
            cleaned = dot < 0 ? cleaned + "_" : cleaned[..dot] + "_" + cleaned[dot..];
        }
        return cleaned;
    }

    internal static string HashOf(string name) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..HashLength];
}

/// <summary>
/// File names handed out in one folder, compared without case (Windows and macOS keep "Rule" and "rule" in one
/// file): a name already taken, by this run or by a file already there, gets the original's hash appended.
/// </summary>
public sealed class UniqueFileNames(IEnumerable<string>? existing = null)
{
    private readonly HashSet<string> _taken = new(existing ?? [], StringComparer.OrdinalIgnoreCase);

    /// <summary>A safe, unused file name (with <paramref name="extension"/>, e.g. ".yaml") for <paramref name="name"/>.</summary>
    public string Allocate(string name, string extension)
    {
        var stem = SafeFileName.From(name);
        var candidate = stem + extension;
        if (!_taken.Add(candidate))
        {
            candidate = $"{stem}-{SafeFileName.HashOf(name + "\0" + _taken.Count)}{extension}";
            _taken.Add(candidate);
        }
        return candidate;
    }

    /// <summary>Claims <paramref name="fileName"/> as it is; false when it (or a name differing only in case) is taken.</summary>
    public bool TryClaim(string fileName) => _taken.Add(fileName);
}
