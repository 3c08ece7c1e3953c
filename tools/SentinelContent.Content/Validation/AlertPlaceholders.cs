using SentinelContent.Core.Text;

namespace SentinelContent.Content.Validation;

/// <summary>A {{Column}} placeholder in an alert name or description format.</summary>
public sealed record AlertPlaceholder(string Column, TextSpan Span);

/// <summary>
/// Finds {{Column}} placeholders the way Sentinel counts them (anything between double braces without
/// braces inside). Written as a scanner, not a regex, so it is linear on any input.
/// </summary>
public sealed record AlertPlaceholders(IReadOnlyList<AlertPlaceholder> Items, TextSpan? Malformed)
{
    public static AlertPlaceholders Parse(string format)
    {
        var items = new List<AlertPlaceholder>();
        TextSpan? malformed = null;
        var i = 0;
        while (i < format.Length - 1)
        {
            if (format[i] != '{' || format[i + 1] != '{')
            {
                i++;
                continue;
            }
            var start = i;
            var close = format.IndexOf("}}", i + 2, StringComparison.Ordinal);
            var nextOpen = format.IndexOf('{', i + 2);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close))
            {
                malformed ??= new TextSpan(start, 2);
                i += 2;
                continue;
            }
            var column = format[(i + 2)..close].Trim();
            if (column.Length == 0) malformed ??= TextSpan.FromBounds(start, close + 2);
            else items.Add(new AlertPlaceholder(column, TextSpan.FromBounds(start, close + 2)));
            i = close + 2;
        }
        return new AlertPlaceholders(items, malformed);
    }

    /// <summary>Fills each placeholder from a lookup; used by the alert simulator.</summary>
    public static string Fill(string format, Func<string, string?> valueOf)
    {
        var parsed = Parse(format);
        if (parsed.Items.Count == 0) return format;
        var text = new System.Text.StringBuilder();
        var at = 0;
        foreach (var item in parsed.Items)
        {
            text.Append(format, at, item.Span.Start - at).Append(valueOf(item.Column) ?? string.Empty);
            at = item.Span.End;
        }
        return text.Append(format, at, format.Length - at).ToString();
    }
}
