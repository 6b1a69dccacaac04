using Engine.Admin;
using Engine.Orders;
using Engine.Orders.Twap;
using Engine.Pipeline;
using Feeds;

namespace Engine.Tests.Orders.Twap;

/// <summary>The stage as the host builds it: parents from the <see cref="Mailbox{T}"/>, started and cancelled by commands, answered into the <see cref="AdminMailbox"/>.</summary>
public sealed class TwapStageCommandTests
{
    private TwapFixture _f = null!;
    private Mailbox<TwapParent> _parents = null!;
    private AdminMailbox _admin = null!;
    private TwapStage _stage = null!;
    private long _request;

    [SetUp]
    public void SetUp()
    {
        _f = new TwapFixture();
        _parents = new Mailbox<TwapParent>();
        _admin = new AdminMailbox(16);
        _stage = new TwapStage(_f.Clock, _f.Router.Ids, _parents, _admin);
    }

    [Test]
    public void OnEvent_NoParentYet_ChangesNothing()
    {
        Run(new InboundEvent { Kind = InboundKind.MarketData });
        Command(ControlCommand.None);

        Assert.That((_stage.Executor, _stage.Snapshot), Is.EqualTo(((TwapExecutor?)null, (TwapSnapshot?)null)));
        Assert.That(_f.Drain(), Is.Empty);
    }

    [Test]
    public void StartTwap_PostedParent_StartsItSendsTheFirstSliceAndAnswersItsId()
    {
        var parent = Post(500, 5);

        Command(ControlCommand.StartTwap);

        Assert.That(_admin.Found, Is.True);
        Assert.That(parent.Executor.ParentId, Is.EqualTo(_admin.ClientOrderId).And.Not.Zero);
        Assert.That(_stage.Executor, Is.SameAs(parent.Executor));
        var sent = _f.SingleNew();
        Assert.That(sent.Quantity, Is.EqualTo(100));
        Command(ControlCommand.None);
        Assert.That(parent.Executor.Children[0].Status, Is.EqualTo(OrderStatus.PendingNew), "the next event finds it in the order table");
        Assert.That(_f.Router.Orders[_f.Router.Orders.Find(sent.ClientOrderId)].ParentId, Is.EqualTo(parent.Executor.ParentId));
        var report = new TwapReport(5);
        Assert.That(parent.Snapshot.TryRead(report), Is.True);
        Assert.That((report.Status, report.ChildrenSent), Is.EqualTo((TwapStatus.Working, 1)), "published before the answer");
    }

    [Test]
    public void StartTwap_WhileAParentIsActive_IsRefusedWithTheActiveParentsId()
    {
        var first = Post(500, 5);
        Command(ControlCommand.StartTwap);
        _f.Drain();
        var second = Post(100, 1);

        Command(ControlCommand.StartTwap);

        Assert.That((_admin.Found, _admin.ClientOrderId), Is.EqualTo((false, first.Executor.ParentId)));
        Assert.That(second.Executor.Status, Is.EqualTo(TwapStatus.None));
        Assert.That(_stage.Executor, Is.SameAs(first.Executor));
    }

    [Test]
    public void CancelTwap_ActiveParent_CancelsItThenNothingIsLeftToCancel()
    {
        var parent = Post(500, 5);
        Command(ControlCommand.StartTwap);
        var child = _f.SingleNew();
        Run(new InboundEvent { Kind = InboundKind.Execution, Execution = new ExecutionReport { Kind = ExecutionKind.Accepted, ClientOrderId = child.ClientOrderId, Side = Side.Buy } });

        Command(ControlCommand.CancelTwap);

        Assert.That((_admin.Found, _admin.ClientOrderId), Is.EqualTo((true, parent.Executor.ParentId)));
        Assert.That(parent.Executor.Status, Is.EqualTo(TwapStatus.Cancelled));
        var cancel = _f.Drain().Single();
        Assert.That((cancel.Kind, cancel.ClientOrderId), Is.EqualTo((OrderCommandKind.Cancel, child.ClientOrderId)));
        Command(ControlCommand.CancelTwap);
        Assert.That(_admin.Found, Is.False);
    }

    private TwapParent Post(long quantity, int slices)
    {
        var options = new TwapOptions { TotalQuantity = quantity, Slices = slices, DurationMs = 10_000 };
        var parent = new TwapParent(new TwapExecutor(options, _f.Books, _f.Risk, _f.Router), new TwapSnapshot(slices));
        _parents.Post(parent);
        return parent;
    }

    private void Command(ControlCommand command)
    {
        long request = ++_request;
        Run(new InboundEvent { Kind = InboundKind.Command, Command = command, RequestId = request });
        if (command is ControlCommand.StartTwap or ControlCommand.CancelTwap)
        {
            Assert.That(_admin.WaitFor(request, TimeSpan.Zero), Is.True, "answered in the same event");
        }
    }

    private void Run(InboundEvent e) => _f.Run(e, _stage);
}
