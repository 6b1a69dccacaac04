using CsCheck;
using Feeds.Transport;

namespace Engine.Tests.Transport;

public sealed class ReconnectBackoffTests
{
    [Test]
    public void CeilingMs_DoublesPerFailure_UpToTheMaximum()
    {
        var backoff = new ReconnectBackoff(100, 1_000, new Random(1));

        long[] ceilings = [.. Enumerable.Range(0, 7).Select(n => backoff.CeilingMs(n))];

        Assert.That(ceilings, Is.EqualTo(new long[] { 100, 200, 400, 800, 1_000, 1_000, 1_000 }));
    }

    [Test]
    public void CeilingMs_HugeFailureCount_StaysAtTheMaximum()
    {
        var backoff = new ReconnectBackoff(1, 600_000, new Random(1));

        Assert.That(backoff.CeilingMs(int.MaxValue), Is.EqualTo(600_000));
    }

    [Test]
    public void NextDelay_AnyFailureCount_LiesBetweenZeroAndTheCeiling()
    {
        Gen.Select(Gen.Int[1, 10_000], Gen.Int[0, 200_000], Gen.Int[0, 100], Gen.Int).Sample((initial, extra, failures, seed) =>
        {
            var backoff = new ReconnectBackoff(initial, initial + extra, new Random(seed));
            double delayMs = backoff.NextDelay(failures).TotalMilliseconds;
            return delayMs >= 0 && delayMs <= backoff.CeilingMs(failures);
        });
    }

    [Test]
    public void NextDelay_FullJitter_SpreadsOverTheWholeRange()
    {
        var backoff = new ReconnectBackoff(1_000, 1_000, new Random(42));

        var delays = Enumerable.Range(0, 1_000).Select(_ => backoff.NextDelay(0).TotalMilliseconds).ToList();

        Assert.That(delays.Min(), Is.LessThan(100));
        Assert.That(delays.Max(), Is.GreaterThan(900));
    }

    [Test]
    public void NextDelay_SameSeed_GivesTheSameDelays()
    {
        var first = new ReconnectBackoff(10, 5_000, new Random(9));
        var second = new ReconnectBackoff(10, 5_000, new Random(9));

        for (int failures = 0; failures < 20; failures++)
        {
            Assert.That(second.NextDelay(failures), Is.EqualTo(first.NextDelay(failures)));
        }
    }
}
