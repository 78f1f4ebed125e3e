using CallFlows.LocalHost.Functions;

namespace CallFlows.Tests.Engine;

/// <summary>The local host reads [TimerTrigger] schedules as the Functions host does: NCRONTAB with seconds (or five fields), or a TimeSpan.</summary>
public sealed class TimerFunctionRunnerTests
{
    static readonly DateTime Start = new(2026, 11, 30, 18, 0, 7, DateTimeKind.Utc);

    [Theory]
    [InlineData("0 */1 * * * *", "2026-11-30T18:01:00")]
    [InlineData("*/5 * * * * *", "2026-11-30T18:00:10")]
    [InlineData("30 9 * * * *", "2026-11-30T18:09:30")]
    [InlineData("*/15 * * * *", "2026-11-30T18:15:00")]
    [InlineData("00:00:30", "2026-11-30T18:00:37")]
    [InlineData("01:00:00", "2026-11-30T19:00:07")]
    public void Parse_NcrontabOrTimeSpan_GivesTheNextOccurrence(string schedule, string expected)
    {
        Func<DateTime, DateTime>? next = TimerFunctionRunner.Parse(schedule);

        next.Should().NotBeNull();
        next!(Start).Should().Be(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal));
    }

    [Theory]
    [InlineData("every minute")]
    [InlineData("61 * * * * *")]
    [InlineData("* * * *")]
    [InlineData("-00:00:05")]
    public void Parse_Invalid_ReturnsNull(string schedule) => TimerFunctionRunner.Parse(schedule).Should().BeNull();
}
