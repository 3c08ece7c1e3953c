using System.Globalization;
using System.Xml;

namespace SentinelContent.LogAnalytics.Query;

/// <summary>
/// The API's <c>timespan</c>: an ISO 8601 duration ending now (P1D) or an interval start/end. The service
/// applies it on top of any time filter in the query, on TimeGenerated.
/// </summary>
public readonly record struct QueryTimeRange
{
    private QueryTimeRange(TimeSpan? duration, DateTime start, DateTime end)
    {
        Duration = duration;
        Start = start;
        End = end;
    }

    /// <summary>Set for "the last D" (P1D); null for a fixed interval.</summary>
    public TimeSpan? Duration { get; }

    public DateTime Start { get; }

    public DateTime End { get; }

    public static QueryTimeRange Last(TimeSpan duration) => new(duration, default, default);

    public static QueryTimeRange Between(DateTime start, DateTime end) =>
        end < start ? throw new ArgumentException("the end of a time range comes after its start") : new(null, start.ToUniversalTime(), end.ToUniversalTime());

    /// <summary>The interval it means when evaluated at <paramref name="now"/>.</summary>
    public (DateTime Start, DateTime End) Resolve(DateTime now) => Duration is { } d ? (now - d, now) : (Start, End);

    public override string ToString() => Duration is { } d
        ? XmlConvert.ToString(d)
        : $"{Start.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture)}/{End.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture)}";

    /// <summary>Reads P1D / PT6H, or start/end (ISO datetimes), or start/duration, as the API accepts them.</summary>
    public static bool TryParse(string text, out QueryTimeRange range)
    {
        range = default;
        text = text.Trim();
        var slash = text.IndexOf('/');
        if (slash < 0) return TryDuration(text, out var d) && d > TimeSpan.Zero && Set(Last(d), out range);
        var (left, right) = (text[..slash], text[(slash + 1)..]);
        if (!TryTime(left, out var start)) return false;
        if (TryTime(right, out var end)) return end >= start && Set(Between(start, end), out range);
        return TryDuration(right, out var length) && Set(Between(start, start + length), out range);
    }

    private static bool Set(QueryTimeRange value, out QueryTimeRange range)
    {
        range = value;
        return true;
    }

    private static bool TryDuration(string text, out TimeSpan duration)
    {
        duration = default;
        if (!text.StartsWith('P')) return false;
        try
        {
            duration = XmlConvert.ToTimeSpan(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static bool TryTime(string text, out DateTime time)
    {
        var ok = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed);
        time = ok ? parsed.UtcDateTime : default;
        return ok && text.Length >= 10;
    }
}
