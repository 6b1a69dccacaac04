using Engine.Ring;
using Engine.Ring.WaitStrategies;

namespace Engine.Tests.Ring.WaitStrategies;

public sealed class SleepingWaitStrategyTests : WaitStrategyFixture
{
    protected override IWaitStrategy CreateWaitStrategy() => new SleepingWaitStrategy();

    protected override bool ExpectedIsBlocking => false;
}
