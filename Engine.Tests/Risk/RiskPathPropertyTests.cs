using CsCheck;
using Engine.Book;
using Engine.Pipeline;
using Engine.Positions;
using Engine.Risk;
using Engine.Slippage;
using Engine.Tests.Support;
using Feeds;
using static Engine.Tests.Book.BookEvents;

namespace Engine.Tests.Risk;

/// <summary>
/// The whole risk path as the loop runs it: random streams of market events (instrument 0's touch
/// and depth, trades on instrument 1, feed-wide stale / gap / connected, snapshots), strategy
/// intents through <see cref="RiskStage.Submit"/>, fills, cancels, operator commands and limit
/// reloads, with time moving and the breaker ticking at the first event of each batch. The test keeps its own
/// positions, open orders and notionals, and after every step checks: (1) no approved order takes a
/// position (with the open orders of its side), the gross exposure, the open-order or engaged-instrument
/// count, or the approved submits past the limits in force; (2) nothing but cancels is approved while
/// the breaker is Open or ResetPending or the kill switch is engaged, only reducing orders while the
/// operator restricts, and in HalfOpen one probe at a time within the probe limits; (3) a daily loss
/// past the limit leaves the breaker not Closed unless the operator resumed after it tripped; (4) the
/// engine's and the breaker's invariants hold.
/// </summary>
public sealed class RiskPathPropertyTests
{
    /// <summary>Kind 0..99 (weights in <see cref="PathRun.Apply"/>), instrument, lots, price steps, pick (side, type, index, outcome), time code.</summary>
    private static readonly Gen<(int Kind, int Id, int Lots, int PriceSteps, int Pick, int Time)> s_step =
        Gen.Select(Gen.Int[0, 99], Gen.Int[0, 1], Gen.OneOf(Gen.Int[1, 10], Gen.Int[1, 80]), Gen.Int[-150, 150], Gen.Int[0, 999], Gen.Int[0, 19]);

    [Test]
    public void Stage_RandomStreams_NeverApproveAnOrderPastALimitOrTheBreaker()
    {
        s_step.Array[1, 200].Sample(steps => new PathRun().Run(steps), iter: 20_000);
    }

    private sealed record OpenOrder(long ClientId, int Id, Side Side, OrderType Type, long Quantity, long NotionalCents, long PriceTicks);

    private readonly record struct BreakerView(BreakerState State, bool Killed);

    /// <summary>One stream: the stage over two books (4 price decimals) and the test's own account of what it sent.</summary>
    private sealed class PathRun
    {
        private const long Lot = 10;
        private const long ValuePerCent = 1_000_000; // 4 price decimals: a cent is 10^6 value units
        private const int CoolDownMs = 1_000;
        private const int ProbeTimeoutMs = 2_000;
        private const long ProbeMaxQuantity = 100;
        private const long ProbeMaxNotionalCents = 600_000;
        private const long HoursNs = 3_600_000_000_000;

        private static readonly BreakerOptions s_breaker = new()
        {
            CoolDownMs = CoolDownMs, MaxRejects = 8, RejectWindowMs = 2_000, ProbeTimeoutMs = ProbeTimeoutMs,
            ProbeMaxQuantity = ProbeMaxQuantity, ProbeMaxNotionalCents = ProbeMaxNotionalCents,
        };

        private readonly ManualClock _clock = new(BreakerTestClock.T0);
        private readonly Mailbox<RiskLimits> _mailbox = new();
        private readonly OrderBooks _books = new(new BookOptions { Instruments = 2, MaxOrders = 64, MaxLevelsPerSide = 16 });
        private readonly RiskStage _stage;
        private readonly List<OpenOrder> _open = [];
        private readonly long[] _position = new long[2];
        private readonly List<long> _approvedSince = [BreakerTestClock.T0]; // the submit bucket's start, then each approval's earliest time
        private RiskOptions _limits = Options(2_000, 20_000_000, 8, 2, 5, 10, 100_000);
        private long _bid = 999_900;
        private long _ask = 1_000_100;
        private long _lastTrade1 = 500_000;
        private long _nextClientId = 1;
        private bool _killed;
        private bool _reducing;
        private bool _probeOut;
        private long _stageNowNs = BreakerTestClock.T0; // the stage reads the clock at least at these moments
        private bool _batchOpen; // the last event did not end its batch: the next one takes no new time
        private long _sessions;
        private bool _lossSeen;
        private bool _override;
        private string _step = "set-up";

