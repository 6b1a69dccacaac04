using Engine.Pipeline;

namespace Engine.Tests.Support;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(long nowNs) : IClock
{
    public long NowNs { get; set; } = nowNs;

    public long UtcNowNs() => NowNs;
}
