using Engine.Orders;
using Engine.Pipeline;
using Engine.Risk;
using Engine.Strategies;
using Engine.Tests.Book;
using Feeds;

namespace Engine.Tests.Strategies;

/// <summary>The market maker on hand-built books: prices, skew, max position, no crossing, requotes, reports, reloads.</summary>
public sealed class MarketMakerStrategyTests
{
    private MarketMakerStrategy _mm = null!;
    private StrategyHarness _h = null!;

    private static StrategyOptions Options(long quantity = 100, long halfSpread = 1, long skew = 10, long maxPosition = 1_000, long threshold = 1, int intervalMs = 100) => new()
    {
        Name = StrategyKind.MarketMaker,
        Instruments = [0],
        MarketMaker = new MarketMakerOptions
        {
            QuoteQuantity = quantity,
            HalfSpreadTicks = halfSpread,
            SkewTicks = skew,
            MaxPosition = maxPosition,
            RequoteThresholdTicks = threshold,
            MinRequoteIntervalMs = intervalMs,
        },
    };

    private void Start(StrategyOptions options, RiskOptions? risk = null)
    {
        _mm = new MarketMakerStrategy(options, 2);
        _h = new StrategyHarness(_mm, risk);
    }

    [Test]
    public void OnMarketData_BalancedBook_QuotesHalfSpreadEitherSideOfTheMicroprice()
    {
        Start(Options());

        _h.Quote(9_990, 500, 10_010, 500);

        var bid = _h.Order(_mm.Bid(0).ClientOrderId);
        var ask = _h.Order(_mm.Ask(0).ClientOrderId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((bid.Side, bid.LimitPriceTicks, bid.Quantity, bid.Type, bid.TimeInForce), Is.EqualTo((Side.Buy, 9_999L, 100L, OrderType.Limit, TimeInForce.Day)));
            Assert.That((ask.Side, ask.LimitPriceTicks, ask.Quantity), Is.EqualTo((Side.Sell, 10_001L, 100L)));
            Assert.That(_mm.Bid(0).State, Is.EqualTo(QuoteState.PendingNew));
            Assert.That(_mm.QuotesSent, Is.EqualTo(2));
        }
    }

    [Test]
    public void OnMarketData_ThinAsk_QuotesAroundTheMicropriceNotTheMid()
    {
        Start(Options());

        // Microprice = (9,990 x 300 + 10,010 x 100) / 400 = 9,995: it leans toward the thin side.
        _h.Quote(9_990, 100, 10_010, 300);

        Assert.That((_mm.Bid(0).PriceTicks, _mm.Ask(0).PriceTicks), Is.EqualTo((9_994L, 9_996L)));
    }

    [Test]
    public void OnMarketData_InstrumentNotTraded_QuotesNothing()
    {
        Start(Options());

        _h.Quote(9_990, 500, 10_010, 500, instrumentId: 1);

        Assert.That(_mm.QuotesSent, Is.Zero);
    }

    [Test]
    public void OnMarketData_OneSidedOrCrossedBook_QuotesNothing()
    {
        Start(Options() with { Instruments = [] });

        _h.Market(BookEvents.Add(1, Side.Buy, 9_990, 500));
        Assert.That(_mm.QuotesSent, Is.Zero, "one-sided");

        _h.Quote(10_010, 500, 9_990, 500, instrumentId: 1);
        Assert.That(_mm.QuotesSent, Is.Zero, "crossed");
    }

    [TestCase(Side.Buy, 9_994L, 9_996L, TestName = "OnMarketData_LongPosition_ShiftsBothQuotesDownInProportion")]
    [TestCase(Side.Sell, 10_004L, 10_006L, TestName = "OnMarketData_ShortPosition_ShiftsBothQuotesUpInProportion")]
    public void OnMarketData_Position_SkewsTheQuotesAgainstIt(Side filled, long bid, long ask)
    {
        // Skew 10 ticks at the max position of 200; a position of 100 shifts the quotes 5 ticks.
        Start(Options(maxPosition: 200));
        _h.Quote(9_990, 500, 10_010, 500);
        Accept();
        Fill(filled, 100);

        _h.Advance(100);
        _h.Quote(9_990, 500, 10_010, 500);

        Assert.That((_mm.Bid(0).PriceTicks, _mm.Ask(0).PriceTicks), Is.EqualTo((bid, ask)));
        Assert.That(_h.Position(), Is.EqualTo(filled == Side.Buy ? 100 : -100));
    }

