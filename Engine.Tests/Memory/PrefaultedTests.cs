using Engine.Memory;
using Engine.Orders;
using Engine.Tests.Support;

namespace Engine.Tests.Memory;

/// <summary>Pre-sized state is in memory before the first event: no page fault waits for the hot path.</summary>
public sealed class PrefaultedTests
{
    [Test]
    public void Array_64MegaBytes_EveryPageInMemoryAndZero()
    {
        var array = Prefaulted.Array<long>(8 << 20);

        Assert.That(Residency.PagesNotInMemory(ref array[0], ref array[^1]), Is.Zero);
        Assert.That(array.AsSpan().ContainsAnyExcept(0L), Is.False);
    }

    [Test]
    public void OrderTable_AtConstruction_EveryOrderSlotInMemory()
    {
        var table = new OrderTable(65_536);

        Assert.That(Residency.PagesNotInMemory(ref table[0], ref table[65_535]), Is.Zero);
    }

    [Test]
    public void Touch_AnArray_ZeroesItAndReturnsIt()
    {
        int[] array = [1, 2, 3];

        Assert.That(Prefaulted.Touch(array), Is.SameAs(array));
        Assert.That(array, Is.EqualTo(new[] { 0, 0, 0 }));
    }
}
