using System.Diagnostics;
using Engine.Pipeline;

namespace Engine.Tests.Pipeline;

public sealed class SystemClockTests
{
    // The clock and the stopwatch are read a few instructions apart; a VM may stall between them.
    private const long ToleranceNs = 50_000_000;

    [Test]
    public void UtcNsAt_AStampTakenNow_IsNow()
    {
        var clock = new SystemClock();

        long at = clock.UtcNsAt(Stopwatch.GetTimestamp());
        long now = clock.UtcNowNs();

        Assert.That(now - at, Is.InRange(0L - ToleranceNs, ToleranceNs));
    }

    [Test]
    public void UtcNsAt_TwoStampsWithinTheAnchorsSecond_AreAsFarApartAsTheStopwatchSays()
    {
        var clock = new SystemClock();
        long first = Stopwatch.GetTimestamp();
        long second = first + (Stopwatch.Frequency / 1_000);

        long gapNs = clock.UtcNsAt(second) - clock.UtcNsAt(first);

        Assert.That(gapNs, Is.EqualTo(1_000_000));
    }

    [Test]
    public void UtcNsAt_AStampMoreThanASecondPastTheAnchor_IsConvertedFromAFreshAnchor()
    {
        var clock = new SystemClock();
        clock.UtcNsAt(Stopwatch.GetTimestamp());
        long twoSecondsAhead = Stopwatch.GetTimestamp() + (2 * Stopwatch.Frequency);

        long at = clock.UtcNsAt(twoSecondsAhead);

        Assert.That(at - clock.UtcNowNs(), Is.InRange(2_000_000_000 - ToleranceNs, 2_000_000_000 + ToleranceNs));
    }

    [Test]
    public void UtcNsAt_NoStampOrOneFromLongBefore_ReadsTheClock()
    {
        var clock = new SystemClock();
        clock.UtcNsAt(Stopwatch.GetTimestamp());

        long unstamped = clock.UtcNsAt(0);
        long stale = clock.UtcNsAt(Stopwatch.GetTimestamp() - (10 * Stopwatch.Frequency));
        long now = clock.UtcNowNs();

        Assert.That(now - unstamped, Is.InRange(0L - ToleranceNs, ToleranceNs));
        Assert.That(now - stale, Is.InRange(0L - ToleranceNs, ToleranceNs), "not ten seconds ago");
    }
}
