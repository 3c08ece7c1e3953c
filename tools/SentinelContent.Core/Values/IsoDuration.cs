using System.Globalization;

namespace SentinelContent.Core.Values;

/// <summary>
/// ISO 8601 durations as Sentinel writes them (PT5M, PT1H, P1D, P14D, P1DT12H). Years and months are
/// refused: their length depends on the calendar, and no Sentinel setting needs them.
/// </summary>
public static class IsoDuration
{
    public static bool TryParse(string text, out TimeSpan value) => TryParse(text, out value, out _);

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string text, out TimeSpan value, out string error)
    {
        value = TimeSpan.Zero;
        error = string.Empty;
        var s = text.Trim();
        if (s.Length == 0 || (s[0] != 'P' && s[0] != 'p'))
        {
            error = "an ISO 8601 duration starts with 'P' (for example PT5M, PT1H, P1D)";
            return false;
        }

        var inTime = false;
        var sawComponent = false;
        var sawTimeComponent = false;
        var ticks = 0m;
        var i = 1;
        while (i < s.Length)
        {
            if (s[i] is 'T' or 't')
            {
                if (inTime) { error = "'T' appears twice"; return false; }
                inTime = true;
                i++;
                continue;
            }
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.')) i++;
            if (start == i || i >= s.Length)
            {
                error = "each part is a number followed by a unit (W, D, H, M or S)";
                return false;
            }
            if (!decimal.TryParse(s.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                error = $"'{s[start..i]}' is not a number";
                return false;
            }
            var unit = char.ToUpperInvariant(s[i]);
            decimal unitTicks = (unit, inTime) switch
            {
                ('W', false) => TimeSpan.TicksPerDay * 7m,
                ('D', false) => TimeSpan.TicksPerDay,
                ('H', true) => TimeSpan.TicksPerHour,
                ('M', true) => TimeSpan.TicksPerMinute,
                ('S', true) => TimeSpan.TicksPerSecond,
                ('Y', false) or ('M', false) => -1m,
                _ => 0m,
            };
            if (unitTicks < 0)
            {
                error = "years and months have no fixed length; write the duration in days (P30D)";
                return false;
            }
            if (unitTicks == 0)
            {
                error = inTime
                    ? $"'{s[i]}' is not a time unit after 'T' (use H, M or S)"
                    : $"'{s[i]}' is not a date unit (use W or D; hours, minutes and seconds go after 'T', as in PT5M)";
                return false;
            }
            ticks += amount * unitTicks;
            if (ticks > TimeSpan.MaxValue.Ticks) { error = "the duration is too long"; return false; }
            sawComponent = true;
            sawTimeComponent |= inTime;
            i++;
        }
        if (!sawComponent || (inTime && !sawTimeComponent))
        {
            error = "the duration has no parts (write PT5M, PT1H, P1D, ...)";
            return false;
        }
        value = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    /// <summary>Writes a duration the way Sentinel's portal and exports do (P1D, PT5H, PT30M, P1DT2H).</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero) return "PT0S";
        var text = new System.Text.StringBuilder("P");
        if (value.Days > 0) text.Append(value.Days).Append('D');
        if (value.Hours > 0 || value.Minutes > 0 || value.Seconds > 0 || value.Milliseconds > 0)
        {
            text.Append('T');
            if (value.Hours > 0) text.Append(value.Hours).Append('H');
            if (value.Minutes > 0) text.Append(value.Minutes).Append('M');
            if (value.Seconds > 0 || value.Milliseconds > 0)
                text.Append((value.Seconds + value.Milliseconds / 1000m).ToString(CultureInfo.InvariantCulture)).Append('S');
        }
        return text.ToString();
    }

    /// <summary>A human reading of a span for messages: "5 minutes", "14 days", "1 hour 30 minutes".</summary>
    public static string Describe(TimeSpan value)
    {
        var parts = new List<string>();
        void Add(int n, string unit) { if (n > 0) parts.Add(n == 1 ? $"1 {unit}" : $"{n} {unit}s"); }
        Add(value.Days, "day");
        Add(value.Hours, "hour");
        Add(value.Minutes, "minute");
        Add(value.Seconds, "second");
        return parts.Count == 0 ? "0 seconds" : string.Join(' ', parts);
    }
}
