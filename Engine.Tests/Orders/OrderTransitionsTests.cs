using Engine.Orders;

namespace Engine.Tests.Orders;

public sealed class OrderTransitionsTests
{
    [TestCase(OrderStatus.PendingNew, ExecutionKind.Accepted, 0L, OrderStatus.New)]
    [TestCase(OrderStatus.PendingNew, ExecutionKind.Rejected, 0L, OrderStatus.Rejected)]
    [TestCase(OrderStatus.PendingNew, ExecutionKind.PartialFill, 10L, OrderStatus.PartiallyFilled)]
    [TestCase(OrderStatus.PendingNew, ExecutionKind.Fill, 100L, OrderStatus.Filled)]
    [TestCase(OrderStatus.PendingNew, ExecutionKind.Canceled, 0L, OrderStatus.Canceled)]
    [TestCase(OrderStatus.New, ExecutionKind.Accepted, 0L, OrderStatus.New)]
    [TestCase(OrderStatus.New, ExecutionKind.PartialFill, 10L, OrderStatus.PartiallyFilled)]
    [TestCase(OrderStatus.New, ExecutionKind.PendingCancel, 0L, OrderStatus.PendingCancel)]
    [TestCase(OrderStatus.New, ExecutionKind.Expired, 0L, OrderStatus.Expired)]
    [TestCase(OrderStatus.New, ExecutionKind.Replaced, 0L, OrderStatus.Replaced)]
    [TestCase(OrderStatus.PartiallyFilled, ExecutionKind.PartialFill, 20L, OrderStatus.PartiallyFilled)]
    [TestCase(OrderStatus.PartiallyFilled, ExecutionKind.Fill, 100L, OrderStatus.Filled)]
    [TestCase(OrderStatus.PendingCancel, ExecutionKind.PartialFill, 30L, OrderStatus.PendingCancel)]
    [TestCase(OrderStatus.PendingCancel, ExecutionKind.Fill, 100L, OrderStatus.Filled)]
    [TestCase(OrderStatus.PendingCancel, ExecutionKind.Canceled, 30L, OrderStatus.Canceled)]
    [TestCase(OrderStatus.PendingCancel, ExecutionKind.CancelRejected, 0L, OrderStatus.New)]
    [TestCase(OrderStatus.PendingCancel, ExecutionKind.CancelRejected, 30L, OrderStatus.PartiallyFilled)]
    [TestCase(OrderStatus.PendingCancel, ExecutionKind.Rejected, 0L, OrderStatus.Rejected)]
    [TestCase(OrderStatus.New, ExecutionKind.Rejected, 0L, OrderStatus.Rejected)]
    public void TryApply_LegalReport_MovesTheOrder(OrderStatus from, ExecutionKind kind, long filled, OrderStatus expected)
    {
        Assert.That(OrderTransitions.TryApply(from, kind, filled, out var to), Is.True);
        Assert.That(to, Is.EqualTo(expected));
    }

    [TestCase(OrderStatus.Filled, ExecutionKind.Fill)]
    [TestCase(OrderStatus.Filled, ExecutionKind.Canceled)]
    [TestCase(OrderStatus.Canceled, ExecutionKind.Accepted)]
    [TestCase(OrderStatus.Canceled, ExecutionKind.PartialFill)]
    [TestCase(OrderStatus.Rejected, ExecutionKind.Accepted)]
    [TestCase(OrderStatus.Expired, ExecutionKind.Fill)]
    [TestCase(OrderStatus.New, ExecutionKind.CancelRejected)]
    [TestCase(OrderStatus.PartiallyFilled, ExecutionKind.Rejected)]
    [TestCase(OrderStatus.PendingNew, ExecutionKind.Replaced)]
    [TestCase(OrderStatus.None, ExecutionKind.Accepted)]
    public void TryApply_IllegalReport_IsRefused(OrderStatus from, ExecutionKind kind)
    {
        Assert.That(OrderTransitions.TryApply(from, kind, 0, out _), Is.False);
    }

    [Test]
    public void TryApply_FromAFinalState_NothingIsLegal()
    {
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            if (!OrderTransitions.IsFinal(status))
            {
                continue;
            }
            foreach (var kind in Enum.GetValues<ExecutionKind>())
            {
                Assert.That(OrderTransitions.TryApply(status, kind, 0, out _), Is.False, $"{status} + {kind}");
            }
        }
    }
}