        public PathRun()
        {
            var positions = new PositionsOptions { StopLoss = new StopLossOptions { LossBps = 150 } };
            _stage = RiskStage.Create(_limits, new SlippageOptions(), positions, _books, _mailbox, _clock);
            Quote(0, endOfBatch: true);
            Publish(Trade(1, _lastTrade1), 0, endOfBatch: true);
            _sessions = _stage.Breaker.DailyResets;
        }

        private long Now => _clock.NowNs;

        public void Run((int Kind, int Id, int Lots, int PriceSteps, int Pick, int Time)[] steps)
        {
            for (int i = 0; i < steps.Length; i++)
            {
                _step = $"step {i} {steps[i]}";
                Apply(steps[i]);
                CheckAfterStep();
            }
        }

        private void Apply((int Kind, int Id, int Lots, int PriceSteps, int Pick, int Time) s)
        {
            // Mostly a few milliseconds (so the submit bucket runs dry), now and then a quarter of a
            // second, sometimes past the breaker's cool-down or the probe's time-out.
            _clock.NowNs += s.Time switch
            {
                < 12 => s.Time * 5_000_000L,
                < 16 => 0,
                < 19 => 250_000_000L,
                _ => (s.Pick % 2 == 0 ? CoolDownMs + 100 : ProbeTimeoutMs + 100) * 1_000_000L,
            };
            bool endOfBatch = s.Pick % 3 != 0;
            switch (s.Kind)
            {
                case < 12: // the touch moves, and the mid with it
                    _bid = Math.Clamp(_bid + (s.PriceSteps * 100L), 800_000, 1_200_000);
                    _ask = _bid + (1 + (s.Pick % 4)) * 100L;
                    Quote(s.Pick, endOfBatch);
                    break;
                case < 17: // depth only: the mid stays
                    bool bids = (s.Pick & 1) == 0;
                    long away = (1 + (s.Pick % 20)) * 100L;
                    long mark = _stage.Positions[0].MarkSubTicks;
                    Publish(LevelSet(bids ? Side.Buy : Side.Sell, bids ? _bid - away : _ask + away, (s.Lots - 1) * Lot) with { InstrumentId = 0 }, s.Pick, endOfBatch);
                    if (_stage.Positions[0].MarkSubTicks != mark)
                    {
                        Fail($"a level away from the touch moved the mark from {mark} to {_stage.Positions[0].MarkSubTicks}");
                    }
                    break;
                case < 24: // a trade on instrument 1: its reference price
                    _lastTrade1 = Math.Clamp(_lastTrade1 + (s.PriceSteps / 2 * 100L), 400_000, 600_000);
                    Publish(Trade(1, _lastTrade1), s.Pick, endOfBatch);
                    break;
                case < 27:
                    Publish(Status(FeedStatus.Stale), s.Pick, endOfBatch);
                    break;
                case < 29:
                    Publish(Status(FeedStatus.Gap), s.Pick, endOfBatch);
                    break;
                case < 33:
                    Publish(Status(FeedStatus.Connected), s.Pick, endOfBatch);
                    break;
                case < 37: // a fresh snapshot of both books
                    Publish(Clear(Side.None) with { InstrumentId = 1 }, s.Pick, endOfBatch);
                    Quote(s.Pick, endOfBatch);
                    break;
                case < 62: // one intent, or now and then a burst of two to eight
                    for (int n = s.Pick % 10 == 9 ? 2 + (s.Pick / 10 % 7) : 1; n > 0; n--)
                    {
                        SubmitNew(s.Id, s.Lots * Lot, s.PriceSteps / n, s.Pick + n);
                    }
                    break;
                case < 75:
                    FillOne(s.Lots * Lot, s.Pick);
                    break;
                case < 81:
                    CancelOne(s.Pick);
                    break;
                case < 84:
                    Command(ControlCommand.Kill, endOfBatch);
                    _killed = true;
                    break;
                case < 89:
                    Command(ControlCommand.Resume, endOfBatch);
                    _override |= _lossSeen;
                    _killed = false;
                    _reducing = false;
                    break;
                case < 92:
                    Command(ControlCommand.ReduceOnly, endOfBatch);
                    _reducing = true;
                    break;
                case < 96:
                    Reload(s, endOfBatch);
                    break;
                case < 98: // the command with nothing posted changes nothing
                    Command(ControlCommand.ApplyRiskLimits, endOfBatch);
                    break;
                default: // hours pass, possibly past the session start
                    _clock.NowNs += 8 * HoursNs;
                    Publish(Trade(1, _lastTrade1), s.Pick, endOfBatch: true);
                    break;
            }
        }

