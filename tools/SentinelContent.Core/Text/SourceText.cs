namespace SentinelContent.Core.Text;

/// <summary>
/// The text of one source file with its line table, so that offsets become line and column
/// and diagnostics can quote the line they point at.
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string path, string content)
    {
        Path = path;
        Content = content;
        _lineStarts = ComputeLineStarts(content);
    }

    /// <summary>The path as the user named it (relative paths stay relative, so output is portable).</summary>
    public string Path { get; }

    public string Content { get; }

    public int LineCount => _lineStarts.Length;

    /// <summary>Maps a 0-based offset to a 1-based line and column. Offsets past the end map to the end.</summary>
    public LinePosition GetLinePosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Content.Length);
        var index = Array.BinarySearch(_lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return new LinePosition(line + 1, offset - _lineStarts[line] + 1);
    }

    /// <summary>Maps a 1-based line and column back to a 0-based offset.</summary>
    public int GetOffset(LinePosition position)
    {
        var line = Math.Clamp(position.Line, 1, _lineStarts.Length) - 1;
        var lineEnd = LineEnd(line);
        return Math.Min(_lineStarts[line] + Math.Max(position.Column, 1) - 1, lineEnd);
    }

    /// <summary>The text of a 1-based line, without its line break.</summary>
    public string GetLineText(int line)
    {
        if (line < 1 || line > _lineStarts.Length) return string.Empty;
        var start = _lineStarts[line - 1];
        return Content[start..LineEnd(line - 1)];
    }

    public SourceLocation GetLocation(TextSpan span) =>
        new(this, GetLinePosition(span.Start), GetLinePosition(span.End));

    private int LineEnd(int lineIndex)
    {
        var end = lineIndex + 1 < _lineStarts.Length ? _lineStarts[lineIndex + 1] : Content.Length;
        while (end > _lineStarts[lineIndex] && (Content[end - 1] == '\n' || Content[end - 1] == '\r')) end--;
        return end;
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return [.. starts];
    }
}
