using System.Globalization;
using System.Text.RegularExpressions;
using SentinelContent.Kql.Data;

namespace SentinelContent.Kql.Evaluation.Values;

/// <summary>
/// The text forms datetime() literals and todatetime() accept (the datetime data type page, "Supported formats"):
/// ISO 8601 with or without zero padding (datetime(1970-5-12)), RFC 822 (Sat, 8 Nov 14 15:05:02 GMT), RFC 850
/// (Saturday, 08-Nov-14 15:05:02 GMT) and the sortable forms. Without a zone the value is UTC.
/// </summary>
internal static partial class DateTimeParsing
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static bool TryParse(string text, out DateTime value)
    {
        if (ValueConversion.TryDateTimeText(text, out value)) return true;
        var trimmed = text.Trim();
        var iso = Iso().Match(trimmed);
        if (iso.Success)
            return TryBuild(Number(iso, "y"), Number(iso, "mo"), Number(iso, "d"), iso, out value);
        var rfc = Rfc().Match(trimmed);
        if (rfc.Success)
        {
            var month = Array.IndexOf(Months, rfc.Groups["mon"].Value.ToLowerInvariant()[..3]) + 1;
            var year = Number(rfc, "y");
            // Two-digit years (RFC 822's %r) fall in 1950..2049.
            if (rfc.Groups["y"].Value.Length == 2) year += year < 50 ? 2000 : 1900;
            return month > 0 && TryBuild(year, month, Number(rfc, "d"), rfc, out value);
        }

        return false;
    }

    private static int Number(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    private static bool TryBuild(int year, int month, int day, Match match, out DateTime value)
    {
        value = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        var (hour, minute, second) = (Number(match, "h"), Number(match, "mi"), Number(match, "s"));
        if (hour > 23 || minute > 59 || second > 59) return false;
        var fraction = match.Groups["f"].Success ? match.Groups["f"].Value.PadRight(7, '0') : "0";
        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(long.Parse(fraction, CultureInfo.InvariantCulture));
        if (match.Groups["z"].Success && Offset(match.Groups["z"].Value) is { } offset) value -= offset;
        return value.Kind == DateTimeKind.Utc;
    }

    /// <summary>A zone suffix: Z, GMT, UTC (no offset) or ±hh[:]mm.</summary>
    private static TimeSpan? Offset(string zone)
    {
        if (zone.Length < 5 || zone[0] is not ('+' or '-')) return TimeSpan.Zero;
        var digits = zone[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        var span = new TimeSpan(int.Parse(digits[..2], CultureInfo.InvariantCulture), int.Parse(digits[2..4], CultureInfo.InvariantCulture), 0);
        return zone[0] == '-' ? -span : span;
    }

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})(?:[T ](?<h>\d{1,2}):(?<mi>\d{1,2})(?::(?<s>\d{1,2})(?:\.(?<f>\d{1,7})\d*)?)?)?\s*(?<z>Z|GMT|UTC|[+-]\d{2}:?\d{2})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?:[A-Za-z]+,\s*)?(?<d>\d{1,2})[ -](?<mon>[A-Za-z]{3,9})[ -](?<y>\d{4}|\d{2})\s+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?\s*(?<z>Z|GMT|UTC|[+-]\d{2}:?\d{2})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Rfc();
}
