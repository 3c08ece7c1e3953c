using SentinelContent.Core.Values;

namespace SentinelContent.Core.Tests.Values;

public class IsoDurationTests
{
    [Theory]
    [InlineData("PT5M", 0, 0, 5, 0)]
    [InlineData("PT1H", 0, 1, 0, 0)]
    [InlineData("P1D", 1, 0, 0, 0)]
    [InlineData("P14D", 14, 0, 0, 0)]
    [InlineData("P1DT12H", 1, 12, 0, 0)]
    [InlineData("PT24H", 1, 0, 0, 0)]
    [InlineData("PT90S", 0, 0, 1, 30)]
    [InlineData("P1W", 7, 0, 0, 0)]
    public void Parses_the_forms_sentinel_uses(string text, int days, int hours, int minutes, int seconds)
    {
        Assert.True(IsoDuration.TryParse(text, out var value));
        Assert.Equal(new TimeSpan(days, hours, minutes, seconds), value);
    }

    [Theory]
    [InlineData("5m", "starts with 'P'")]
    [InlineData("P5M", "years and months")]
    [InlineData("PT", "no parts")]
    [InlineData("P1H", "not a date unit")]
    [InlineData("PT1D", "not a time unit")]
    [InlineData("P1DT", "no parts")]
    [InlineData("PTxM", "number followed by a unit")]
    public void Refuses_other_forms_with_a_reason(string text, string reason)
    {
        Assert.False(IsoDuration.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData(0, 0, 5, "PT5M")]
    [InlineData(1, 0, 0, "P1D")]
    [InlineData(1, 2, 0, "P1DT2H")]
    public void Formats_like_sentinel(int days, int hours, int minutes, string expected) =>
        Assert.Equal(expected, IsoDuration.Format(new TimeSpan(days, hours, minutes, 0)));

    [Fact]
    public void Suggests_the_closest_name()
    {
        Assert.Equal("severity", Similarity.ClosestMatch("severty", ["severity", "status", "query"]));
        Assert.Null(Similarity.ClosestMatch("zzzzzz", ["severity", "status"]));
    }
}
