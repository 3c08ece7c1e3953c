using SentinelContent.Core.Values;

namespace SentinelContent.Core.Tests.Values;

/// <summary>Durations as rules write them: ISO 8601, or Azure-Sentinel's short form exactly as its tooling accepts it.</summary>
public class RuleDurationTests
{
    [Theory]
    [InlineData("5m", 0, 0, 5)]
    [InlineData("1h", 0, 1, 0)]
    [InlineData("24h", 1, 0, 0)]
    [InlineData("14d", 14, 0, 0)]
    [InlineData("90m", 0, 1, 30)]
    [InlineData("PT1H", 0, 1, 0)]
    [InlineData("P1DT12H", 1, 12, 0)]
    public void Reads_the_short_form_and_iso_8601(string text, int days, int hours, int minutes)
    {
        Assert.True(RuleDuration.TryParse(text, out var value, out var error), error);
        Assert.Equal(new TimeSpan(days, hours, minutes, 0), value);
    }

    [Theory]
    [InlineData("1H", "lower case")] // Azure-Sentinel's validation test reads m, h, d only
    [InlineData("5s", "not a unit of the short form")]
    [InlineData("00:05:00", "starts with 'P'")] // .NET TimeSpan text: the validation test takes it, the ARM converter breaks it
    [InlineData("1.5h", "starts with 'P'")]
    [InlineData("h", "starts with 'P'")]
    [InlineData("99999999999d", "too long")]
    public void Refuses_what_one_of_azure_sentinels_tools_would_break_on(string text, string reason)
    {
        Assert.False(RuleDuration.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("1h", "PT1H")]
    [InlineData("5m", "PT5M")]
    [InlineData("14d", "P14D")]
    [InlineData("24h", "P1D")]
    [InlineData("PT60M", "PT1H")]
    public void Normalises_to_the_iso_text_arm_stores(string text, string iso) => Assert.Equal(iso, RuleDuration.ToIso(text));

    [Theory]
    [InlineData("P1D", "1d")]
    [InlineData("PT1H", "1h")]
    [InlineData("PT90M", "90m")]
    [InlineData("P14D", "14d")]
    [InlineData("PT36H", "36h")]
    public void Writes_the_short_form_in_the_largest_whole_unit(string iso, string expected)
    {
        Assert.True(IsoDuration.TryParse(iso, out var value));
        Assert.Equal(expected, RuleDuration.ToShort(value));
    }

    [Fact]
    public void Has_no_short_form_for_seconds() => Assert.Null(RuleDuration.ToShort(TimeSpan.FromSeconds(90)));
}
