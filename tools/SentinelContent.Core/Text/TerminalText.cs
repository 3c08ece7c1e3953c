using System.Globalization;
using System.Text;

namespace SentinelContent.Core.Text;

/// <summary>
/// Text from outside (workspace display names, ARM messages, file names) made safe to print: control characters
/// (ESC and its sequences, OSC 52 clipboard writes, CR that overwrites a line, BEL, backspace), C1 controls,
/// Unicode line and paragraph separators, bidirectional overrides (which reorder what a reader sees) and lone
/// surrogates are written as visible escapes (\x1b, \u202e). Printable text, accents and emoji pass unchanged.
/// </summary>
public static class TerminalText
{
    /// <summary>Every unsafe character escaped, line breaks and tabs included: for one-line output.</summary>
    public static string Escape(string? text) => Escape(text, keepLineBreaks: false);

    /// <summary>As <see cref="Escape(string?)"/> but keeping \n (and tabs) for multi-line values; a CR is still escaped.</summary>
    public static string EscapeKeepingLines(string? text) => Escape(text, keepLineBreaks: true);

    /// <summary>True when <paramref name="text"/> holds nothing <see cref="Escape(string?)"/> would change.</summary>
    public static bool IsSafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (NeedsEscape(text, i, keepLineBreaks: false)) return false;
        }
        return true;
    }

    private static string Escape(string? text, bool keepLineBreaks)
    {
        if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (!NeedsEscape(text, i, keepLineBreaks))
            {
                builder?.Append(text[i]);
                continue;
            }
            builder ??= new StringBuilder(text, 0, i, text.Length + 16);
            var c = text[i];
            if (c < 0x100) builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            else builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
        return builder?.ToString() ?? text;
    }

    private static bool NeedsEscape(string text, int i, bool keepLineBreaks)
    {
        var c = text[i];
        if (c is '\n' or '\t') return !keepLineBreaks;
        if (c < 0x20 || c is >= '\x7f' and <= '\x9f') return true;
        if (c is '\u2028' or '\u2029' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') or '\u200e' or '\u200f' or '\u061c') return true;
        if (char.IsHighSurrogate(c)) return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        if (char.IsLowSurrogate(c)) return i == 0 || !char.IsHighSurrogate(text[i - 1]);
        return false;
    }
}
