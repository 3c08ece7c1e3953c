using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SentinelContent.Deploy.Export;

/// <summary>
/// Writes a JSON tree as block-style YAML the way people write Sentinel rules: fields in the given order,
/// multi-line text as literal blocks (|), and quotes only where YAML would otherwise read the text
/// differently. Anything a literal block cannot carry exactly falls back to a double-quoted string, so
/// reading the file back always gives the same values.
/// </summary>
public static partial class YamlEmitter
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~" };

    public static string Write(JsonObject document)
    {
        var text = new StringBuilder();
        WriteObject(text, document, 0);
        return text.ToString();
    }

    private static void WriteObject(StringBuilder text, JsonObject obj, int indent, bool firstInline = false)
    {
        var first = true;
        foreach (var (key, value) in obj)
        {
            if (value is null) continue;
            if (!(first && firstInline)) text.Append(' ', indent);
            first = false;
            text.Append(Key(key)).Append(':');
            WriteValue(text, value, indent);
        }
    }

    private static void WriteValue(StringBuilder text, JsonNode value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: 0 }:
                text.Append(" {}\n");
                break;
            case JsonObject nested:
                text.Append('\n');
                WriteObject(text, nested, indent + 2);
                break;
            case JsonArray { Count: 0 }:
                text.Append(" []\n");
                break;
            case JsonArray array:
                text.Append('\n');
                foreach (var item in array)
                {
                    text.Append(' ', indent + 2).Append('-');
                    if (item is JsonObject { Count: > 0 } element)
                    {
                        text.Append(' ');
                        WriteObject(text, element, indent + 4, firstInline: true);
                    }
                    else if (item is not null)
                    {
                        WriteValue(text, item, indent + 2);
                    }
                    else
                    {
                        text.Append(" null\n");
                    }
                }
                break;
            default:
                text.Append(' ');
                WriteScalar(text, (JsonValue)value, indent);
                break;
        }
    }

    private static void WriteScalar(StringBuilder text, JsonValue value, int indent)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.True: text.Append("true\n"); return;
            case JsonValueKind.False: text.Append("false\n"); return;
            case JsonValueKind.Number: text.Append(value.ToJsonString()).Append('\n'); return;
        }
        var s = value.GetValue<string>();
        if (s.Contains('\n') && CanBeLiteralBlock(s))
        {
            var body = s.TrimEnd('\n');
            var trailing = s.Length - body.Length;
            text.Append(trailing switch { 0 => "|-", 1 => "|", _ => "|+" }).Append('\n');
            var lines = (trailing > 1 ? s[..^1] : body).Split('\n');
            foreach (var line in lines)
            {
                if (line.Length > 0) text.Append(' ', indent + 2).Append(line);
                text.Append('\n');
            }
            return;
        }
        text.Append(IsPlainSafe(s) ? s : JsonSerializer.Serialize(s, Quoting)).Append('\n');
    }

    private static string Key(string key) => IsPlainSafe(key) ? key : JsonSerializer.Serialize(key, Quoting);

    /// <summary>A literal block keeps text exactly unless a line starts with a space (indentation would be ambiguous) or is only blanks.</summary>
    private static bool CanBeLiteralBlock(string s) =>
        !s.Contains('\r') && !s.Any(c => char.IsControl(c) && c is not '\n' and not '\t') &&
        s.TrimEnd('\n').Split('\n') is var lines &&
        !lines[0].StartsWith(' ') && !lines[0].StartsWith('\t') &&
        lines.All(l => l.Length == 0 || l.Trim().Length > 0) &&
        !lines.Any(l => l.EndsWith(' ') || l.EndsWith('\t'));

    private static bool IsPlainSafe(string s) =>
        s.Length > 0 && PlainText().IsMatch(s) && !Reserved.Contains(s) &&
        !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _) &&
        !s.Contains(": ", StringComparison.Ordinal) && !s.Contains(" #", StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9 _.,/()@+=\-]*[A-Za-z0-9_.)]$|^[A-Za-z0-9_]$")]
    private static partial Regex PlainText();
}
