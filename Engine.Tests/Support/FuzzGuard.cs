namespace Engine.Tests.Support;

/// <summary>Runs a fuzz test's body on another thread, so a decoder that loops forever fails the test instead of hanging the run.</summary>
internal static class FuzzGuard
{
    /// <summary>Runs <paramref name="body"/> and asserts it finished within <see cref="TestTimeouts.LongRun"/> (its exceptions fail the test).</summary>
    public static void AssertCompletes(Action body)
    {
        var run = Task.Run(body);
        Assert.That(run.Wait(TestTimeouts.LongRun), Is.True, "the fuzz run did not finish: a decoder hangs");
    }
}
