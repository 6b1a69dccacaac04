using Engine.Ring;
using Engine.Ring.WaitStrategies;

namespace Engine.Tests.Ring.WaitStrategies;

public sealed class YieldingWaitStrategyTests : WaitStrategyFixture
{
    protected override IWaitStrategy CreateWaitStrategy() => new YieldingWaitStrategy();

    protected override bool ExpectedIsBlocking => false;
}
