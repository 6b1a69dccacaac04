using Engine.Risk;

namespace Engine.Tests.Risk;

public sealed class TokenBucketTests
{
    private const long T0 = 5_000_000_000;

    [Test]
    public void TryTake_FullBucket_GivesTheBurstThenRefusesUntilAWholePeriod()
    {
        var bucket = new TokenBucket(capacity: 3, perSecond: 4, T0);

        Assert.That(Take(ref bucket, 5, T0), Is.EqualTo(3));
        Assert.That(bucket.TryTake(T0 + 249_999_999), Is.False);
        Assert.That(bucket.TryTake(T0 + 250_000_000), Is.True);
        Assert.That(bucket.TryTake(T0 + 250_000_000), Is.False);
    }

    [Test]
    public void Available_PartialPeriods_CarryOverToTheNextRefill()
    {
        var bucket = new TokenBucket(capacity: 10, perSecond: 4, T0);
        Take(ref bucket, 10, T0);

        Assert.That(bucket.Available(T0 + 400_000_000), Is.EqualTo(1));
        Assert.That(bucket.Available(T0 + 500_000_000), Is.EqualTo(2), "the 150 ms left over count toward the second token");
    }

    [Test]
    public void Available_LongIdle_CapsAtTheCapacity()
    {
        var bucket = new TokenBucket(capacity: 3, perSecond: 4, T0);
        Take(ref bucket, 3, T0);

        Assert.That(bucket.Available(T0 + 3_600_000_000_000), Is.EqualTo(3));
    }

    [Test]
    public void TryTake_ClockGoesBackwards_RefillsNothing()
    {
        var bucket = new TokenBucket(capacity: 1, perSecond: 1, T0);
        Take(ref bucket, 1, T0);

        Assert.That(bucket.TryTake(T0 - 5_000_000_000), Is.False);
        Assert.That(bucket.TryTake(T0 + 1_000_000_000), Is.True);
    }

    private static int Take(ref TokenBucket bucket, int attempts, long nowNs)
    {
        int taken = 0;
        for (int i = 0; i < attempts; i++)
        {
            taken += bucket.TryTake(nowNs) ? 1 : 0;
        }
        return taken;
    }
}
