namespace Engine.Tests.Risk;

/// <summary>Times for the breaker tests, as the loop passes them: Unix nanoseconds, UTC.</summary>
internal static class BreakerTestClock
{
    /// <summary>Monday 2026-01-05 15:00 UTC (10:00 in New York), half an hour into the session.</summary>
    public static readonly long T0 = UnixNs(new DateTime(2026, 1, 5, 15, 0, 0, DateTimeKind.Utc));

    public static long Ms(long milliseconds) => milliseconds * 1_000_000L;

    public static long UnixNs(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) * 100;
}
