namespace Engine.Risk;

/// <summary>
/// The daily session start, a local time in the exchange's time zone, as Unix nanoseconds (UTC).
/// </summary>
/// <remarks>
/// Each start is converted through <see cref="TimeZoneInfo"/> for its own date, so it moves with
/// daylight saving time (09:30 New York is 14:30 UTC in winter, 13:30 in summer). A start that falls
/// in the spring-forward gap moves to the first valid minute after it; a start that falls in the
/// repeated hour of the fall-back is taken as standard time (the second occurrence), as
/// <see cref="TimeZoneInfo.ConvertTimeToUtc(DateTime, TimeZoneInfo)"/> does. Allocates nothing per
/// call; called once at construction and once per session, never per order.
/// </remarks>
internal sealed class SessionCalendar(TimeZoneInfo zone, TimeOnly localStart)
{
    private static readonly long s_epochTicks = DateTime.UnixEpoch.Ticks;

    /// <summary>The first session start strictly after <paramref name="nowNs"/>.</summary>
    public long NextStartAfter(long nowNs)
    {
        var utc = new DateTime(s_epochTicks + (nowNs / 100), DateTimeKind.Utc);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));
        long start = StartOn(today);
        return start > nowNs ? start : StartOn(today.AddDays(1));
    }

    /// <summary>The session start on the local date <paramref name="date"/>.</summary>
    public long StartOn(DateOnly date)
    {
        var local = date.ToDateTime(localStart, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        return (TimeZoneInfo.ConvertTimeToUtc(local, zone).Ticks - s_epochTicks) * 100;
    }
}
