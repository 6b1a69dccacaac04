using CsCheck;
using Engine.Orders;
using Engine.Orders.Twap;
using Engine.Pipeline;
using Engine.Risk;
using static Engine.Tests.Orders.Twap.TwapFixture;

namespace Engine.Tests.Orders.Twap;

/// <summary>
/// Random streams of venue reports (accepts, partial and whole fills, cancels, expiries, rejects,
/// cancel rejects, fills racing a cancel), clock moves and operator actions (restrict, resume, kill,
/// cancel the parent) against one parent, with the test's own account of every child at the venue.
/// After every step: (1) what the venue could still fill plus what it filled never passes the
/// parent's total, but for fills reported after their order's cancel was confirmed (the parent had
/// already spread that quantity again; nothing can prevent it but waiting); (2) the executor's filled
/// plus working never passes it either (with the same allowance), and it never shows more filled
/// than the venue did; (3) an ended parent sends no new child. At the end (time
/// run past the schedule, cancels confirmed): the parent is over, its filled quantity is exactly the
/// venue's (fills racing a cancel included) and so is the position, its snapshot matches it, and it
/// ends Completed only with its total filled, Expired only short of it.
/// </summary>
public sealed class TwapPropertyTests
{
    private const long Total = 1_000;

    private static readonly Gen<(int Kind, int Pick, int Amount)> s_step = Gen.Select(Gen.Int[0, 99], Gen.Int[0, 999], Gen.Int[1, 400]);

    [Test]
    public void Executor_RandomVenueAndOperator_NeverCommitsMoreThanTheTotalAndCountsEveryFill()
    {
        Gen.Select(Gen.Int[0, 3], s_step.Array[1, 120]).Sample(t => new Run(t.Item1).Apply(t.Item2), iter: 300);
    }

    private sealed class VenueOrder(long id, long quantity)
    {
        public long Id { get; } = id;

        public long Quantity { get; } = quantity;

        public long Filled { get; set; }

        public bool Open { get; set; } = true;

        public bool Accepted { get; set; }

        public bool CancelRequested { get; set; }

        public bool Rejected { get; set; }

        public long Leaves => Open ? Quantity - Filled : 0;
    }

    private sealed class Run
    {
        private readonly TwapFixture _f;
        private readonly List<VenueOrder> _venue = [];
        private long _venueFilled;
        private long _lateFilled; // filled after the venue had confirmed the cancel: the parent may have sent it again already
        private long _ms;

        public Run(int mode)
        {
            _f = new TwapFixture(
                o =>
                {
                    o.TotalQuantity = Total;
                    o.Slices = 8;
                    o.DurationMs = 8_000;
                    o.ChildType = mode % 2 == 0 ? TwapChildType.Market : TwapChildType.Limit;
                    o.LimitReference = TwapLimitReference.Near;
                    o.ChildTimeInForce = mode < 2 ? TimeInForce.Day : TimeInForce.Ioc;
                    o.CancelRetryMs = 100;
                },
                r => { r.CancelBurst = 3; r.CancelsPerSecond = 5; });
            _f.Start();
            Sync(allowNew: true);
        }

        public void Apply((int Kind, int Pick, int Amount)[] steps)
        {
            foreach (var step in steps)
            {
                bool wasEnded = _f.Twap.Status is TwapStatus.Cancelled or TwapStatus.Completed or TwapStatus.Expired;
                Do(step.Kind, step.Pick, step.Amount);
                Sync(allowNew: !wasEnded);
                Check($"after step {step}");
            }
            Finish();
        }

        private void Do(int kind, int pick, int amount)
        {
            if (kind < 25)
            {
                _ms += amount * 10L;
                _f.At(_ms);
            }
            else if (kind < 50)
            {
                Fill(Pick(pick, o => o.Open), amount);
            }
            else if (kind < 60)
            {
                if (Pick(pick, o => o.Open && !o.Accepted) is { } order)
                {
                    order.Accepted = true;
                    _f.Report(ExecutionKind.Accepted, order.Id);
                }
            }
            else if (kind < 70)
            {
                if (Pick(pick, o => o.Open) is { } order)
                {
                    order.Open = false;
                    _f.Report(amount % 2 == 0 ? ExecutionKind.Canceled : ExecutionKind.Expired, order.Id);
                }
            }
            else if (kind < 80)
            {
                AnswerCancel(Pick(pick, o => o.Open && o.CancelRequested), confirm: amount % 3 != 0);
            }
            else if (kind < 85)
            {
                // A fill that raced the cancel: the venue filled shares its Canceled report had not counted.
                if (Pick(pick, o => !o.Open && !o.Rejected && o.Filled < o.Quantity) is { } order)
                {
                    long quantity = Math.Min(amount, order.Quantity - order.Filled);
                    order.Filled += quantity;
                    _venueFilled += quantity;
                    _lateFilled += quantity;
                    _f.Report(ExecutionKind.PartialFill, order.Id, quantity);
                }
            }
            else if (kind < 88)
            {
                // Not while a cancel is pending: the router's state machine takes a reject only from pending_new.
                if (Pick(pick, o => o.Open && !o.Accepted && o.Filled == 0 && !o.CancelRequested) is { } order)
                {
                    order.Open = false;
                    order.Rejected = true;
                    _f.Report(ExecutionKind.Rejected, order.Id);
                }
            }
            else if (kind < 92)
            {
                _f.Command(amount % 2 == 0 ? ControlCommand.ReduceOnly : ControlCommand.Resume);
            }
            else if (kind < 94)
            {
                _f.Command(ControlCommand.Kill);
            }
            else if (kind < 96)
            {
                _f.Twap.Cancel(_f.Clock.NowNs);
            }
            else
            {
                _f.Tick();
            }
        }

