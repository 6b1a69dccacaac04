using Engine.Ring.WaitStrategies;

namespace Engine.Tests.Ring.WaitStrategies;

public sealed class WaitStrategyFactoryTests
{
    [TestCase(WaitStrategyKind.BusySpin, typeof(BusySpinWaitStrategy))]
    [TestCase(WaitStrategyKind.Yielding, typeof(YieldingWaitStrategy))]
    [TestCase(WaitStrategyKind.Sleeping, typeof(SleepingWaitStrategy))]
    [TestCase(WaitStrategyKind.Blocking, typeof(BlockingWaitStrategy))]
    public void Create_Kind_ReturnsMatchingStrategy(WaitStrategyKind kind, Type expected)
    {
        Assert.That(WaitStrategyFactory.Create(kind), Is.TypeOf(expected));
    }

    [Test]
    public void Create_SameKindTwice_ReturnsSeparateInstances()
    {
        var first = WaitStrategyFactory.Create(WaitStrategyKind.Blocking);
        var second = WaitStrategyFactory.Create(WaitStrategyKind.Blocking);

        Assert.That(second, Is.Not.SameAs(first), "a blocking strategy's monitor must not be shared between rings");
    }

    [Test]
    public void Create_UndefinedKind_ThrowsArgumentOutOfRangeException()
    {
        Assert.That(() => WaitStrategyFactory.Create((WaitStrategyKind)99), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