        private void Reload((int Kind, int Id, int Lots, int PriceSteps, int Pick, int Time) s, bool endOfBatch)
        {
            var options = Options(
                maxPosition: 1_000 + (s.Pick % 5 * 500L),
                maxGross: 10_000_000 + (s.Lots * 250_000L),
                maxOpen: 2 + (s.Pick % 8),
                maxEngaged: 1 + s.Id,
                burst: 2 + (s.Pick / 5 % 7),
                perSecond: 5 + (s.Pick / 35 % 16),
                maxLoss: 20_000 + ((s.PriceSteps + 150) * 1_000L));
            _mailbox.Post(RiskLimits.Build(options, 2));
            Command(ControlCommand.ApplyRiskLimits, endOfBatch);
            _limits = options;
            _approvedSince.Clear();
            _approvedSince.Add(Now);
        }

        private static RiskOptions Options(long maxPosition, long maxGross, int maxOpen, int maxEngaged, int burst, int perSecond, long maxLoss) => new()
        {
            MaxGrossNotionalCents = maxGross,
            MaxDailyLossCents = maxLoss,
            MaxOpenOrders = maxOpen,
            MaxOpenPositions = maxEngaged,
            SubmitBurst = burst,
            SubmitsPerSecond = perSecond,
            CancelBurst = 3,
            CancelsPerSecond = 2,
            MaxSlippageBps = 50,
            Breaker = s_breaker,
            Defaults = new RiskInstrumentOptions
            {
                LotSize = Lot, PriceCollarBps = 100, MaxOrderQuantity = 1_000, MaxOrderNotionalCents = 8_000_000, MaxPositionQuantity = maxPosition,
            },
        };

        private void SubmitNew(int id, long quantity, int priceSteps, int pick)
        {
            var side = (pick & 1) == 0 ? Side.Buy : Side.Sell;
            long clientId = _nextClientId++;
            // Limit prices on the penny grid around the reference; the collar is 100 bps (100 pennies at $100).
            long limit = id == 0 ? _bid + (priceSteps * 100L) : _lastTrade1 + (priceSteps / 2 * 100L);
            var intent = pick % 5 == 0
                ? new OrderIntent(clientId, id, side, OrderType.Market, TimeInForce.Day, quantity)
                : new OrderIntent(clientId, id, side, OrderType.Limit, TimeInForce.Day, quantity, LimitPriceTicks: limit);
            var before = View();
            var decision = _stage.Submit(in intent);
            _stage.Approved.Clear(); // as the router does once it has sent them
            if (decision.Approved)
            {
                OnApproved(intent, decision, before, pick);
            }
        }