    [Test]
    public void OnMarketData_WorkingQuoteFarFromTheSkewedPrice_IsReplaced()
    {
        Start(Options(maxPosition: 200));
        _h.Quote(9_990, 500, 10_010, 500);
        long oldAsk = _mm.Ask(0).ClientOrderId;
        Accept();
        Fill(Side.Buy, 100);

        _h.Advance(100);
        _h.Quote(9_990, 500, 10_010, 500);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_mm.Ask(0).ReplacedClientOrderId, Is.EqualTo(oldAsk));
            Assert.That(_mm.Ask(0).ClientOrderId, Is.Not.EqualTo(oldAsk));
            Assert.That(_h.Order(oldAsk).Status, Is.EqualTo(OrderStatus.PendingCancel), "the router cancels the replaced quote");
            Assert.That(_mm.Replaces, Is.EqualTo(1));
        }
        _h.Report(ExecutionKind.Canceled, oldAsk);
        Assert.That(_mm.Ask(0).ReplacedClientOrderId, Is.Zero);
    }

    [Test]
    public void OnMarketData_PositionAtTheMax_StopsQuotingTheSideThatWouldPassIt()
    {
        Start(Options(maxPosition: 100, skew: 0));
        _h.Quote(9_990, 500, 10_010, 500);
        Accept();
        Fill(Side.Buy, 100);

        _h.Advance(1_000);
        _h.Quote(9_990, 500, 10_010, 500);

        Assert.That(_mm.Bid(0).State, Is.EqualTo(QuoteState.None), "a bid fill would take the position to 200");
        Assert.That(_mm.Ask(0).State, Is.Not.EqualTo(QuoteState.None), "the ask reduces it");
    }

    [Test]
    public void OnMarketData_PositionNearTheMaxWhileQuoting_CancelsTheWorkingSide()
    {
        Start(Options(quantity: 100, maxPosition: 150, skew: 0));
        _h.Quote(9_990, 500, 10_010, 500);
        Accept();
        _h.Report(ExecutionKind.PartialFill, _mm.Bid(0).ClientOrderId, 60, 9_999);

        _h.Advance(1_000);
        _h.Quote(9_990, 500, 10_010, 500);

        Assert.That(_h.Position(), Is.EqualTo(60));
        Assert.That((_mm.Bid(0).State, _mm.Cancels), Is.EqualTo((QuoteState.PendingCancel, 1L)), "60 + 100 would pass 150");
        Assert.That(_h.Order(_mm.Bid(0).ClientOrderId).Status, Is.EqualTo(OrderStatus.PendingCancel));
    }

    [Test]
    public void OnMarketData_HugeSkew_NeverCrossesTheBook()
    {
        // Short 100 of a max 100 with a 50-tick skew: the centre sits 50 ticks above the microprice.
        Start(Options(maxPosition: 100, skew: 50));
        _h.Quote(9_990, 500, 10_010, 500);
        Accept();
        Fill(Side.Sell, 100);

        _h.Advance(1_000);
        _h.Quote(9_990, 500, 10_010, 500);

        Assert.That(_mm.Bid(0).PriceTicks, Is.EqualTo(10_009), "at most the best ask less a tick");
        Assert.That(_mm.Ask(0).State, Is.EqualTo(QuoteState.None), "an ask fill would take the short past the max");
    }

    [Test]
    public void OnMarketData_NarrowBook_KeepsTheQuotesOutsideTheTouch()
    {
        Start(Options(halfSpread: 1, skew: 0));

        _h.Quote(10_000, 100, 10_001, 100);

        Assert.That(_mm.Bid(0).PriceTicks, Is.LessThan(10_001));
        Assert.That(_mm.Ask(0).PriceTicks, Is.GreaterThan(10_000));
        Assert.That(_mm.Bid(0).PriceTicks, Is.LessThan(_mm.Ask(0).PriceTicks));
    }

    [Test]
    public void OnMarketData_WantedPriceMovesLessThanTheThreshold_KeepsTheQuote()
    {
        Start(Options(threshold: 3));
        _h.Quote(9_990, 500, 10_010, 500);
        Accept();
        long bid = _mm.Bid(0).ClientOrderId;

        _h.Advance(1_000);
        _h.Quote(9_994, 500, 10_010, 500); // microprice 10,002: the wanted bid moves 2 ticks

        Assert.That((_mm.Bid(0).ClientOrderId, _mm.Replaces), Is.EqualTo((bid, 0L)));

        _h.Quote(9_996, 500, 10_010, 500); // microprice 10,003: 3 ticks
        Assert.That(_mm.Bid(0).ReplacedClientOrderId, Is.EqualTo(bid));
        Assert.That(_mm.Bid(0).PriceTicks, Is.EqualTo(10_002));
    }

    [Test]
    public void OnMarketData_WithinTheMinimumInterval_WaitsBeforeRequoting()
    {
        Start(Options(intervalMs: 500));
        _h.Quote(9_990, 500, 10_010, 500);
        Accept();

        _h.Advance(499);
        _h.Quote(9_980, 500, 10_000, 500);
        Assert.That(_mm.Replaces, Is.Zero);

        _h.Advance(1);
        _h.Quote(9_980, 500, 10_000, 500);
        Assert.That(_mm.Replaces, Is.EqualTo(2));
        Assert.That((_mm.Bid(0).PriceTicks, _mm.Ask(0).PriceTicks), Is.EqualTo((9_989L, 9_991L)));
    }

    [Test]
    public void OnMarketData_PendingQuote_IsNotReplacedUntilAccepted()
    {
        Start(Options());
        _h.Quote(9_990, 500, 10_010, 500);

        _h.Advance(1_000);
        _h.Quote(9_980, 500, 10_000, 500);

        Assert.That(_mm.Replaces, Is.Zero);
        Assert.That(_mm.Bid(0).PriceTicks, Is.EqualTo(9_999));
    }

    [Test]
    public void OnExecution_Rejected_ForgetsTheQuoteAndRequotesAfterTheInterval()
    {
        Start(Options(intervalMs: 200));
        _h.Quote(9_990, 500, 10_010, 500);
        long bid = _mm.Bid(0).ClientOrderId;

        _h.Report(ExecutionKind.Rejected, bid);
        _h.Quote(9_990, 500, 10_010, 500);

        Assert.That((_mm.VenueRejects, _mm.Bid(0).State), Is.EqualTo((1L, QuoteState.None)));
        _h.Advance(200);
        _h.Quote(9_990, 500, 10_010, 500);
        Assert.That(_mm.Bid(0).State, Is.EqualTo(QuoteState.PendingNew));
        Assert.That(_mm.Bid(0).ClientOrderId, Is.Not.EqualTo(bid));
    }

    [Test]
    public void OnExecution_Fills_AreCountedAndAFullFillEndsTheQuote()
    {
        Start(Options());
        _h.Quote(9_990, 500, 10_010, 500);
        long bid = _mm.Bid(0).ClientOrderId;
        _h.Report(ExecutionKind.Accepted, bid);

        _h.Report(ExecutionKind.PartialFill, bid, 40, 9_999);
        Assert.That((_mm.Bid(0).State, _mm.Bid(0).LeavesQuantity), Is.EqualTo((QuoteState.Working, 60L)));
        _h.Report(ExecutionKind.Fill, bid, 60, 9_999);

        Assert.That((_mm.Fills, _mm.FilledQuantity, _mm.Bid(0).State), Is.EqualTo((2L, 100L, QuoteState.None)));
        Assert.That(_h.Position(), Is.EqualTo(100));
    }

    [Test]
    public void OnMarketData_Halted_SendsNothing()
    {
        Start(Options());
        _h.Command(ControlCommand.Kill);

        _h.Quote(9_990, 500, 10_010, 500);

        Assert.That((_mm.QuotesSent, _mm.Refused), Is.EqualTo((0L, 0L)), "no refusal to feed the breaker either");
    }

    [Test]
    public void OnParameters_Reloaded_TheNextQuotesUseThem()
    {
        Start(Options());
        _h.Parameters.Post(Options(halfSpread: 3));

        _h.Command(ControlCommand.ApplyStrategyParameters);
        _h.Quote(9_990, 500, 10_010, 500);

        Assert.That((_mm.Parameters.HalfSpreadTicks, _mm.Bid(0).PriceTicks, _mm.Ask(0).PriceTicks), Is.EqualTo((3L, 9_997L, 10_003L)));
    }

    [Test]
    public void OnParameters_InstrumentDropped_CancelsItsQuotes()
    {
        Start(Options());
        _h.Quote(9_990, 500, 10_010, 500);
        Accept();
        var dropped = Options() with { Instruments = [1] };
        _h.Parameters.Post(dropped);
        _h.Command(ControlCommand.ApplyStrategyParameters);

        _h.Advance(1_000);
        _h.Quote(9_990, 500, 10_010, 500);

        Assert.That((_mm.Bid(0).State, _mm.Ask(0).State, _mm.Cancels), Is.EqualTo((QuoteState.PendingCancel, QuoteState.PendingCancel, 2L)));
    }

    [Test]
    public void OnMarketData_ManyRequotesAndReports_StaysWithinTheRiskLimits()
    {
        Start(Options(intervalMs: 100), new RiskOptions { Defaults = new() { PriceDecimals = 2 }, SubmitsPerSecond = 20, SubmitBurst = 20, CancelsPerSecond = 20, CancelBurst = 20 });

        for (int i = 0; i < 500; i++)
        {
            _h.Quote(9_990 + (i % 7), 500, 10_010 + (i % 7), 500);
            Answer();
            _h.Advance(50);
            _h.DrainOutbound();
        }

        Assert.That(_mm.Refused, Is.Zero);
        Assert.That(_mm.Replaces, Is.GreaterThan(100));
        Assert.That(_h.Risk.Breaker.TradingState, Is.EqualTo(TradingState.Active));
    }

    [Test]
    public void OnMarketData_WarmedLoop_AllocatesNothing()
    {
        Start(Options(intervalMs: 1), new RiskOptions { Defaults = new() { PriceDecimals = 2 }, SubmitsPerSecond = 100_000, SubmitBurst = 1_000, CancelsPerSecond = 100_000, CancelBurst = 1_000 });
        Run(200);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(5_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.Zero);
        Assert.That(_mm.Replaces, Is.GreaterThan(5_000));

        void Run(int events)
        {
            for (int i = 0; i < events; i++)
            {
                _h.Quote(9_990 + (i % 5), 500, 10_010 + (i % 5), 500);
                Answer();
                _h.Advance(1);
                _h.DrainOutbound();
            }
        }
    }

    /// <summary>The venue's answers to whatever is pending: accepted quotes, cancelled replaced ones.</summary>
    private void Answer()
    {
        AnswerSide(_mm.Bid(0));
        AnswerSide(_mm.Ask(0));
    }

    private void AnswerSide(in WorkingQuote quote)
    {
        long replaced = quote.ReplacedClientOrderId;
        long current = quote.ClientOrderId;
        if (replaced != 0)
        {
            _h.Report(ExecutionKind.Canceled, replaced);
        }
        if (quote.State == QuoteState.PendingNew)
        {
            _h.Report(ExecutionKind.Accepted, current);
        }
    }

    private void Accept()
    {
        _h.Report(ExecutionKind.Accepted, _mm.Bid(0).ClientOrderId);
        _h.Report(ExecutionKind.Accepted, _mm.Ask(0).ClientOrderId);
    }

    /// <summary>Fills the side's (accepted) current quote in full.</summary>
    private void Fill(Side side, long quantity)
    {
        long id = side == Side.Buy ? _mm.Bid(0).ClientOrderId : _mm.Ask(0).ClientOrderId;
        long price = side == Side.Buy ? _mm.Bid(0).PriceTicks : _mm.Ask(0).PriceTicks;
        _h.Report(ExecutionKind.Fill, id, quantity, price);
    }
}
