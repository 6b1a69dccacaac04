using System.Net.Http.Headers;
using Engine.Venues.Alpaca;

namespace Engine.Tests.Venues.Alpaca;

public sealed class AlpacaRetryPolicyTests
{
    [Test]
    public void TryGetDelay_EveryRetry_IsWithinTheDoublingCeilingUpToTheCap()
    {
        var policy = new AlpacaRetryPolicy(backoffBaseMs: 100, backoffCapMs: 1_000, maxRetries: 10, new Random(1));
        for (int retry = 0; retry < 10; retry++)
        {
            var ceiling = TimeSpan.FromMilliseconds(Math.Min(1_000, 100 * Math.Pow(2, retry)));
            for (int draw = 0; draw < 200; draw++)
            {
                Assert.That(policy.TryGetDelay(retry, null, out var delay), Is.True);
                Assert.That(delay, Is.InRange(TimeSpan.Zero, ceiling), $"retry {retry}");
            }
        }
    }

    [Test]
    public void TryGetDelay_ManyDraws_SpreadOverTheWholeRange()
    {
        // Full jitter: uniform in [0, ceiling], not ceiling/2 + jitter.
        var policy = new AlpacaRetryPolicy(1_000, 1_000, 1, new Random(2));
        var delays = Enumerable.Range(0, 1_000).Select(_ => policy.TryGetDelay(0, null, out var d) ? d.TotalMilliseconds : -1).ToArray();

        Assert.That(delays.Min(), Is.LessThan(50));
        Assert.That(delays.Max(), Is.GreaterThan(950));
    }

    [Test]
    public void TryGetDelay_RetryAfterLongerThanTheJitter_WaitsTheRetryAfter()
    {
        var policy = new AlpacaRetryPolicy(10, 5_000, 3, new Random(3));

        Assert.That(policy.TryGetDelay(0, TimeSpan.FromSeconds(2), out var delay), Is.True);
        Assert.That(delay, Is.EqualTo(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public void TryGetDelay_RetryAfterBeyondTheCap_GivesUp()
    {
        var policy = new AlpacaRetryPolicy(10, 5_000, 3, new Random(4));

        Assert.That(policy.TryGetDelay(0, TimeSpan.FromSeconds(6), out _), Is.False);
    }

    [Test]
    public void TryGetDelay_RetriesUsedUp_GivesUp()
    {
        var policy = new AlpacaRetryPolicy(10, 5_000, 2, new Random(5));

        Assert.That(policy.TryGetDelay(1, null, out _), Is.True);
        Assert.That(policy.TryGetDelay(2, null, out _), Is.False);
    }

    [Test]
    public void RetryAfterOf_Seconds_IsThatLong() =>
        Assert.That(AlpacaRetryPolicy.RetryAfterOf(new RetryConditionHeaderValue(TimeSpan.FromSeconds(3)), DateTimeOffset.UnixEpoch), Is.EqualTo(TimeSpan.FromSeconds(3)));

    [Test]
    public void RetryAfterOf_HttpDate_IsTheTimeUntilIt()
    {
        var now = new DateTimeOffset(2026, 11, 26, 14, 30, 0, TimeSpan.Zero);

        Assert.That(AlpacaRetryPolicy.RetryAfterOf(new RetryConditionHeaderValue(now.AddSeconds(7)), now), Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That(AlpacaRetryPolicy.RetryAfterOf(new RetryConditionHeaderValue(now.AddSeconds(-7)), now), Is.EqualTo(TimeSpan.Zero));
        Assert.That(AlpacaRetryPolicy.RetryAfterOf(null, now), Is.Null);
    }
}