        /// <summary>Checks an approval against properties 1 and 2, then plays the router: accepted (kept open) or, for a probe, maybe rejected or unanswered.</summary>
        private void OnApproved(OrderIntent intent, RiskDecision decision, BreakerView before, int pick)
        {
            if (before.Killed || before.State is BreakerState.Open or BreakerState.ResetPending)
            {
                Fail($"approved {intent} while the breaker was {before.State}, killed {before.Killed}");
            }
            long notional = NotionalOf(in intent);
            if (decision.NotionalCents != notional)
            {
                Fail($"approved {intent} at notional {decision.NotionalCents}, the test makes it {notional}");
            }
            if (_reducing && !Reduces(in intent))
            {
                Fail($"approved {intent} while reducing only: position {_position[intent.InstrumentId]}, open buys {OpenQuantity(intent.InstrumentId, Side.Buy)} sells {OpenQuantity(intent.InstrumentId, Side.Sell)}");
            }
            if (decision.IsProbe != (before.State == BreakerState.HalfOpen))
            {
                Fail($"approved {intent} as probe {decision.IsProbe} in {before.State}");
            }
            if (before.State == BreakerState.HalfOpen && (_probeOut || intent.Quantity > ProbeMaxQuantity || notional > ProbeMaxNotionalCents))
            {
                Fail($"approved probe {intent} (notional {notional}) with another out {_probeOut}; limits {ProbeMaxQuantity} / {ProbeMaxNotionalCents}");
            }
            _approvedSince.Add(_stageNowNs);
            bool wasEngaged = _position[intent.InstrumentId] != 0 || _open.Exists(o => o.Id == intent.InstrumentId);
            var order = new OpenOrder(intent.ClientOrderId, intent.InstrumentId, intent.Side, intent.Type, intent.Quantity, notional, intent.LimitPriceTicks);
            _open.Add(order);
            CheckLimits(in intent, wasEngaged);
            int outcome = decision.IsProbe ? pick % 4 : 0;
            if (outcome == 3)
            {
                _probeOut = true; // sent, no answer yet: the probe times out
                _open.Remove(order);
                return;
            }
            if (decision.IsProbe)
            {
                _stage.Breaker.OnProbeOutcome(outcome != 2, Now);
            }
            if (outcome == 2)
            {
                _open.Remove(order); // the venue rejected the probe
                return;
            }
            _stage.Engine.OnOrderAccepted(intent.InstrumentId, intent.Side, intent.Quantity, decision.NotionalCents);
        }

        /// <summary>
        /// Property 1 with the approved order open: its side's projected position, gross exposure, counts
        /// and submits within the limits in force. A reload may lower a limit below what is already
        /// engaged; an order on an instrument already engaged does not take that count further.
        /// </summary>
        private void CheckLimits(in OrderIntent intent, bool wasEngaged)
        {
            int id = intent.InstrumentId;
            long position = _position[id];
            long projected = intent.Side == Side.Buy ? position + OpenQuantity(id, Side.Buy) : -(position - OpenQuantity(id, Side.Sell));
            if (projected > _limits.Defaults.MaxPositionQuantity)
            {
                Fail($"after {intent}: instrument {id} position {position} projected {projected} past {_limits.Defaults.MaxPositionQuantity}");
            }
            long gross = 0;
            int engaged = 0;
            for (int i = 0; i < _position.Length; i++)
            {
                long mark = _stage.Positions[i].MarkSubTicks;
                gross += ((Math.Abs(_position[i]) * mark) + ValuePerCent - 1) / ValuePerCent;
                engaged += _position[i] != 0 || _open.Exists(o => o.Id == i) ? 1 : 0;
            }
            long positionsCents = gross;
            foreach (var o in _open)
            {
                gross += o.NotionalCents;
            }
            if (gross > _limits.MaxGrossNotionalCents)
            {
                Fail($"after {intent}: gross {gross} (positions {positionsCents}) past {_limits.MaxGrossNotionalCents}");
            }
            if (_open.Count > _limits.MaxOpenOrders || (!wasEngaged && engaged > _limits.MaxOpenPositions))
            {
                Fail($"after {intent}: open orders {_open.Count} of {_limits.MaxOpenOrders}, engaged {engaged} of {_limits.MaxOpenPositions}");
            }
            // From the bucket's start (construction or reload) or any approval since, to now: at most
            // the burst plus one token per refill period begun in the window. The stage checks at a time
            // between its last reading of the clock and now, so a window starts at that reading.
            long periodNs = Math.Max(1, 1_000_000_000L / _limits.SubmitsPerSecond);
            for (int i = 0; i < _approvedSince.Count; i++)
            {
                long approved = _approvedSince.Count - Math.Max(i, 1);
                long allowed = _limits.SubmitBurst + ((Now - _approvedSince[i]) / periodNs) + 1;
                if (approved > allowed)
                {
                    Fail($"after {intent}: {approved} submits approved from {_approvedSince[i]} to {Now}, allowed {allowed}");
                }
            }
        }

