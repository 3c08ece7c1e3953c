using System.Text.Json;

namespace SentinelContent.Kql.Data.Loading.Streaming;

/// <summary>
/// <see cref="ValueConversion"/> on the parser's tokens: the same rules (a JSON number or numeric text for numbers,
/// ISO 8601 text for datetimes...) without a JsonNode per value. The common datetime shape of exports
/// (2026-11-20T11:30:00.1234567Z) is read from its bytes; anything else goes through the text parser.
/// </summary>
internal static class TokenConversion
{
    public static bool TryBool(ref Utf8JsonReader reader, out bool value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True: value = true; return true;
            case JsonTokenType.False: value = false; return true;
            case JsonTokenType.String: return ValueConversion.TryBoolText(reader.GetString()!, out value);
            default: value = false; return false;
        }
    }

    public static bool TryInt(ref Utf8JsonReader reader, out int value)
    {
        value = 0;
        return reader.TokenType switch
        {
            JsonTokenType.Number => reader.TryGetInt32(out value),
            JsonTokenType.String => ValueConversion.TryIntText(reader.GetString()!, out value),
            _ => false,
        };
    }

    public static bool TryLong(ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        return reader.TokenType switch
        {
            JsonTokenType.Number => reader.TryGetInt64(out value),
            JsonTokenType.String => ValueConversion.TryLongText(reader.GetString()!, out value),
            _ => false,
        };
    }

    public static bool TryReal(ref Utf8JsonReader reader, out double value)
    {
        value = 0;
        return reader.TokenType switch
        {
            JsonTokenType.Number => reader.TryGetDouble(out value),
            JsonTokenType.String => ValueConversion.TryRealText(reader.GetString()!, out value),
            _ => false,
        };
    }

    public static bool TryDecimal(ref Utf8JsonReader reader, out decimal value)
    {
        value = 0;
        return reader.TokenType switch
        {
            JsonTokenType.Number => reader.TryGetDecimal(out value),
            JsonTokenType.String => ValueConversion.TryDecimalText(reader.GetString()!, out value),
            _ => false,
        };
    }

    public static bool TryDateTime(ref Utf8JsonReader reader, out DateTime value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String) return false;
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && TryIso8601(reader.ValueSpan, out value)) return true;
        return ValueConversion.TryDateTimeText(reader.GetString()!, out value);
    }

    public static bool TryDateTimeText(string text, out DateTime value)
    {
        Span<byte> ascii = stackalloc byte[32];
        if (text.Length <= ascii.Length && System.Text.Ascii.FromUtf16(text, ascii,
            out var written) == System.Buffers.OperationStatus.Done && TryIso8601(ascii[..written], out value))
            return true;
        return ValueConversion.TryDateTimeText(text, out value);
    }

    public static bool TryTimeSpan(ref Utf8JsonReader reader, out TimeSpan value)
    {
        value = default;
        return reader.TokenType == JsonTokenType.String && ValueConversion.TryTimeSpanText(reader.GetString()!, out value);
    }

    public static bool TryGuid(ref Utf8JsonReader reader, out Guid value)
    {
        value = default;
        return reader.TokenType == JsonTokenType.String && ValueConversion.TryGuidText(reader.GetString()!, out value);
    }

    /// <summary>
    /// yyyy-MM-ddTHH:mm:ss, then an optional fraction of one to seven digits, then an optional Z: UTC either way, as
    /// <see cref="ValueConversion.TryDateTimeText"/> reads it. False for any other shape (which that parser then reads).
    /// </summary>
    public static bool TryIso8601(ReadOnlySpan<byte> text, out DateTime value)
    {
        value = default;
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || (text[10] != 'T'
            && text[10] != ' ') || text[13] != ':' || text[16] != ':') return false;
        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2,
                out var second)) return false;
        var at = 19;
        long fraction = 0;
        if (at < text.Length && text[at] == '.')
        {
            var digits = 0;
            at++;
            while (at < text.Length && (uint)(text[at] - '0') <= 9 && digits < 8)
            {
                fraction = fraction * 10 + (text[at] - '0');
                digits++;
                at++;
            }
            if (digits is 0 or > 7) return false;
            for (var i = digits; i < 7; i++) fraction *= 10;
        }
        if (at < text.Length && text[at] == 'Z') at++;
        if (at != text.Length) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year,
            month) || hour > 23 || minute > 59 || second > 59) return false;
        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fraction);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9) return false;
            value = value * 10 + (int)digit;
        }
        return true;
    }
}
