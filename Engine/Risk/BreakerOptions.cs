using System.Globalization;

namespace Engine.Risk;

/// <summary>Settings of the <see cref="CircuitBreaker"/> and the kill switch (config section <c>risk.breaker</c>, not wired yet).</summary>
public sealed record BreakerOptions
{
    /// <summary>How long the breaker stays Open after a trip before it may try a probe.</summary>
    public int CoolDownMs { get; set; } = 60_000;

    /// <summary>Rejects within <see cref="RejectWindowMs"/> that trip the breaker.</summary>
    public int MaxRejects { get; set; } = 20;

    /// <summary>The sliding window of <see cref="MaxRejects"/>.</summary>
    public int RejectWindowMs { get; set; } = 10_000;

    /// <summary>Errors (venue errors, order-path faults) within <see cref="ErrorWindowMs"/> that trip the breaker.</summary>
    public int MaxErrors { get; set; } = 5;

    /// <summary>The sliding window of <see cref="MaxErrors"/>.</summary>
    public int ErrorWindowMs { get; set; } = 60_000;

    /// <summary>Largest quantity of the probe order allowed in HalfOpen.</summary>
    public long ProbeMaxQuantity { get; set; } = 100;

    /// <summary>Largest notional of the probe order, in cents of the account currency.</summary>
    public long ProbeMaxNotionalCents { get; set; } = 1_000_000;

    /// <summary>How long a probe may go without an outcome before it counts as failed.</summary>
    public int ProbeTimeoutMs { get; set; } = 5_000;

    /// <summary>When daily counters reset: a local time <c>HH:mm</c> in <see cref="TimeZone"/>.</summary>
    public string SessionStart { get; set; } = "09:30";

    /// <summary>The exchange's IANA time zone.</summary>
    public string TimeZone { get; set; } = "America/New_York";

    /// <summary>Whether a manual kill asks the router to cancel every open order.</summary>
    public bool CancelAllOnKill { get; set; } = true;

    /// <summary>Whether a manual kill asks the router to close every position as well.</summary>
    public bool FlattenOnKill { get; set; }

    /// <summary>Slots of the transition log drained by other threads; a power of two.</summary>
    public int EventLogCapacity { get; set; } = 1_024;

    /// <summary>Adds every problem with these options to <paramref name="errors"/>.</summary>
    public void Validate(string path, List<string> errors)
    {
        CheckRange(errors, path, "coolDownMs", CoolDownMs, 1, 86_400_000);
        CheckRange(errors, path, "maxRejects", MaxRejects, 1, 100_000);
        CheckRange(errors, path, "rejectWindowMs", RejectWindowMs, 1, 86_400_000);
        CheckRange(errors, path, "maxErrors", MaxErrors, 1, 100_000);
        CheckRange(errors, path, "errorWindowMs", ErrorWindowMs, 1, 86_400_000);
        CheckRange(errors, path, "probeMaxQuantity", ProbeMaxQuantity, 1, 1_000_000_000);
        CheckRange(errors, path, "probeMaxNotionalCents", ProbeMaxNotionalCents, 1, 1_000_000_000_000);
        CheckRange(errors, path, "probeTimeoutMs", ProbeTimeoutMs, 1, 3_600_000);
        if (!TryParseSessionStart(out _))
        {
            errors.Add($"{path}.sessionStart: '{SessionStart}' must be a local time HH:mm (00:00..23:59)");
        }
        if (!TryFindTimeZone(out _))
        {
            errors.Add($"{path}.timeZone: '{TimeZone}' is not a known time zone (an IANA name such as America/New_York)");
        }
        if (EventLogCapacity < 16 || EventLogCapacity > 65_536 || !int.IsPow2(EventLogCapacity))
        {
            errors.Add($"{path}.eventLogCapacity: {EventLogCapacity} must be a power of two in 16..65536");
        }
    }

    internal bool TryParseSessionStart(out TimeOnly start) =>
        TimeOnly.TryParseExact(SessionStart, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out start);

    internal bool TryFindTimeZone(out TimeZoneInfo? zone)
    {
        zone = null;
        return !string.IsNullOrWhiteSpace(TimeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out zone);
    }

    private static void CheckRange(List<string> errors, string path, string key, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{path}.{key}: {value} is outside {min}..{max}");
        }
    }
}
