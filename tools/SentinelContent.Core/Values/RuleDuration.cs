using System.Globalization;

namespace SentinelContent.Core.Values;

/// <summary>
/// A duration as an analytics rule may write it: ISO 8601 (PT1H, P14D), as ARM and exports do, or the short form of
/// the public Azure-Sentinel repository (5m, 1h, 14d).
/// </summary>
/// <remarks>
/// The short form is exactly what Azure-Sentinel's own tooling accepts on both ends, so a rule that passes its CI
/// and packages also passes here: its detection schema validation
/// (.script/tests/detectionTemplateSchemaValidation/Models/ScheduledTemplateTimeSpanConverter.cs) reads a whole number
/// followed by a lower-case m, h or d, and its ARM converter
/// (Tools/Create-Azure-Sentinel-Solution/common/commonFunctions.ps1, checkISO8601Format) upper-cases the text and
/// prefixes P (days) or PT (hours, minutes). Other forms one of them takes are refused because the other breaks on
/// them: .NET TimeSpan text (00:05:00, which the validation test parses) becomes "PT00:05:00" in the converter, and
/// upper-case units (1H), which the converter copes with, fail the validation test.
/// </remarks>
public static class RuleDuration
{
    /// <summary>Parses either form; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string text, out TimeSpan value, out string error)
    {
        var s = text.Trim();
        if (TryParseShort(s, out value, out error)) return true;
        if (error.Length > 0) return false; // looked like the short form but was not a valid one
        if (IsoDuration.TryParse(s, out value, out var isoError)) return true;
        error = $"{isoError}; or write Azure-Sentinel's short form: a whole number and m, h or d (5m, 1h, 14d)";
        return false;
    }

    public static bool TryParse(string text, out TimeSpan value) => TryParse(text, out value, out _);

    /// <summary>
    /// The ISO 8601 text ARM stores for a duration written in either form (1h → PT1H, 24h → P1D); null when it does not parse.
    /// </summary>
    public static string? ToIso(string text) => TryParse(text, out var value) ? IsoDuration.Format(value) : null;

    /// <summary>
    /// The short form a user of Azure-Sentinel writes (P1D → 1d, PT90M → 90m), in the largest unit that divides the
    /// duration; null when no unit does (seconds), where only ISO 8601 can say it.
    /// </summary>
    public static string? ToShort(TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value.Ticks % TimeSpan.TicksPerMinute != 0) return null;
        if (value.Ticks % TimeSpan.TicksPerDay == 0) return Invariant(value.Ticks / TimeSpan.TicksPerDay) + "d";
        if (value.Ticks % TimeSpan.TicksPerHour == 0) return Invariant(value.Ticks / TimeSpan.TicksPerHour) + "h";
        return Invariant(value.Ticks / TimeSpan.TicksPerMinute) + "m";
    }

    private static bool TryParseShort(string s, out TimeSpan value, out string error)
    {
        value = TimeSpan.Zero;
        error = string.Empty;
        if (s.Length < 2 || !char.IsAsciiDigit(s[0])) return false;
        var digits = s.AsSpan(0, s.Length - 1);
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        var unit = s[^1];
        if (unit is 'M' or 'H' or 'D')
        {
            error = $"the unit of the short form is lower case ({digits}{char.ToLowerInvariant(unit)}); " +
                $"Azure-Sentinel's validation refuses '{unit}'";
            return false;
        }
        if (unit is not ('m' or 'h' or 'd'))
        {
            error = $"'{unit}' is not a unit of the short form; use m (minutes), h (hours) or d (days), or ISO 8601 (PT30S)";
            return false;
        }
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > TimeSpan.MaxValue.Days)
        {
            error = "the duration is too long";
            return false;
        }
        value = unit switch
        {
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        };
        return true;
    }

    private static string Invariant(long n) => n.ToString(CultureInfo.InvariantCulture);
}
