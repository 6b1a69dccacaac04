using Engine.Orders;

namespace Engine.Tests.Orders;

public sealed class OrderTableTests
{
    [Test]
    public void Add_DuplicateId_IsRefused()
    {
        var table = new OrderTable(4);

        Assert.That(table.Add(7), Is.GreaterThanOrEqualTo(0));
        Assert.That((table.CanAdd(7), table.CanAdd(8)), Is.EqualTo((false, true)));
        Assert.That(table.Add(7), Is.EqualTo(-1));
        Assert.That(table.OpenCount, Is.EqualTo(1));
    }

    [Test]
    public void CanAdd_IdsAddedOutOfOrder_StillSeesEveryTakenId()
    {
        var table = new OrderTable(8);
        table.Add(10);
        table.Add(5);

        Assert.That((table.CanAdd(5), table.CanAdd(10), table.CanAdd(7), table.CanAdd(11)), Is.EqualTo((false, false, true, true)));
    }

    [Test]
    public void Add_EverySlotOpen_IsRefused()
    {
        var table = new OrderTable(2);
        table.Add(1);
        table.Add(2);

        Assert.That(table.CanAdd(3), Is.False);
        Assert.That(table.Add(3), Is.EqualTo(-1));
    }

    [Test]
    public void Retire_FinalOrder_StaysFindableUntilItsSlotIsReusedOldestFirst()
    {
        var table = new OrderTable(2);
        int first = table.Add(1);
        int second = table.Add(2);
        table[first].Status = OrderStatus.Filled;
        table.Retire(first);
        table[second].Status = OrderStatus.Canceled;
        table.Retire(second);

        Assert.That((table.Find(1), table.Find(2), table.OpenCount), Is.EqualTo((first, second, 0)));

        int third = table.Add(3);

        Assert.That(third, Is.EqualTo(first), "the oldest final order's slot goes first");
        Assert.That((table.Find(1), table.Find(2), table.Find(3)), Is.EqualTo((-1, second, third)));
        Assert.That(table[third].Status, Is.EqualTo(OrderStatus.PendingNew));
    }
}