        private void FillOne(long quantity, int pick)
        {
            if (_open.Count == 0)
            {
                return;
            }
            int index = pick % _open.Count;
            var o = _open[index];
            long filled = Math.Min(quantity, o.Quantity);
            bool done = filled == o.Quantity;
            long released = done ? o.NotionalCents : o.NotionalCents * filled / o.Quantity;
            long price = o.Type == OrderType.Limit ? o.PriceTicks : o.Id == 1 ? _lastTrade1 : o.Side == Side.Buy ? _ask : _bid;
            long feeValue = pick % 7 * ValuePerCent; // 0..6 cents
            var error = _stage.Engine.OnFill(new Fill(o.Id, o.Side, filled, price, feeValue), released, done, Now);
            if (error != PositionError.None)
            {
                Fail($"fill of {filled} of {o} at {price} refused: {error}");
            }
            _position[o.Id] += o.Side == Side.Buy ? filled : -filled;
            if (done)
            {
                _open.RemoveAt(index);
            }
            else
            {
                _open[index] = o with { Quantity = o.Quantity - filled, NotionalCents = o.NotionalCents - released };
            }
        }

        private void CancelOne(int pick)
        {
            if (_open.Count == 0)
            {
                return;
            }
            int index = pick % _open.Count;
            var o = _open[index];
            var cancel = new OrderIntent(o.ClientId, o.Id, o.Side, o.Type, TimeInForce.Day, 0, IsCancel: true);
            bool approved = _stage.Submit(in cancel).Approved;
            _stage.Approved.Clear();
            if (approved)
            {
                _stage.Engine.OnOrderClosed(o.Id, o.Side, o.Quantity, o.NotionalCents);
                _open.RemoveAt(index);
            }
        }

        /// <summary>Properties 3 and 4, and the test's view of the kill switch, after every step.</summary>
        private void CheckAfterStep()
        {
            var breaker = _stage.Breaker;
            if (breaker.DailyResets != _sessions)
            {
                _sessions = breaker.DailyResets;
                _lossSeen = false;
                _override = false;
            }
            if (breaker.State != BreakerState.HalfOpen)
            {
                _probeOut = false; // timed out, tripped, killed or resumed: no probe is out any more
            }
            if (breaker.IsKilled != _killed)
            {
                Fail($"kill switch {breaker.IsKilled}, the operator's commands say {_killed}");
            }
            Int128 pnl = _stage.Engine.DailyPnlCents;
            if (pnl < -_limits.MaxDailyLossCents)
            {
                _lossSeen = true;
                if (!_override && breaker.State == BreakerState.Closed)
                {
                    Fail($"daily P&L {pnl} below -{_limits.MaxDailyLossCents} with the breaker Closed and no resume since the trip");
                }
            }
            if (_stage.Engine.FindInvariantViolation() is { } engine)
            {
                Fail($"risk engine: {engine}");
            }
            if (breaker.FindInvariantViolation() is { } state)
            {
                Fail($"breaker: {state}");
            }
        }

