namespace Engine.Risk;

/// <summary>
/// Hands reloaded <see cref="RiskLimits"/> from the thread that built them to the loop: the reloader
/// posts, then publishes <see cref="Pipeline.ControlCommand.ApplyRiskLimits"/> into the inbound ring;
/// the loop takes the limits when that command reaches it.
/// </summary>
/// <remarks>One reference swapped atomically, no lock: a second post before the loop takes the first replaces it (the newest config wins).</remarks>
public sealed class RiskLimitsMailbox
{
    private RiskLimits? _pending;

    /// <summary>Leaves <paramref name="limits"/> for the loop. Any thread.</summary>
    public void Post(RiskLimits limits) => Volatile.Write(ref _pending, limits);

    /// <summary>The limits posted since the last take, or null. Loop thread.</summary>
    public RiskLimits? Take() => Interlocked.Exchange(ref _pending, null);
}
