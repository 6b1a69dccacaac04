using Engine.Risk;
using static Engine.Tests.Risk.BreakerTestClock;

namespace Engine.Tests.Risk;

/// <summary>Session starts in New York across the 2026 changes: summer time from 8 March, winter time from 1 November.</summary>
public sealed class SessionCalendarTests
{
    private static readonly TimeZoneInfo s_newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static long Utc(int month, int day, int hour, int minute) => UnixNs(new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Utc));

    [Test]
    public void StartOn_WinterAndSummer_Is1430And1330Utc()
    {
        var calendar = new SessionCalendar(s_newYork, new TimeOnly(9, 30));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(calendar.StartOn(new DateOnly(2026, 3, 6)), Is.EqualTo(Utc(3, 6, 14, 30)));
            Assert.That(calendar.StartOn(new DateOnly(2026, 3, 9)), Is.EqualTo(Utc(3, 9, 13, 30)));
            Assert.That(calendar.StartOn(new DateOnly(2026, 10, 30)), Is.EqualTo(Utc(10, 30, 13, 30)));
            Assert.That(calendar.StartOn(new DateOnly(2026, 11, 2)), Is.EqualTo(Utc(11, 2, 14, 30)));
        }
    }

    [Test]
    public void NextStartAfter_SpringForwardWeekend_IsOneHourEarlierInUtc()
    {
        var calendar = new SessionCalendar(s_newYork, new TimeOnly(9, 30));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(calendar.NextStartAfter(Utc(3, 7, 15, 0)), Is.EqualTo(Utc(3, 8, 13, 30)));
            Assert.That(calendar.NextStartAfter(Utc(3, 8, 13, 30) - 1), Is.EqualTo(Utc(3, 8, 13, 30)));
            Assert.That(calendar.NextStartAfter(Utc(3, 8, 13, 30)), Is.EqualTo(Utc(3, 9, 13, 30)));
        }
    }

    [Test]
    public void NextStartAfter_LateEveningLocal_IsTomorrowsStart()
    {
        var calendar = new SessionCalendar(s_newYork, new TimeOnly(9, 30));

        // 2026-01-06 03:00 UTC is 22:00 on the 5th in New York.
        Assert.That(calendar.NextStartAfter(Utc(1, 6, 3, 0)), Is.EqualTo(Utc(1, 6, 14, 30)));
    }

    [Test]
    public void StartOn_InTheSpringForwardGap_MovesToTheFirstValidMinute()
    {
        var calendar = new SessionCalendar(s_newYork, new TimeOnly(2, 30));

        // 02:00-03:00 does not exist on 8 March; 03:00 EDT is 07:00 UTC.
        Assert.That(calendar.StartOn(new DateOnly(2026, 3, 8)), Is.EqualTo(Utc(3, 8, 7, 0)));
    }

    [Test]
    public void StartOn_InTheRepeatedFallBackHour_TakesStandardTime()
    {
        var calendar = new SessionCalendar(s_newYork, new TimeOnly(1, 30));

        // 01:30 happens twice on 1 November; the second, EST, is 06:30 UTC.
        Assert.That(calendar.StartOn(new DateOnly(2026, 11, 1)), Is.EqualTo(Utc(11, 1, 6, 30)));
    }

    [Test]
    public void Tick_AcrossTheSpringForward_ResetsAt1330UtcNot1430()
    {
        var breaker = new CircuitBreaker(new BreakerOptions { SessionStart = "09:30", TimeZone = "America/New_York" }, Utc(3, 6, 15, 0));
        Assert.That(breaker.NextSessionStartNs, Is.EqualTo(Utc(3, 7, 14, 30)));
        breaker.Tick(Utc(3, 7, 14, 30));
        breaker.OnReject(Utc(3, 7, 20, 0));

        breaker.Tick(Utc(3, 8, 13, 30) - 1);
        Assert.That(breaker.RejectsToday, Is.EqualTo(1));
        breaker.Tick(Utc(3, 8, 13, 30));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(breaker.RejectsToday, Is.Zero);
            Assert.That(breaker.DailyResets, Is.EqualTo(2));
            Assert.That(breaker.NextSessionStartNs, Is.EqualTo(Utc(3, 9, 13, 30)));
        }
    }

    [Test]
    public void Tick_AcrossTheFallBack_ResetsAt1430Utc()
    {
        var breaker = new CircuitBreaker(new BreakerOptions(), Utc(10, 31, 18, 0));
        Assert.That(breaker.NextSessionStartNs, Is.EqualTo(Utc(11, 1, 14, 30)));
        breaker.OnError(Utc(11, 1, 13, 30));

        breaker.Tick(Utc(11, 1, 13, 30));
        Assert.That(breaker.ErrorsToday, Is.EqualTo(1));
        breaker.Tick(Utc(11, 1, 14, 30));

        Assert.That(breaker.ErrorsToday, Is.Zero);
    }
}
