using SentinelContent.Core.Text;

namespace SentinelContent.Core.Tests.Input;

/// <summary>Workspace text printed to a terminal cannot drive it (issue 24, S4).</summary>
public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("\u001b[2J\u001b[31mred", "\\x1b[2J\\x1b[31mred")]
    [InlineData("\u001b]52;c;ZWNobyBoaQ==\u0007", "\\x1b]52;c;ZWNobyBoaQ==\\x07")]
    [InlineData("ok\rEVIL", "ok\\x0dEVIL")]
    [InlineData("a\u009bb", "a\\x9bb")]
    [InlineData("\u202etxt.exe", "\\u202etxt.exe")]
    [InlineData("x\u2028y", "x\\u2028y")]
    public void Control_sequences_are_shown_not_obeyed(string hostile, string shown)
    {
        Assert.Equal(shown, TerminalText.Escape(hostile));
        Assert.False(TerminalText.IsSafe(hostile));
        Assert.DoesNotContain('\u001b', TerminalText.Escape(hostile));
    }

    [Fact]
    public void Ordinary_text_passes_unchanged()
    {
        foreach (var text in new[] { "Sign-ins from a rare country", "Déjà vu – 名前 🙂", "" })
        {
            Assert.Equal(text, TerminalText.Escape(text));
            Assert.True(TerminalText.IsSafe(text));
        }
        Assert.Equal("two\nlines\\x0d", TerminalText.EscapeKeepingLines("two\nlines\r"));
        Assert.Equal("lone \\ud800", TerminalText.Escape("lone \ud800"));
    }
}
