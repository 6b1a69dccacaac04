using Engine.Ring;
using Engine.Ring.WaitStrategies;

namespace Engine.Tests.Ring.WaitStrategies;

public sealed class BusySpinWaitStrategyTests : WaitStrategyFixture
{
    protected override IWaitStrategy CreateWaitStrategy() => new BusySpinWaitStrategy();

    protected override bool ExpectedIsBlocking => false;

    // The consumer spins on a core of its own, and CI has two: keep the transfer short.
    protected override long TransferEvents => 20_000;
}
