using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelContent.Core.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Data;

/// <summary>
/// How sample values become typed KQL values, following what Log Analytics returns: datetimes as ISO 8601
/// text (taken as UTC when no offset is given), timespans as [d.]hh:mm:ss[.fffffff] or ISO 8601 durations,
/// dynamic columns as JSON (or as text holding JSON, the way exports and the query API write them).
/// </summary>
public static class ValueConversion
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static bool TryBool(JsonNode value, out bool result)
    {
        result = false;
        if (value is not JsonValue v) return false;
        if (v.GetValueKind() is JsonValueKind.True or JsonValueKind.False) { result = v.GetValue<bool>(); return true; }
        return v.TryGetValue<string>(out var text) && TryBoolText(text, out result);
    }

    public static bool TryBoolText(string text, out bool result) => bool.TryParse(text.Trim(), out result);

    public static bool TryInt(JsonNode value, out int result) => TryNumber(value, TryIntText, out result);

    public static bool TryIntText(string text, out int result) => int.TryParse(text.Trim(), NumberStyles.Integer, Invariant, out result);

    public static bool TryLong(JsonNode value, out long result) => TryNumber(value, TryLongText, out result);

    public static bool TryLongText(string text, out long result) => long.TryParse(text.Trim(), NumberStyles.Integer, Invariant, out result);

    public static bool TryReal(JsonNode value, out double result) => TryNumber(value, TryRealText, out result);

    public static bool TryRealText(string text, out double result) => double.TryParse(text.Trim(), NumberStyles.Float, Invariant, out result);

    public static bool TryDecimal(JsonNode value, out decimal result) => TryNumber(value, TryDecimalText, out result);

    public static bool TryDecimalText(string text, out decimal result) => decimal.TryParse(text.Trim(), NumberStyles.Float, Invariant, out result);

    private delegate bool TextParser<T>(string text, out T result);

    /// <summary>A JSON number, or text holding one (CSV exports and quoted values).</summary>
    private static bool TryNumber<T>(JsonNode value, TextParser<T> parseText, out T result)
    {
        result = default!;
        if (value is not JsonValue v) return false;
        // A number built in memory (a YAML sample's 1 is a long) converts only to its own CLR type: read its text then.
        if (v.GetValueKind() == JsonValueKind.Number) return v.TryGetValue(out result!) || parseText(v.ToJsonString(), out result);
        return v.TryGetValue<string>(out var text) && parseText(text, out result);
    }

    public static bool TryDateTime(JsonNode value, out DateTime result)
    {
        result = default;
        return value is JsonValue v && v.TryGetValue<string>(out var text) && TryDateTimeText(text, out result);
    }

    /// <summary>ISO 8601 date and time; no offset means UTC, as in Log Analytics; the result is UTC.</summary>
    public static bool TryDateTimeText(string text, out DateTime result)
    {
        result = default;
        var trimmed = text.Trim();
        if (trimmed.Length < 10 || !char.IsAsciiDigit(trimmed[0])) return false;
        if (!DateTimeOffset.TryParse(trimmed, Invariant, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)) return false;
        result = parsed.UtcDateTime;
        return true;
    }

    public static bool TryTimeSpan(JsonNode value, out TimeSpan result)
    {
        result = default;
        return value is JsonValue v && v.TryGetValue<string>(out var text) && TryTimeSpanText(text, out result);
    }

    public static bool TryTimeSpanText(string text, out TimeSpan result)
    {
        var trimmed = text.Trim();
        return TimeSpan.TryParseExact(trimmed, "c", Invariant, out result) || IsoDuration.TryParse(trimmed, out result);
    }

    public static bool TryGuid(JsonNode value, out Guid result)
    {
        result = default;
        return value is JsonValue v && v.TryGetValue<string>(out var text) && TryGuidText(text, out result);
    }

    public static bool TryGuidText(string text, out Guid result) => Guid.TryParse(text.Trim(), out result);

    /// <summary>
    /// A dynamic value. Text that holds a JSON object or array is parsed, because exports and the query API
    /// write dynamic columns as JSON text; other text stays a string value.
    /// </summary>
    public static JsonNode? ToDynamic(JsonNode? value)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Null) return null;
        if (value is not JsonValue text || !text.TryGetValue<string>(out var s)) return value?.DeepClone();
        var trimmed = s.TrimStart();
        if (trimmed.Length == 0 || (trimmed[0] != '{' && trimmed[0] != '[')) return value.DeepClone();
        try
        {
            return JsonText.Parse(s);
        }
        catch (JsonException)
        {
            return value.DeepClone();
        }
    }

    /// <summary>The type a value would have in a table with no declared schema (a table not in the catalog).</summary>
    public static ScalarType Infer(JsonNode? value) => value switch
    {
        null => ScalarType.Unknown,
        JsonObject or JsonArray => ScalarType.Dynamic,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.True or JsonValueKind.False => ScalarType.Bool,
            JsonValueKind.Number => v.TryGetValue<long>(out _) ? ScalarType.Long : ScalarType.Real,
            JsonValueKind.String => v.TryGetValue<string>(out var s) && LooksLikeDateTime(s) ? ScalarType.DateTime : ScalarType.String,
            _ => ScalarType.Unknown,
        },
        _ => ScalarType.Unknown,
    };

    /// <summary>Two inferred types merged: equal types stay, long widens to real, anything else becomes dynamic.</summary>
    public static ScalarType Merge(ScalarType a, ScalarType b) =>
        a == b || b == ScalarType.Unknown ? a
        : a == ScalarType.Unknown ? b
        : (a, b) is (ScalarType.Long, ScalarType.Real) or (ScalarType.Real, ScalarType.Long) ? ScalarType.Real
        : (a, b) is (ScalarType.DateTime, ScalarType.String) or (ScalarType.String, ScalarType.DateTime) ? ScalarType.String
        : ScalarType.Dynamic;

    internal static bool LooksLikeDateTime(string s) =>
        s.Length >= 19 && s[4] == '-' && s[7] == '-' && (s[10] == 'T' || s[10] == ' ') && TryDateTimeText(s, out _);

    public static string Describe(ScalarType type) => type switch
    {
        ScalarType.Bool => "true or false",
        ScalarType.Int or ScalarType.Long => "a whole number",
        ScalarType.Real or ScalarType.Decimal => "a number",
        ScalarType.DateTime => "an ISO 8601 date and time (2026-11-20T11:30:00Z)",
        ScalarType.TimeSpan => "a timespan (01:30:00 or PT1H30M)",
        ScalarType.Guid => "a GUID",
        ScalarType.String => "text",
        _ => "a JSON value",
    };

    public static string Expected(ScalarType type, JsonNode value) =>
        $"expected {Describe(type)}, found {Shorten(value.ToJsonString())}";

    public static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
