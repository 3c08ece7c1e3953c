using System.Globalization;

namespace SentinelContent.Cli.Infrastructure;

/// <summary>Durations on the command line: 500ms, 30s, 2m, 1h, or a .NET time span (00:01:30).</summary>
public static class Durations
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        text = text.Trim();
        (string Suffix, double Scale)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];
        foreach (var (suffix, scale) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
                && double.IsFinite(amount) && amount * scale < TimeSpan.MaxValue.TotalSeconds)
            {
                value = TimeSpan.FromSeconds(amount * scale);
                return true;
            }
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
    }
}
