using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Tests.Evaluation.Conformance;

/// <summary>
/// One result cell against the text a page prints for it, in the column's type. Pages print values rounded, so a
/// real (or a decimal, or a number inside a dynamic value) matches when it is within half a unit of the last digit
/// printed, or 1e-9 relative; a datetime or timespan likewise to its printed fraction. An empty printed cell is
/// null (Kusto prints null and the empty string alike). A printed cell that ends with "..." was cut by the page:
/// the value's text must start with what is shown. Strings compare as a page renders them, white space folded.
/// </summary>
internal static partial class CellComparer
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static bool Equal(Column column, int row, string? expected)
    {
        if (column.IsNull(row)) return expected is null || expected.Length == 0 || (expected == "null" && column.Type == ScalarType.Dynamic);
        var text = ValueText.Of(column, row);
        if (expected is null) return Rendered(text).Length == 0 || (column.Type == ScalarType.Dynamic && text == "null");
        if (Cut(expected) is { } prefix) return Rendered(text).StartsWith(Rendered(prefix), StringComparison.Ordinal);
        var value = column.GetValue(row);
        return column.Type switch
        {
            ScalarType.Real => value is double d && RealEquals(d, expected),
            ScalarType.Decimal => value is decimal m && RealEquals((double)m, expected),
            ScalarType.Int or ScalarType.Long => NumberEquals(value, expected),
            ScalarType.DateTime => value is DateTime t && DateTimeEquals(t, expected),
            ScalarType.TimeSpan => value is TimeSpan s && TimeSpanEquals(s, expected),
            // Some pages print bools as Kusto stores them, 1 and 0.
            ScalarType.Bool => value is bool b && (string.Equals(expected, b ? "true" : "false", StringComparison.OrdinalIgnoreCase) || expected == (b ? "1" : "0")),
            ScalarType.Guid => value is Guid g && Guid.TryParse(expected, out var id) && id == g,
            ScalarType.Dynamic => DynamicEquals(value as JsonNode, text, expected),
            _ => Rendered(text) == Rendered(expected),
        };
    }

    /// <summary>
    /// A string as a page renders it in a table: HTML folds runs of white space (new lines included) into one space
    /// and drops it at both ends, so that is all a page can document of a string's spacing.
    /// </summary>
    private static string Rendered(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>The shown part of a value the page cut short ("abc..."), or null.</summary>
    private static string? Cut(string expected) =>
        expected.EndsWith("...", StringComparison.Ordinal) && expected.Length > 3 ? expected[..^3]
        : expected.EndsWith('…') && expected.Length > 1 ? expected[..^1]
        : null;

    private static bool NumberEquals(object? value, string expected) =>
        decimal.TryParse(expected, NumberStyles.Float, Invariant, out var want) && Convert.ToDecimal(value, Invariant) == want;

    public static bool RealEquals(double actual, string expected)
    {
        expected = expected.Trim();
        double want;
        switch (expected)
        {
            case "NaN":
                return double.IsNaN(actual);
            case "Infinity" or "inf" or "+inf" or "+Infinity" or "∞":
                return double.IsPositiveInfinity(actual);
            case "-Infinity" or "-inf" or "-∞":
                return double.IsNegativeInfinity(actual);
            default:
                if (!double.TryParse(expected, NumberStyles.Float, Invariant, out want)) return false;
                break;
        }
        if (double.IsNaN(actual) || double.IsInfinity(actual)) return false;
        // A printed value is the true one rounded: within half a unit of its last digit (and a hair for binary noise).
        return Math.Abs(actual - want) <= Math.Max(1e-9 * Math.Max(1, Math.Abs(want)), PrintedUnit(expected) * (0.5 + 1e-6));
    }

    /// <summary>One unit of the last digit printed: "0.333" → 0.001, "1.5E-05" → 1e-6; 0 for an integer ("2").</summary>
    private static double PrintedUnit(string number)
    {
        var exponentAt = number.IndexOfAny(['e', 'E']);
        var mantissa = exponentAt < 0 ? number : number[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(number[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, Invariant);
        var dot = mantissa.IndexOf('.');
        if (dot < 0) return exponentAt < 0 ? 0 : Math.Pow(10, exponent);
        return Math.Pow(10, exponent - (mantissa.Length - dot - 1));
    }

    private static bool DateTimeEquals(DateTime actual, string expected)
    {
        if (!DateTime.TryParse(expected, Invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var want)) return false;
        var tolerance = FractionUnit(expected);
        return Math.Abs((actual - want).Ticks) <= tolerance;
    }

    private static bool TimeSpanEquals(TimeSpan actual, string expected)
    {
        if (!TimeSpan.TryParse(expected, Invariant, out var want)) return false;
        return Math.Abs((actual - want).Ticks) <= FractionUnit(expected);
    }

    /// <summary>Ticks in one unit of a printed fraction of a second ("…:05.12" → 0.01 s); exact when none or all seven digits are printed.</summary>
    private static long FractionUnit(string text)
    {
        var colon = text.LastIndexOf(':');
        var dot = colon < 0 ? -1 : text.IndexOf('.', colon);
        if (dot < 0) return 0;
        var digits = text.Skip(dot + 1).TakeWhile(char.IsAsciiDigit).Count();
        return digits is 0 or >= 7 ? 0 : (long)Math.Pow(10, 7 - digits);
    }

    private static bool DynamicEquals(JsonNode? actual, string text, string expected)
    {
        JsonNode? want;
        try
        {
            want = JsonNode.Parse(expected);
        }
        catch (JsonException)
        {
            // A bare word is the printed text of a dynamic string.
            return text == expected;
        }
        return JsonEquals(actual, want, 0);
    }

    private static bool JsonEquals(JsonNode? a, JsonNode? b, int depth)
    {
        if (depth > 64) return false;
        switch (a, b)
        {
            case (null, null):
                return true;
            case (JsonObject x, JsonObject y):
                return x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var other) && JsonEquals(p.Value, other, depth + 1));
            case (JsonArray x, JsonArray y):
                return x.Count == y.Count && x.Zip(y).All(p => JsonEquals(p.First, p.Second, depth + 1));
            case (JsonValue x, JsonValue y):
                if (x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number)
                    return double.TryParse(x.ToJsonString(), NumberStyles.Float, Invariant, out var number) && RealEquals(number, y.ToJsonString());
                return x.ToJsonString() == y.ToJsonString();
            default:
                return false;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex Whitespace();
}
