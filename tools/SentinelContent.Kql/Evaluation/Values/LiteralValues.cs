using System.Globalization;
using System.Text.Json.Nodes;
using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Evaluation.Values;

/// <summary>The values of literal expressions: numbers, datetime(...), timespans (1h, 2.5d, timespan(1.02:03:04)), guid, bool, dynamic(...).</summary>
internal static class LiteralValues
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Null for a typed null literal (datetime(null), long(null)); false when the text is not a value of the kind.</summary>
    public static bool TryGet(SyntaxNode literal, out object? value)
    {
        value = null;
        var text = string.Concat(literal.DescendantTokens().Select(t => t.Text)).Trim();
        var inner = Inner(text);
        if (inner is "null") return true;
        switch (literal.Kind)
        {
            case SyntaxKind.StringLiteralExpression or SyntaxKind.CompoundStringLiteralExpression:
                value = SyntaxHelpers.StringValue(literal);
                return true;
            case SyntaxKind.LongLiteralExpression:
                if (long.TryParse(inner, NumberStyles.AllowLeadingSign, Invariant, out var l)) { value = l; return true; }
                if (inner.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && long.TryParse(inner[2..], NumberStyles.HexNumber, Invariant, out var hex)) { value = hex; return true; }
                if (TryTimeSpan(inner, out var asSpan)) { value = asSpan; return true; } // -1d parsed as a signed literal
                return false;
            case SyntaxKind.IntLiteralExpression:
                if (int.TryParse(inner, NumberStyles.AllowLeadingSign, Invariant, out var i)) { value = i; return true; }
                return false;
            case SyntaxKind.RealLiteralExpression:
                if (double.TryParse(inner, NumberStyles.Float, Invariant, out var d)) { value = d; return true; }
                if (SpecialReal(inner) is { } special) { value = special; return true; }
                return false;
            case SyntaxKind.DecimalLiteralExpression:
                if (decimal.TryParse(inner, NumberStyles.Float, Invariant, out var m)) { value = m; return true; }
                return false;
            case SyntaxKind.BooleanLiteralExpression:
                if (bool.TryParse(inner, out var b)) { value = b; return true; }
                return false;
            case SyntaxKind.DateTimeLiteralExpression:
                if (DateTimeParsing.TryParse(inner, out var dt)) { value = dt; return true; }
                return false;
            case SyntaxKind.TimespanLiteralExpression:
                if (TryTimeSpan(inner, out var ts)) { value = ts; return true; }
                return false;
            case SyntaxKind.GuidLiteralExpression:
                if (Guid.TryParse(inner, out var g)) { value = g; return true; }
                return false;
            case SyntaxKind.NullLiteralExpression:
                return true;
            case SyntaxKind.DynamicExpression:
                var json = literal.ChildNodes().FirstOrDefault();
                if (json is null) return true;
                value = Json(json);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The text between `kind(` and `)` of a typed literal, or the text itself.</summary>
    private static string Inner(string text)
    {
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open > 0 && text.EndsWith(')') && char.IsLetter(text[0])) return Unquoted(text[(open + 1)..^1].Trim());
        return text;
    }

    /// <summary>datetime("2015-12-31"), guid('...'): the reference allows the value quoted inside a typed literal.</summary>
    private static string Unquoted(string inner) =>
        inner.Length >= 2 && (inner[0] is '"' or '\'') && inner[^1] == inner[0] ? inner[1..^1] : inner;

    /// <summary>real(nan), real(+inf), real(-inf): the reference's literals for values that have no digits.</summary>
    private static double? SpecialReal(string inner) => inner.ToLowerInvariant() switch
    {
        "nan" => double.NaN,
        "inf" or "+inf" or "infinity" or "+infinity" => double.PositiveInfinity,
        "-inf" or "-infinity" => double.NegativeInfinity,
        _ => null,
    };

    private static JsonNode? Json(SyntaxNode node)
    {
        switch (node.Kind)
        {
            case SyntaxKind.JsonObjectExpression:
            {
                var obj = new JsonObject();
                foreach (var pair in node.ChildNodes().SelectMany(SyntaxHelpers.Items).Where(n => n.Kind == SyntaxKind.JsonPair))
                {
                    if (pair.Children[0] is not SyntaxToken key || pair.Children[^1] is not SyntaxNode member) continue;
                    obj[SyntaxHelpers.StringValue(key.Text)] = Json(member);
                }

                return obj;
            }

            case SyntaxKind.UnaryMinusExpression:
                return node.ChildNodes().FirstOrDefault() is { } operand && TryGet(operand, out var number) ? KqlValue.ToDynamic(Arithmetic.Negate(number)) : null;
            case SyntaxKind.JsonArrayExpression:
            {
                var array = new JsonArray();
                foreach (var item in node.ChildNodes().SelectMany(SyntaxHelpers.Items)) array.Add(Json(item));
                return array;
            }

            case SyntaxKind.NullLiteralExpression:
                return null;
            default:
                return TryGet(node, out var value) ? KqlValue.ToDynamic(value) : null;
        }
    }

    public static bool TryTimeSpan(string text, out TimeSpan value)
    {
        value = default;
        var t = text.Trim();
        if (t.Contains(':', StringComparison.Ordinal))
        {
            var negative = t.StartsWith('-');
            if (!TimeSpan.TryParse(negative ? t[1..] : t, Invariant, out value)) return false;
            if (negative) value = -value;
            return true;
        }

        var end = 0;
        while (end < t.Length && (char.IsDigit(t[end]) || t[end] is '.' or '-' or '+')) end++;
        if (end == 0 || !double.TryParse(t[..end], NumberStyles.Float, Invariant, out var number)) return false;
        var unit = t[end..].Trim().ToLowerInvariant();
        double? ticks = unit switch
        {
            "d" or "day" or "days" => TimeSpan.TicksPerDay,
            "h" or "hr" or "hrs" or "hour" or "hours" => TimeSpan.TicksPerHour,
            "m" or "min" or "minute" or "minutes" => TimeSpan.TicksPerMinute,
            "s" or "sec" or "second" or "seconds" => TimeSpan.TicksPerSecond,
            "ms" or "milli" or "millis" or "millisec" or "millisecond" or "milliseconds" => TimeSpan.TicksPerMillisecond,
            "microsecond" or "microseconds" or "micro" or "micros" => 10,
            "tick" or "ticks" => 1,
            "" => TimeSpan.TicksPerDay,
            _ => null,
        };
        if (ticks is null) return false;
        value = new TimeSpan((long)Math.Round(number * ticks.Value));
        return true;
    }
}
