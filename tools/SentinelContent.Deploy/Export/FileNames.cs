using System.Text;

namespace SentinelContent.Deploy.Export;

/// <summary>File names for exported content: readable, portable, and unique through the resource name.</summary>
public static class FileNames
{
    public static string Slug(string? displayName, string resourceName)
    {
        var text = new StringBuilder();
        foreach (var c in displayName ?? string.Empty)
        {
            if (char.IsAsciiLetterOrDigit(c)) text.Append(c);
            else if (text.Length > 0 && text[^1] != '-') text.Append('-');
            if (text.Length >= 60) break;
        }
        var slug = text.ToString().Trim('-');
        var suffix = resourceName.Length > 8 ? resourceName[..8] : resourceName;
        return slug.Length == 0 ? resourceName : $"{slug}-{suffix}";
    }
}
