using System.Globalization;
using SentinelContent.Core.Yaml;
using SentinelContent.Core.Text;

namespace SentinelContent.Format;

/// <summary>
/// Reads typed values from YAML nodes the way Sentinel's YAML loader does (quoted "5" is still a number).
/// Shared by the format checker, which reports what does not convert, and the model reader, which skips it.
/// </summary>
public static class YamlValues
{
    public static bool TryText(YamlNode? node, out Located<string> value)
    {
        if (node is YamlScalar { IsNull: false } scalar)
        {
            value = new Located<string>(scalar.Value, scalar.Location);
            return true;
        }
        value = default;
        return false;
    }

    public static bool TryInteger(YamlNode? node, out Located<int> value)
    {
        if (node is YamlScalar { IsNull: false } scalar &&
            int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            value = new Located<int>(number, scalar.Location);
            return true;
        }
        value = default;
        return false;
    }

    public static bool TryBoolean(YamlNode? node, out Located<bool> value)
    {
        if (node is YamlScalar { IsNull: false } scalar)
        {
            if (string.Equals(scalar.Value, "true", StringComparison.OrdinalIgnoreCase)) { value = new(true, scalar.Location); return true; }
            if (string.Equals(scalar.Value, "false", StringComparison.OrdinalIgnoreCase)) { value = new(false, scalar.Location); return true; }
        }
        value = default;
        return false;
    }

    /// <summary>True for a missing value or YAML null: both mean "not given".</summary>
    public static bool IsAbsent(YamlNode? node) => node is null or YamlScalar { IsNull: true };

    public static Located<string>? Text(YamlNode? node) => TryText(node, out var v) ? v : null;

    public static Located<int>? Integer(YamlNode? node) => TryInteger(node, out var v) ? v : null;

    public static Located<bool>? Boolean(YamlNode? node) => TryBoolean(node, out var v) ? v : null;

    /// <summary>The text items of a list; items of the wrong type are skipped (the checker reports them).</summary>
    public static IReadOnlyList<Located<string>> TextList(YamlNode? node) =>
        node is YamlSequence sequence ? [.. sequence.Items.Select(Text).OfType<Located<string>>()] : [];

    public static IEnumerable<YamlMapping> Mappings(YamlNode? node) =>
        node is YamlSequence sequence ? sequence.Items.OfType<YamlMapping>() : [];
}
