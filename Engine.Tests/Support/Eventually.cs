using System.Diagnostics;

namespace Engine.Tests.Support;

/// <summary>Polls a condition that another thread will make true, with a deadline instead of a sleep.</summary>
internal static class Eventually
{
    /// <summary>Returns once <paramref name="condition"/> holds; fails the test after <paramref name="timeout"/>.</summary>
    public static void Until(Func<bool> condition, TimeSpan timeout, string what)
    {
        var elapsed = Stopwatch.StartNew();
        var spin = new SpinWait();
        while (!condition())
        {
            if (elapsed.Elapsed > timeout)
            {
                Assert.Fail($"gave up after {timeout} waiting until {what}");
            }
            spin.SpinOnce(); // spins, then yields, then sleeps: cheap on a two-core machine
        }
    }
}
