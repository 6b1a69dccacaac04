using System.Diagnostics;
using Engine.Orders;
using Feeds;

namespace Engine.Tests.Orders;

/// <summary>
/// <c>orders.ackTimeoutMs</c>: an order the venue has not answered that long after its send is counted
/// once as unanswered and reported to the breaker as an error; answered, final or reused orders never are.
/// </summary>
public sealed class RouterAnswerTimeoutTests
{
    private const int TimeoutMs = 500;
    private static readonly long s_timeoutTicks = TimeoutMs * Stopwatch.Frequency / 1_000;

    private static RouterFixture Fixture(int ackTimeoutMs = TimeoutMs) =>
        new(risk => { risk.SubmitsPerSecond = 100_000; risk.SubmitBurst = 1_000; risk.MaxOpenOrders = 1_000; }, outboundSlots: 256, ackTimeoutMs: ackTimeoutMs);

    private static long Send(RouterFixture f, Side side = Side.Buy)
    {
        Assert.That(f.Submit(RouterFixture.Limit(side, 100, side == Side.Buy ? RouterFixture.Bid : RouterFixture.Ask)).Approved, Is.True);
        return f.LastCommand.ClientOrderId;
    }

    private static (long Unanswered, long Errors) Check(RouterFixture f, long nowTicks)
    {
        f.Router.CheckAnswers(nowTicks);
        f.Router.PublishSnapshot();
        return (f.Router.Snapshot.Unanswered, f.Risk.Breaker.ErrorsToday);
    }

    [Test]
    public void CheckAnswers_NoAnswerByTheTimeout_CountsItOnceAsAnErrorAndLeavesItOpen()
    {
        var f = Fixture();
        long id = Send(f);
        long sent = f.OrderOf(id).SentTicks;

        Assert.That(Check(f, sent + s_timeoutTicks - 1), Is.EqualTo((0L, 0L)), "not due yet");
        Assert.That(Check(f, sent + s_timeoutTicks), Is.EqualTo((1L, 1L)));
        Assert.That(Check(f, sent + (10 * s_timeoutTicks)), Is.EqualTo((1L, 1L)), "once");
        Assert.That(f.OrderOf(id).Status, Is.EqualTo(OrderStatus.PendingNew), "only the venue knows what became of it");
    }

    [TestCase(ExecutionKind.Accepted)]
    [TestCase(ExecutionKind.Rejected)]
    [TestCase(ExecutionKind.Canceled)]
    public void CheckAnswers_AnsweredOrFinalInTime_IsNeverCounted(ExecutionKind answer)
    {
        var f = Fixture();
        long id = Send(f);
        long sent = f.OrderOf(id).SentTicks;

        f.Report(answer, id);

        Assert.That(Check(f, sent + (10 * s_timeoutTicks)), Is.EqualTo((0L, 0L)));
    }

    [Test]
    public void CheckAnswers_CancelRequestedButNothingEverAnswered_IsCounted()
    {
        var f = Fixture();
        long id = Send(f);
        long sent = f.OrderOf(id).SentTicks;
        f.Command(Engine.Pipeline.ControlCommand.CancelAll);
        Assert.That(f.OrderOf(id).Status, Is.EqualTo(OrderStatus.PendingCancel));

        Assert.That(Check(f, sent + s_timeoutTicks), Is.EqualTo((1L, 1L)));
    }

    [Test]
    public void CheckAnswers_AnsweredOrdersBeforeAndAfter_OnlyTheSilentOneIsCounted()
    {
        var f = Fixture();
        long first = Send(f);
        long silent = Send(f, Side.Sell);
        long third = Send(f);
        f.Report(ExecutionKind.Accepted, first);
        f.Report(ExecutionKind.Accepted, third);
        long lastSent = f.OrderOf(third).SentTicks;

        Assert.That(Check(f, lastSent + s_timeoutTicks), Is.EqualTo((1L, 1L)));
        Assert.That(f.OrderOf(silent).Acknowledged, Is.False);
    }

    [Test]
    public void CheckAnswers_Off_NeverCounts()
    {
        var f = Fixture(ackTimeoutMs: 0);
        long id = Send(f);

        Assert.That(Check(f, f.OrderOf(id).SentTicks + (1_000 * s_timeoutTicks)), Is.EqualTo((0L, 0L)));
    }

    [Test]
    public void Send_MoreOrdersWithinOneTimeoutThanTheTableHolds_TheOldestAreNoLongerWatchedAndCounted()
    {
        // The table holds 64; each order is cancelled at once, so its slot is reused, but all stay awaited until a check.
        var f = Fixture();
        for (int i = 0; i < 65; i++)
        {
            f.Report(ExecutionKind.Canceled, Send(f));
            f.Venue.SetValue(f.Outbound.Cursor);
        }
        f.Router.PublishSnapshot();

        Assert.That(f.Router.Snapshot.Unwatched, Is.EqualTo(1));
        Assert.That(Check(f, Stopwatch.GetTimestamp() + s_timeoutTicks), Is.EqualTo((0L, 0L)), "all answered");
    }
}