        private void Fill(VenueOrder? order, long amount)
        {
            if (order is null)
            {
                return;
            }
            long quantity = Math.Min(amount, order.Leaves);
            order.Filled += quantity;
            _venueFilled += quantity;
            order.Open = order.Filled < order.Quantity;
            _f.Report(order.Open ? ExecutionKind.PartialFill : ExecutionKind.Fill, order.Id, quantity);
        }

        private void AnswerCancel(VenueOrder? order, bool confirm)
        {
            if (order is null)
            {
                return;
            }
            order.CancelRequested = false;
            if (confirm)
            {
                order.Open = false;
                _f.Report(ExecutionKind.Canceled, order.Id);
            }
            else
            {
                order.Accepted = true; // a venue that refuses the cancel has the order
                _f.Report(ExecutionKind.CancelRejected, order.Id);
            }
        }

        private VenueOrder? Pick(int pick, Func<VenueOrder, bool> which)
        {
            var candidates = _venue.Where(which).ToList();
            return candidates.Count == 0 ? null : candidates[pick % candidates.Count];
        }

        private void Sync(bool allowNew)
        {
            foreach (var command in _f.Drain())
            {
                if (command.Kind == OrderCommandKind.New)
                {
                    Assert.That(allowNew, Is.True, "a new child after the parent ended");
                    _venue.Add(new VenueOrder(command.ClientOrderId, command.Quantity));
                }
                else if (command.Kind == OrderCommandKind.Cancel)
                {
                    var order = _venue.Single(o => o.Id == command.ClientOrderId);
                    order.CancelRequested = order.Open;
                }
            }
        }

        private string Describe()
        {
            var report = new TwapReport(_f.Options.Slices);
            _f.Stage.Snapshot!.TryRead(report);
            var venue = string.Join("; ", _venue.Select(o => $"{o.Id % 1000} {o.Filled}/{o.Quantity} open {o.Open} cancel {o.CancelRequested}"));
            return $"{report.Format(4)}{Environment.NewLine}venue: {venue}; breaker {_f.Risk.Breaker.State} {_f.Risk.Breaker.TradingState}";
        }

        private void Check(string where)
        {
            long committed = _venue.Sum(o => o.Filled + o.Leaves);
            Assert.That(committed, Is.LessThanOrEqualTo(Total + _lateFilled), $"venue committed {where}");
            Assert.That(_f.Twap.FilledQuantity + _f.Twap.WorkingQuantity, Is.LessThanOrEqualTo(Total + _lateFilled), $"executor committed {where}");
            Assert.That(_f.Twap.FilledQuantity, Is.LessThanOrEqualTo(_venueFilled), where);
        }

        private void Finish()
        {
            for (int round = 0; round < 100 && _f.Twap.IsActive; round++)
            {
                _ms += 1_000;
                _f.At(_ms);
                Sync(allowNew: true);
                foreach (var order in _venue.Where(o => o.Open && o.CancelRequested).ToList())
                {
                    AnswerCancel(order, confirm: true);
                }
                Sync(allowNew: true);
            }
            _f.Tick();
            Check("at the end");
            var twap = _f.Twap;
            Assert.That(twap.IsActive, Is.False, () => $"the parent is over once its schedule has passed and its cancels are confirmed: {Describe()}");
            Assert.That(twap.FilledQuantity, Is.EqualTo(_venueFilled), "every fill counted");
            Assert.That(_f.Risk.Positions[0].Quantity, Is.EqualTo(_venueFilled));
            var report = new TwapReport(_f.Options.Slices);
            Assert.That(_f.Stage.Snapshot!.TryRead(report), Is.True);
            Assert.That(report.Children.ToArray(), Is.EqualTo(twap.Children.ToArray()), "the snapshot holds every child as the executor does");
            Assert.That((report.Status, report.FilledQuantity), Is.EqualTo((twap.Status, twap.FilledQuantity)));
            if (twap.Status == TwapStatus.Completed)
            {
                Assert.That(twap.FilledQuantity, Is.InRange(Total, Total + _lateFilled));
            }
            else if (twap.Status == TwapStatus.Expired)
            {
                Assert.That(twap.FilledQuantity, Is.LessThan(Total + _lateFilled), "expired short of its total (a fill racing a cancel may have made it up since)");
            }
            else
            {
                Assert.That(twap.Status, Is.EqualTo(TwapStatus.Cancelled));
            }
        }
    }
}
