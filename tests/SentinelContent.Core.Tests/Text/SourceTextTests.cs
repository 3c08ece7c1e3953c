using SentinelContent.Core.Text;

namespace SentinelContent.Core.Tests.Text;

public class SourceTextTests
{
    [Theory]
    [InlineData("ab\ncd", 0, 1, 1)]
    [InlineData("ab\ncd", 2, 1, 3)]
    [InlineData("ab\ncd", 3, 2, 1)]
    [InlineData("ab\r\ncd", 4, 2, 1)]
    [InlineData("ab\rcd", 3, 2, 1)]
    [InlineData("ab\ncd", 99, 2, 3)]
    public void Offsets_map_to_one_based_lines_and_columns(string text, int offset, int line, int column)
    {
        var source = new SourceText("f", text);
        Assert.Equal(new LinePosition(line, column), source.GetLinePosition(offset));
    }

    [Fact]
    public void Line_text_excludes_the_line_break()
    {
        var source = new SourceText("f", "first\r\nsecond\nthird");
        Assert.Equal("first", source.GetLineText(1));
        Assert.Equal("second", source.GetLineText(2));
        Assert.Equal("third", source.GetLineText(3));
        Assert.Equal(string.Empty, source.GetLineText(4));
        Assert.Equal(7, source.GetOffset(new LinePosition(2, 1)));
    }
}
