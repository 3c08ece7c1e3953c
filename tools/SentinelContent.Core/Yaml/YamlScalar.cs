using SentinelContent.Core.Text;

namespace SentinelContent.Core.Yaml;

/// <summary>How a scalar was written; it decides how offsets inside the value map back to the file.</summary>
public enum YamlScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

/// <summary>A text value, with its style, so that a position inside it (a KQL error in a `query: |` block) maps to the file.</summary>
public sealed class YamlScalar(SourceLocation location, string value, YamlScalarStyle style, string? tag) : YamlNode(location)
{
    public string Value { get; } = value;

    public YamlScalarStyle Style { get; } = style;

    public string? Tag { get; } = tag;

    public override string KindName => IsNull ? "null" : "text";

    /// <summary>True for a plain empty value, `~` or `null`: YAML's null, not the text "null".</summary>
    public bool IsNull => Style == YamlScalarStyle.Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>Maps an offset inside <see cref="Value"/> to the 1-based line and column in the file.</summary>
    public LinePosition PositionOf(int valueOffset) => ScalarPositionMap.Map(this, valueOffset);

    /// <summary>The location of a span inside the value, for diagnostics about part of it.</summary>
    public SourceLocation LocationOf(TextSpan span) =>
        Location with { Start = PositionOf(span.Start), End = PositionOf(span.End) };
}
