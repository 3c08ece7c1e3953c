using SentinelContent.Core.Text;

namespace SentinelContent.Core.Yaml;

/// <summary>
/// Maps an offset in a scalar's value back to the file. YAML removes indentation (block scalars),
/// quotes and line folding, so the value is not a substring of the file; this walks the scalar's
/// source lines the way the parser consumed them.
/// </summary>
internal static class ScalarPositionMap
{
    public static LinePosition Map(YamlScalar scalar, int valueOffset)
    {
        var source = scalar.Location.Source;
        var start = scalar.Location.Start;
        valueOffset = Math.Clamp(valueOffset, 0, scalar.Value.Length);
        if (source is null) return start;

        return scalar.Style switch
        {
            YamlScalarStyle.Literal or YamlScalarStyle.Folded => MapBlock(source, scalar, valueOffset),
            _ => MapFlow(source, scalar, valueOffset),
        };
    }

    /// <summary>
    /// Block scalars (`|`, `&gt;`): the content starts on the line after the header and every line loses the
    /// same indentation. Each line contributes its text plus one character for the break (a newline in
    /// literal style, usually a space in folded style), so walking lines finds the offset.
    /// </summary>
    private static LinePosition MapBlock(SourceText source, YamlScalar scalar, int valueOffset)
    {
        var firstLine = scalar.Location.Start.Line + 1;
        var lastLine = Math.Max(firstLine, scalar.Location.End.Line);
        var indent = BlockIndentation(source, firstLine, lastLine);
        var remaining = valueOffset;
        for (var line = firstLine; line <= lastLine; line++)
        {
            var text = source.GetLineText(line);
            var content = text.Length > indent ? text.Length - indent : 0;
            if (remaining <= content) return new LinePosition(line, indent + remaining + 1);
            remaining -= content + 1;
        }
        return scalar.Location.End;
    }

    private static int BlockIndentation(SourceText source, int firstLine, int lastLine)
    {
        for (var line = firstLine; line <= lastLine; line++)
        {
            var text = source.GetLineText(line);
            if (string.IsNullOrWhiteSpace(text)) continue;
            var indent = 0;
            while (indent < text.Length && text[indent] == ' ') indent++;
            return indent;
        }
        return 0;
    }

    /// <summary>
    /// Plain and quoted scalars: the value starts after the opening quote; a line break folds to one space
    /// and the next line's leading white space is dropped. Escapes can shift columns slightly within a line.
    /// </summary>
    private static LinePosition MapFlow(SourceText source, YamlScalar scalar, int valueOffset)
    {
        var start = scalar.Location.Start;
        var quote = scalar.Style is YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted ? 1 : 0;
        var line = start.Line;
        var column = start.Column + quote;
        var remaining = valueOffset;
        while (true)
        {
            var text = source.GetLineText(line);
            var content = Math.Max(0, text.Length - (column - 1));
            if (remaining <= content || line >= scalar.Location.End.Line) return new LinePosition(line, column + remaining);
            remaining -= content + 1;
            line++;
            var next = source.GetLineText(line);
            var indent = 0;
            while (indent < next.Length && (next[indent] == ' ' || next[indent] == '\t')) indent++;
            column = indent + 1;
        }
    }
}
