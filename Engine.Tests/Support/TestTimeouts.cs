namespace Engine.Tests.Support;

/// <summary>
/// How long a test waits for another thread before it fails. Generous on purpose: they only
/// exist so that a bug fails the test instead of hanging the run, never to measure speed.
/// </summary>
internal static class TestTimeouts
{
    /// <summary>For a thread that has a small, bounded amount of work left.</summary>
    public static readonly TimeSpan Join = TimeSpan.FromSeconds(30);

    /// <summary>For runs of millions of events on a slow, shared two-core machine.</summary>
    public static readonly TimeSpan LongRun = TimeSpan.FromSeconds(120);

    /// <summary>
    /// How long a thread that must be blocked is given to (wrongly) finish. A blocked thread never
    /// finishes, so this cannot fail a correct implementation however slow the machine is.
    /// </summary>
    public static readonly TimeSpan StillBlocked = TimeSpan.FromMilliseconds(200);
}