        private bool Reduces(in OrderIntent intent)
        {
            long position = _position[intent.InstrumentId];
            return intent.Side == Side.Buy
                ? position < 0 && intent.Quantity <= -position - OpenQuantity(intent.InstrumentId, Side.Buy)
                : position > 0 && intent.Quantity <= position - OpenQuantity(intent.InstrumentId, Side.Sell);
        }

        private long OpenQuantity(int id, Side side)
        {
            long sum = 0;
            foreach (var o in _open)
            {
                sum += o.Id == id && o.Side == side ? o.Quantity : 0;
            }
            return sum;
        }

        /// <summary>Limit orders at their price; market orders at the reference (mid rounded up to a tick, or the last trade), in cents rounded up.</summary>
        private long NotionalOf(in OrderIntent intent)
        {
            long price = intent.Type == OrderType.Limit ? intent.LimitPriceTicks : intent.InstrumentId == 0 ? (_bid + _ask + 1) / 2 : _lastTrade1;
            return ((intent.Quantity * price) + 99) / 100;
        }

        private BreakerView View() => new(_stage.Breaker.State, _stage.Breaker.IsKilled);

        /// <summary>Instrument 0's book replaced: clear, then the touch (the mid moves here), then one deeper level a side.</summary>
        private void Quote(int pick, bool endOfBatch)
        {
            Publish(Clear(Side.None) with { InstrumentId = 0 }, pick, endOfBatch);
            Publish(LevelSet(Side.Buy, _bid, 500) with { InstrumentId = 0 }, pick, endOfBatch);
            Publish(LevelSet(Side.Sell, _ask, 500) with { InstrumentId = 0 }, pick, endOfBatch);
            Publish(LevelSet(Side.Buy, _bid - 5_000, 500) with { InstrumentId = 0 }, pick, endOfBatch);
            Publish(LevelSet(Side.Sell, _ask + 5_000, 500) with { InstrumentId = 0 }, pick, endOfBatch);
        }

        /// <summary>Books first, then the stage; a stop's closing order approved in the event goes to the router like any other.</summary>
        private void Publish(MarketDataEvent market, int pick, bool endOfBatch)
        {
            var before = View();
            var e = new InboundEvent { Kind = InboundKind.MarketData, Market = market };
            _books.OnEvent(ref e);
            _stage.OnEvent(ref e, endOfBatch);
            _stageNowNs = _batchOpen ? _stageNowNs : Now;
            _batchOpen = !endOfBatch;
            var intents = _stage.Approved.Intents.ToArray();
            var decisions = _stage.Approved.Decisions.ToArray();
            _stage.Approved.Clear();
            for (int i = 0; i < intents.Length; i++)
            {
                OnApproved(intents[i] with { ClientOrderId = _nextClientId++ }, decisions[i], before, pick);
            }
        }

        private void Command(ControlCommand command, bool endOfBatch)
        {
            var e = new InboundEvent { Kind = InboundKind.Command, Command = command };
            _stage.OnEvent(ref e, endOfBatch);
            _stageNowNs = Now;
            _batchOpen = !endOfBatch;
        }

        private static MarketDataEvent Trade(int id, long priceTicks) =>
            new() { Kind = MarketDataKind.Trade, InstrumentId = id, PriceTicks = priceTicks, Quantity = 1 };

        private static MarketDataEvent Status(FeedStatus status) =>
            new() { Kind = MarketDataKind.FeedStatus, InstrumentId = -1, Status = (byte)status };

        private void Fail(string message) => throw new InvalidOperationException($"{_step}: {message}");
    }
}
