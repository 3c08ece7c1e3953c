using System.Globalization;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>Time functions. now() and ago() read the run's pinned clock, never the machine's, so results are reproducible.</summary>
internal static class DateTimeFunctions
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        f["now"] = Implement.WithContext(ScalarType.DateTime, (c, a) => a.Length > 0 && KqlValue.ToTimeSpan(a.Arg(0)) is { } offset ? c.Now + offset : c.Now);
        f["ago"] = Implement.WithContext(ScalarType.DateTime, (c, a) => KqlValue.ToTimeSpan(a.Arg(0)) is { } span ? c.Now - span : null);
        var binRowWise = Implement.Strict(ScalarType.Unknown, a => Bin(a.Arg(0), a.Arg(1)));
        f["bin"] = site =>
        {
            var general = binRowWise(site);
            // bin(TimeGenerated, 1h), the common case, as a typed loop.
            return site.Arguments is [_, { IsConstant: true } size]
                ? (input, context) => TypedKernels.Bin(site.Arguments[0].Eval(input, context), size.Value) ?? general(input, context)
                : general;
        };
        f["floor"] = f["bin"];
        f["bin_at"] = Implement.Strict(ScalarType.Unknown, a => BinAt(a.Arg(0), a.Arg(1), a.Arg(2)));
        f["startofday"] = Implement.Values(ScalarType.DateTime, a => Shift(a, d => d.Date, (d, n) => d.AddDays(n)));
        f["endofday"] = Implement.Values(ScalarType.DateTime, a => Shift(a, d => d.Date.AddDays(1).AddTicks(-1), (d, n) => d.AddDays(n)));
        f["startofweek"] = Implement.Values(ScalarType.DateTime, a => Shift(a, StartOfWeek, (d, n) => d.AddDays(7 * n)));
        f["endofweek"] = Implement.Values(ScalarType.DateTime, a => Shift(a, d => StartOfWeek(d).AddDays(7).AddTicks(-1), (d, n) => d.AddDays(7 * n)));
        f["startofmonth"] = Implement.Values(ScalarType.DateTime, a => Shift(a, d => new DateTime(d.Year, d.Month, 1, 0, 0, 0, DateTimeKind.Utc), (d, n) => d.AddMonths(n)));
        f["endofmonth"] = Implement.Values(ScalarType.DateTime, a => Shift(a, d => new DateTime(d.Year, d.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1).AddTicks(-1), (d, n) => d.AddMonths(n)));
        f["startofyear"] = Implement.Values(ScalarType.DateTime, a => Shift(a, d => new DateTime(d.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc), (d, n) => d.AddYears(n)));
        f["endofyear"] = Implement.Values(ScalarType.DateTime, a => Shift(a, d => new DateTime(d.Year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(-1), (d, n) => d.AddYears(n)));
        f["datetime_diff"] = Implement.Strict(ScalarType.Long, a => Diff(a.Text(0), KqlValue.ToDateTime(a.Arg(1)), KqlValue.ToDateTime(a.Arg(2))));
        f["datetime_add"] = Implement.Strict(ScalarType.DateTime, a => Add(a.Text(0), KqlValue.ToLong(a.Arg(1)), KqlValue.ToDateTime(a.Arg(2))));
        f["datetime_part"] = Implement.Strict(ScalarType.Int, a => KqlValue.ToDateTime(a.Arg(1)) is { } d ? Part(a.Text(0), d) : null);
        f["format_datetime"] = Implement.Strict(ScalarType.String, a => KqlValue.ToDateTime(a.Arg(0)) is { } d ? d.ToString(DotNetFormat(a.Text(1)), Invariant) : null);
        f["format_timespan"] = Implement.Strict(ScalarType.String, a => KqlValue.ToTimeSpan(a.Arg(0)) is { } t ? FormatTimeSpan(t, a.Text(1)) : null);
        f["hourofday"] = Implement.Strict(ScalarType.Int, a => KqlValue.ToDateTime(a.Arg(0))?.Hour);
        f["dayofweek"] = Implement.Strict(ScalarType.TimeSpan, a => KqlValue.ToDateTime(a.Arg(0)) is { } d ? TimeSpan.FromDays((int)d.DayOfWeek) : null);
        f["dayofmonth"] = Implement.Strict(ScalarType.Int, a => KqlValue.ToDateTime(a.Arg(0))?.Day);
        f["dayofyear"] = Implement.Strict(ScalarType.Int, a => KqlValue.ToDateTime(a.Arg(0))?.DayOfYear);
        f["getmonth"] = Implement.Strict(ScalarType.Int, a => KqlValue.ToDateTime(a.Arg(0))?.Month);
        f["monthofyear"] = f["getmonth"];
        f["getyear"] = Implement.Strict(ScalarType.Int, a => KqlValue.ToDateTime(a.Arg(0))?.Year);
        f["week_of_year"] = Implement.Strict(ScalarType.Int, a => KqlValue.ToDateTime(a.Arg(0)) is { } d ? ISOWeek.GetWeekOfYear(d) : null);
        f["make_datetime"] = Implement.Strict(ScalarType.DateTime, MakeDateTime);
        f["make_timespan"] = Implement.Strict(ScalarType.TimeSpan, MakeTimeSpan);
        f["unixtime_seconds_todatetime"] = Implement.Strict(ScalarType.DateTime, a => FromUnix(a.Arg(0), TimeSpan.TicksPerSecond));
        f["unixtime_milliseconds_todatetime"] = Implement.Strict(ScalarType.DateTime, a => FromUnix(a.Arg(0), TimeSpan.TicksPerMillisecond));
        f["unixtime_microseconds_todatetime"] = Implement.Strict(ScalarType.DateTime, a => FromUnix(a.Arg(0), 10));
        f["unixtime_nanoseconds_todatetime"] = Implement.Strict(ScalarType.DateTime, a => FromUnix(a.Arg(0), 0.01));
        f["ingestion_time"] = IngestionTime;
    }

    /// <summary>
    /// ingestion_time(): sample rows carry no hidden ingestion time, so the row's _TimeReceived (Log Analytics'
    /// column for when the pipeline received the record) stands for it, else its TimeGenerated, else null.
    /// </summary>
    private static Planning.ScalarEval IngestionTime(CallSite site) => (input, _) =>
        (input.Find("_TimeReceived") ?? input.Find("TimeGenerated")) is { Type: ScalarType.DateTime } column
            ? column
            : ColumnFactory.Nulls(ScalarType.DateTime, input.RowCount);

    /// <summary>bin(value, size): rounds down to a multiple of size; datetimes count from 0001-01-01 as Kusto's ticks do.</summary>
    private static object? Bin(object? value, object? size)
    {
        switch (value)
        {
            case DateTime d when KqlValue.ToTimeSpan(size) is { Ticks: > 0 } span:
                return new DateTime(d.Ticks - (d.Ticks % span.Ticks), DateTimeKind.Utc);
            case TimeSpan t when KqlValue.ToTimeSpan(size) is { Ticks: > 0 } span:
                return new TimeSpan((long)Math.Floor((double)t.Ticks / span.Ticks) * span.Ticks);
            case long l when KqlValue.ToLong(size) is { } n && n > 0 && size is not double:
                return (long)Math.Floor((double)l / n) * n;
            case int i when KqlValue.ToLong(size) is { } n && n > 0 && size is not double:
                return (int)(Math.Floor((double)i / n) * n);
            case decimal m when KqlValue.ToDecimal(size) is { } n && n > 0:
                return Math.Floor(m / n) * n;
        }

        if (KqlValue.ToReal(value) is { } x && KqlValue.ToReal(size) is { } s && s > 0) return Math.Floor(x / s) * s;
        return null;
    }

    private static object? BinAt(object? value, object? size, object? at)
    {
        if (value is DateTime d && KqlValue.ToTimeSpan(size) is { Ticks: > 0 } span && KqlValue.ToDateTime(at) is { } origin)
        {
            var offset = (long)Math.Floor((double)(d - origin).Ticks / span.Ticks);
            return origin + new TimeSpan(offset * span.Ticks);
        }

        if (KqlValue.ToReal(value) is { } x && KqlValue.ToReal(size) is { } s && s > 0 && KqlValue.ToReal(at) is { } o)
            return Math.Floor((x - o) / s) * s + o;
        return null;
    }

    private static DateTime StartOfWeek(DateTime d) => d.Date.AddDays(-(int)d.DayOfWeek);

    private static object? Shift(object?[] a, Func<DateTime, DateTime> start, Func<DateTime, int, DateTime> add)
    {
        if (KqlValue.ToDateTime(a.Arg(0)) is not { } d) return null;
        var offset = a.Length > 1 ? (int)(KqlValue.ToLong(a.Arg(1)) ?? 0) : 0;
        return start(add(start(d), offset));
    }

    private static object? Diff(string part, DateTime? first, DateTime? second)
    {
        if (first is not { } a || second is not { } b) return null;
        return part.ToLowerInvariant() switch
        {
            "year" => (long)(a.Year - b.Year),
            "quarter" => (long)((a.Year - b.Year) * 4 + ((a.Month - 1) / 3 - (b.Month - 1) / 3)),
            "month" => (long)((a.Year - b.Year) * 12 + a.Month - b.Month),
            "week" => (long)((StartOfWeek(a) - StartOfWeek(b)).TotalDays / 7),
            "day" => (long)(a.Date - b.Date).TotalDays,
            "hour" => Boundaries(a, b, TimeSpan.TicksPerHour),
            "minute" => Boundaries(a, b, TimeSpan.TicksPerMinute),
            "second" => Boundaries(a, b, TimeSpan.TicksPerSecond),
            "millisecond" => Boundaries(a, b, TimeSpan.TicksPerMillisecond),
            "microsecond" => Boundaries(a, b, 10),
            "nanosecond" => (a.Ticks - b.Ticks) * 100,
            _ => null,
        };
    }

    private static long Boundaries(DateTime a, DateTime b, long unit) => a.Ticks / unit - b.Ticks / unit;

    private static object? Add(string part, long? amount, DateTime? value)
    {
        if (amount is not { } n || value is not { } d) return null;
        return part.ToLowerInvariant() switch
        {
            "year" => d.AddYears((int)n),
            "quarter" => d.AddMonths((int)n * 3),
            "month" => d.AddMonths((int)n),
            "week" => d.AddDays(7 * n),
            "day" => d.AddDays(n),
            "hour" => d.AddHours(n),
            "minute" => d.AddMinutes(n),
            "second" => d.AddSeconds(n),
            "millisecond" => d.AddMilliseconds(n),
            "microsecond" => d.AddTicks(n * 10),
            "nanosecond" => d.AddTicks(n / 100),
            _ => null,
        };
    }

    private static object? Part(string part, DateTime d) => part.ToLowerInvariant() switch
    {
        "year" => d.Year,
        "quarter" => (d.Month - 1) / 3 + 1,
        "month" => d.Month,
        "week_of_year" or "weekofyear" => ISOWeek.GetWeekOfYear(d),
        "day" => d.Day,
        "dayofyear" => d.DayOfYear,
        "hour" => d.Hour,
        "minute" => d.Minute,
        "second" => d.Second,
        "millisecond" => d.Millisecond,
        "microsecond" => (int)(d.Ticks % TimeSpan.TicksPerSecond / 10),
        "nanosecond" => (int)(d.Ticks % TimeSpan.TicksPerSecond * 100),
        _ => null,
    };

    /// <summary>Kusto's format letters are .NET's custom ones, except that separators are literal text.</summary>
    /// <summary>
    /// format_timespan's specifiers: d..dddddddd days, h/hh and H/HH hours, m/mm, s/ss, f..fffffff fraction digits,
    /// F..FFFFFFF fraction digits without trailing zeros; anything else is copied as written.
    /// </summary>
    private static string FormatTimeSpan(TimeSpan value, string format)
    {
        var builder = new System.Text.StringBuilder();
        if (value < TimeSpan.Zero)
        {
            builder.Append('-');
            value = value.Duration();
        }
        var fraction = (value.Ticks % TimeSpan.TicksPerSecond).ToString("D7", Invariant);
        for (var i = 0; i < format.Length;)
        {
            var c = format[i];
            var run = 1;
            while (i + run < format.Length && format[i + run] == c) run++;
            switch (c)
            {
                case 'd': builder.Append(value.Days.ToString(Invariant).PadLeft(run, '0')); break;
                case 'h' or 'H': builder.Append(value.Hours.ToString(Invariant).PadLeft(Math.Min(run, 2), '0')); break;
                case 'm': builder.Append(value.Minutes.ToString(Invariant).PadLeft(Math.Min(run, 2), '0')); break;
                case 's': builder.Append(value.Seconds.ToString(Invariant).PadLeft(Math.Min(run, 2), '0')); break;
                case 'f': builder.Append(fraction[..Math.Min(run, 7)]); break;
                case 'F': builder.Append(fraction[..Math.Min(run, 7)].TrimEnd('0')); break;
                default: builder.Append(format, i, run); break;
            }
            i += run;
        }
        return builder.ToString();
    }

    private static string DotNetFormat(string format)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in format)
        {
            if ("yMdHhmsftT".Contains(c, StringComparison.Ordinal)) builder.Append(c == 'T' ? 't' : c);
            else builder.Append('\\').Append(c);
        }

        return builder.ToString();
    }

    private static object? MakeDateTime(object?[] a)
    {
        var parts = a.Select(x => KqlValue.ToReal(KqlValue.Unwrap(x)) ?? 0).ToArray();
        try
        {
            var d = new DateTime((int)parts[0], (int)parts[1], (int)parts[2], 0, 0, 0, DateTimeKind.Utc);
            if (parts.Length > 3) d = d.AddHours(parts[3]);
            if (parts.Length > 4) d = d.AddMinutes(parts[4]);
            if (parts.Length > 5) d = d.AddTicks((long)(parts[5] * TimeSpan.TicksPerSecond));
            return d;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static object? MakeTimeSpan(object?[] a)
    {
        var parts = a.Select(x => KqlValue.ToReal(KqlValue.Unwrap(x)) ?? 0).ToArray();
        return parts.Length switch
        {
            2 => TimeSpan.FromHours(parts[0]) + TimeSpan.FromMinutes(parts[1]),
            3 => TimeSpan.FromHours(parts[0]) + TimeSpan.FromMinutes(parts[1]) + TimeSpan.FromSeconds(parts[2]),
            _ => TimeSpan.FromDays(parts[0]) + TimeSpan.FromHours(parts[1]) + TimeSpan.FromMinutes(parts[2]) + TimeSpan.FromSeconds(parts[3]),
        };
    }

    private static object? FromUnix(object? value, double ticksPerUnit) =>
        KqlValue.ToReal(value) is { } n ? DateTime.UnixEpoch.AddTicks((long)(n * ticksPerUnit)) : null;
}
