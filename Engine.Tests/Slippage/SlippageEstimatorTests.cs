using Engine.Book;
using Engine.Slippage;
using Feeds;
using static Engine.Tests.Book.BookEvents;

namespace Engine.Tests.Slippage;

/// <summary>
/// Hand-computed cases. The ladder book: bids 99 x100, 98 x200, 97 x300; asks 101 x100, 102 x200,
/// 103 x300; mid 100 ticks = 1,000,000 sub-ticks. The model (unless a test says otherwise):
/// coefficient 1.0, daily volatility 2%, ADV 10,000, so 100 units beyond the book move the price by
/// 1.0 x 0.02 x sqrt(100 / 10,000) = 0.2%.
/// </summary>
public sealed class SlippageEstimatorTests
{
    private static readonly SlippageOptions s_model = new()
    {
        Defaults = new ImpactModelOptions { ImpactCoefficientMilli = 1_000, DailyVolatilityBps = 200, AverageDailyVolume = 10_000 },
    };

    private static SlippageEstimator NewEstimator(SlippageOptions? options = null) => new(options ?? s_model, instruments: 4);

    private static OrderBook Book(params MarketDataEvent[] events)
    {
        var book = new OrderBook(new BookOptions { MaxOrders = 64, MaxLevelsPerSide = 16 });
        foreach (var e in events)
        {
            var copy = e;
            Assert.That(book.Apply(ref copy), Is.EqualTo(BookError.None));
        }
        return book;
    }

    private static OrderBook Ladder() => Book(
        LevelSet(Side.Buy, 99, 100), LevelSet(Side.Buy, 98, 200), LevelSet(Side.Buy, 97, 300),
        LevelSet(Side.Sell, 101, 100), LevelSet(Side.Sell, 102, 200), LevelSet(Side.Sell, 103, 300));

    [Test]
    public void EstimateMarket_BuyWithinTheTouch_FillsAtTheAsk()
    {
        var r = NewEstimator().EstimateMarket(Ladder(), 0, Side.Buy, 50);

        Assert.That(r, Is.EqualTo(new SlippageResult
        {
            RequestedQuantity = 50, FilledQuantity = 50, LevelsConsumed = 1, TouchPriceTicks = 101,
            AveragePriceSubTicks = 1_010_000, SlippageVsTouchCentiBps = 0, HasMid = true, SlippageVsMidCentiBps = 10_000,
        }));
    }

    [Test]
    public void EstimateMarket_BuyOverTwoLevels_AveragesThem()
    {
        // 100 @ 101 + 150 @ 102 = 25,400 / 250 = 101.6; against the touch 6,000 / 1,010,000 = 5,940.59 -> 5,941.
        var r = NewEstimator().EstimateMarket(Ladder(), 0, Side.Buy, 250);

        Assert.That((r.FilledQuantity, r.UnfilledQuantity, r.LevelsConsumed, r.InsufficientLiquidity), Is.EqualTo((250L, 0L, 2, false)));
        Assert.That((r.AveragePriceSubTicks, r.SlippageVsTouchCentiBps, r.SlippageVsMidCentiBps), Is.EqualTo((1_016_000L, 5_941L, 16_000L)));
    }

    [Test]
    public void EstimateMarket_SellOverTwoLevels_MirrorsTheBuy()
    {
        // 100 @ 99 + 150 @ 98 = 24,600 / 250 = 98.4; against the touch 6,000 / 990,000 = 6,060.6 -> 6,061.
        var r = NewEstimator().EstimateMarket(Ladder(), 0, Side.Sell, 250);

        Assert.That((r.FilledQuantity, r.LevelsConsumed, r.TouchPriceTicks), Is.EqualTo((250L, 2, 99L)));
        Assert.That((r.AveragePriceSubTicks, r.SlippageVsTouchCentiBps, r.SlippageVsMidCentiBps), Is.EqualTo((984_000L, 6_061L, 16_000L)));
    }

    [Test]
    public void EstimateMarket_ExactlyConsumingTwoLevels_CountsTwoAndRoundsAgainstTheOrder()
    {
        // 30,500 / 300 = 101.6667 (buy, rounded up); 29,500 / 300 = 98.3333 (sell, rounded down).
        var estimator = NewEstimator();
        var buy = estimator.EstimateMarket(Ladder(), 0, Side.Buy, 300);
        var sell = estimator.EstimateMarket(Ladder(), 0, Side.Sell, 300);

        Assert.That((buy.LevelsConsumed, buy.AveragePriceSubTicks, buy.InsufficientLiquidity), Is.EqualTo((2, 1_016_667L, false)));
        Assert.That((sell.LevelsConsumed, sell.AveragePriceSubTicks, sell.InsufficientLiquidity), Is.EqualTo((2, 983_333L, false)));
    }

    [Test]
    public void EstimateLimit_LimitInsideTheBook_StopsTheWalkAndLeavesTheRestUnfilled()
    {
        var r = NewEstimator().EstimateLimit(Ladder(), 0, Side.Buy, 500, limitPriceTicks: 102);

        Assert.That((r.FilledQuantity, r.UnfilledQuantity, r.ModelledQuantity, r.LevelsConsumed, r.InsufficientLiquidity), Is.EqualTo((300L, 200L, 0L, 2, false)));
        Assert.That(r.AveragePriceSubTicks, Is.EqualTo(1_016_667));
    }

    [Test]
    public void EstimateLimit_SellLimitInsideTheBook_StopsAtTheLimit()
    {
        var r = NewEstimator().EstimateLimit(Ladder(), 0, Side.Sell, 500, limitPriceTicks: 98);

        Assert.That((r.FilledQuantity, r.UnfilledQuantity, r.LevelsConsumed, r.AveragePriceSubTicks), Is.EqualTo((300L, 200L, 2, 983_333L)));
    }

    [Test]
    public void EstimateLimit_LimitAtTheTouch_IsMarketable()
    {
        var r = NewEstimator().EstimateLimit(Ladder(), 0, Side.Buy, 150, limitPriceTicks: 101);

        Assert.That((r.FilledQuantity, r.UnfilledQuantity, r.LevelsConsumed, r.AveragePriceSubTicks), Is.EqualTo((100L, 50L, 1, 1_010_000L)));
    }

    [Test]
    public void EstimateLimit_LimitBelowTheAsk_PricesNothing()
    {
        var r = NewEstimator().EstimateLimit(Ladder(), 0, Side.Buy, 100, limitPriceTicks: 100);

        Assert.That((r.IsPriced, r.FilledQuantity, r.UnfilledQuantity, r.LevelsConsumed, r.InsufficientLiquidity), Is.EqualTo((false, 0L, 100L, 0, false)));
        Assert.That((r.TouchPriceTicks, r.AveragePriceSubTicks, r.SlippageVsMidCentiBps), Is.EqualTo((101L, 0L, 0L)));
    }

    [Test]
    public void EstimateLimit_DepthEndsInsideTheLimit_FlagsItAndModelsNothing()
    {
        var r = NewEstimator().EstimateLimit(Ladder(), 0, Side.Buy, 1_000, limitPriceTicks: 110);

        Assert.That((r.FilledQuantity, r.UnfilledQuantity, r.ModelledQuantity, r.LevelsConsumed, r.InsufficientLiquidity), Is.EqualTo((600L, 400L, 0L, 3, true)));
    }

    [Test]
    public void EstimateMarket_EmptySide_PricesNothingAndFlagsIt()
    {
        var book = Book(LevelSet(Side.Buy, 99, 100));

        var r = NewEstimator().EstimateMarket(book, 0, Side.Buy, 10);

        Assert.That((r.IsPriced, r.FilledQuantity, r.UnfilledQuantity, r.ModelledQuantity, r.InsufficientLiquidity), Is.EqualTo((false, 0L, 10L, 0L, true)));
        Assert.That((r.TouchPriceTicks, r.HasMid, r.AveragePriceSubTicks), Is.EqualTo((0L, false, 0L)));
    }

    [Test]
    public void EstimateMarket_OneSidedBook_PricesWithoutAMid()
    {
        var book = Book(LevelSet(Side.Sell, 101, 100));

        var r = NewEstimator().EstimateMarket(book, 0, Side.Buy, 10);

        Assert.That((r.AveragePriceSubTicks, r.HasMid, r.SlippageVsMidCentiBps, r.SlippageVsTouchCentiBps), Is.EqualTo((1_010_000L, false, 0L, 0L)));
    }

    [Test]
    public void EstimateMarket_L1QuoteBuyBeyondItsSize_ModelsTheRemainderFromTheAsk()
    {
        // 100 beyond the quote: 101 x 0.2% = 0.202 ticks = 2,020 sub-ticks, so 1,012,020; the average
        // of 100 at 1,010,000 and 100 at 1,012,020 is 1,011,010: 10 bps over the touch, 110.1 over the mid.
        var book = Book(Quote(99, 100, 101, 100));

        var r = NewEstimator().EstimateMarket(book, 0, Side.Buy, 200);

        Assert.That((r.FilledQuantity, r.ModelledQuantity, r.UnfilledQuantity, r.LevelsConsumed, r.InsufficientLiquidity), Is.EqualTo((100L, 100L, 100L, 1, true)));
        Assert.That((r.AveragePriceSubTicks, r.SlippageVsTouchCentiBps, r.SlippageVsMidCentiBps), Is.EqualTo((1_011_010L, 1_000L, 11_010L)));
    }

    [Test]
    public void EstimateMarket_L1QuoteSellBeyondItsSize_ModelsTheRemainderFromTheBid()
    {
        // 99 x 0.2% = 0.198 ticks = 1,980 sub-ticks below 990,000: 988,020; the average 989,010.
        var book = Book(Quote(99, 100, 101, 100));

        var r = NewEstimator().EstimateMarket(book, 0, Side.Sell, 200);

        Assert.That((r.FilledQuantity, r.ModelledQuantity, r.TouchPriceTicks), Is.EqualTo((100L, 100L, 99L)));
        Assert.That((r.AveragePriceSubTicks, r.SlippageVsTouchCentiBps, r.SlippageVsMidCentiBps), Is.EqualTo((989_010L, 1_000L, 10_990L)));
    }

    [Test]
    public void EstimateMarket_BeyondTheDisplayedDepth_ModelsFromTheLastLevel()
    {
        // 600 displayed (61,400 ticks of notional), 400 beyond: sqrt(400 / 10,000) = 0.2, a 0.4% move
        // from 103 = 0.412 ticks, so 1,034,120; (614,000,000 + 400 x 1,034,120) / 1,000 = 1,027,648.
        var r = NewEstimator().EstimateMarket(Ladder(), 0, Side.Buy, 1_000);

        Assert.That((r.FilledQuantity, r.ModelledQuantity, r.LevelsConsumed, r.InsufficientLiquidity), Is.EqualTo((600L, 400L, 3, true)));
        Assert.That(r.AveragePriceSubTicks, Is.EqualTo(1_027_648));
    }

    [Test]
    public void EstimateMarket_PerInstrumentEntry_UsesItsModel()
    {
        var options = s_model with { Instruments = [new SlippageInstrumentOptions { InstrumentId = 2, DailyVolatilityBps = 400 }] };
        var estimator = NewEstimator(options);
        var book = Book(Quote(99, 100, 101, 100));

        var defaulted = estimator.EstimateMarket(book, 1, Side.Buy, 200);
        var overridden = estimator.EstimateMarket(book, 2, Side.Buy, 200);

        // Twice the volatility, twice the move: 4,040 sub-ticks, average 1,012,020.
        Assert.That((defaulted.AveragePriceSubTicks, overridden.AveragePriceSubTicks), Is.EqualTo((1_011_010L, 1_012_020L)));
    }

    [Test]
    public void EstimateMarket_ZeroCoefficient_ModelsAtTheLastPrice()
    {
        var options = new SlippageOptions { Defaults = new ImpactModelOptions { ImpactCoefficientMilli = 0 } };
        var book = Book(Quote(99, 100, 101, 100));

        var r = NewEstimator(options).EstimateMarket(book, 0, Side.Buy, 1_000);

        Assert.That((r.ModelledQuantity, r.AveragePriceSubTicks, r.SlippageVsTouchCentiBps), Is.EqualTo((900L, 1_010_000L, 0L)));
    }

    [Test]
    public void EstimateMarket_HugeImpact_IsCappedAndASellNeverGoesBelowZero()
    {
        // Coefficient 10 x volatility 100% x sqrt(1e6) = 10,000 times the price: capped at 100 times.
        var options = new SlippageOptions { Defaults = new ImpactModelOptions { ImpactCoefficientMilli = 10_000, DailyVolatilityBps = 10_000, AverageDailyVolume = 1 } };
        var estimator = NewEstimator(options);
        var book = Book(Quote(100, 1, 100, 1));

        var buy = estimator.EstimateMarket(book, 0, Side.Buy, 1_000_001);
        var sell = estimator.EstimateMarket(book, 0, Side.Sell, 1_000_001);

        // Buy: 1 at 1,000,000 and 1,000,000 at 101 x 1,000,000 sub-ticks; sell: the rest at 0.
        Assert.That(buy.AveragePriceSubTicks, Is.EqualTo(100_999_901));
        Assert.That(sell.AveragePriceSubTicks, Is.Zero);
        Assert.That(sell.SlippageVsTouchCentiBps, Is.EqualTo(SlippageResult.CentiBpsPerUnit));
    }

    [TestCase(0L)]
    [TestCase(-5L)]
    [TestCase(SlippageEstimator.MaxQuantity + 1)]
    public void EstimateMarket_QuantityOutOfRange_ReturnsTheEmptyResult(long quantity)
    {
        Assert.That(NewEstimator().EstimateMarket(Ladder(), 0, Side.Buy, quantity), Is.EqualTo(default(SlippageResult)));
    }

    [Test]
    public void EstimateMarket_MaxQuantity_IsPriced()
    {
        var r = NewEstimator().EstimateMarket(Ladder(), 0, Side.Buy, SlippageEstimator.MaxQuantity);

        Assert.That((r.IsPriced, r.ModelledQuantity), Is.EqualTo((true, SlippageEstimator.MaxQuantity - 600)));
    }

    [TestCase(Side.None, 0)]
    [TestCase(Side.Buy, -1)]
    [TestCase(Side.Buy, 4)]
    public void EstimateMarket_BadSideOrInstrument_ReturnsTheEmptyResult(Side side, int instrumentId)
    {
        Assert.That(NewEstimator().EstimateMarket(Ladder(), instrumentId, side, 10), Is.EqualTo(default(SlippageResult)));
    }

    [TestCase(0L)]
    [TestCase(SlippageEstimator.MaxPriceTicks + 1)]
    public void EstimateLimit_LimitOutOfRange_ReturnsTheEmptyResult(long limit)
    {
        Assert.That(NewEstimator().EstimateLimit(Ladder(), 0, Side.Sell, 10, limit), Is.EqualTo(default(SlippageResult)));
    }

    [Test]
    public void EstimateMarket_LevelPricedOutOfRange_EndsTheDisplayedDepth()
    {
        var book = Book(LevelSet(Side.Sell, 101, 100), LevelSet(Side.Sell, SlippageEstimator.MaxPriceTicks + 1, 100));

        var r = NewEstimator().EstimateMarket(book, 0, Side.Buy, 150);

        Assert.That((r.FilledQuantity, r.ModelledQuantity, r.LevelsConsumed, r.InsufficientLiquidity), Is.EqualTo((100L, 50L, 1, true)));
    }

    [Test]
    public void Constructor_EntryWithoutABook_Throws()
    {
        var options = new SlippageOptions { Instruments = [new SlippageInstrumentOptions { InstrumentId = 4 }] };

        Assert.That(() => NewEstimator(options), Throws.ArgumentException.With.Message.Contains("slippage.instruments[0].instrumentId: 4 is outside 0..3"));
    }

    [Test]
    public void Constructor_InvalidOptions_ThrowsWithTheKeyPath()
    {
        var options = new SlippageOptions { Defaults = new ImpactModelOptions { AverageDailyVolume = 0 } };

        Assert.That(() => NewEstimator(options), Throws.ArgumentException.With.Message.Contains("slippage.defaults.averageDailyVolume: 0"));
    }

    [Test]
    public void Estimate_WarmedUpMixOfOrders_AllocatesNothing()
    {
        var estimator = NewEstimator();
        var ladder = Ladder();
        var quote = Book(Quote(99, 100, 101, 100));
        long sink = RunMix(estimator, ladder, quote, rounds: 1_000);

        long before = GC.GetAllocatedBytesForCurrentThread();
        sink += RunMix(estimator, ladder, quote, rounds: 20_000);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.That(after - before, Is.Zero);
        Assert.That(sink, Is.Positive);
    }

    private static long RunMix(SlippageEstimator estimator, OrderBook ladder, OrderBook quote, int rounds)
    {
        long sum = 0;
        for (int round = 0; round < rounds; round++)
        {
            long quantity = 1 + (round % 1_200);
            sum += estimator.EstimateMarket(ladder, 0, Side.Buy, quantity).AveragePriceSubTicks;
            sum += estimator.EstimateMarket(quote, 1, Side.Sell, quantity).AveragePriceSubTicks;
            sum += estimator.EstimateLimit(ladder, 2, Side.Sell, quantity, 98).SlippageVsMidCentiBps;
        }
        return sum;
    }

    [TestCase(1L, 100L, 100_000_000UL)]
    [TestCase(2L, 1L, 1_414_213_563UL)]
    [TestCase(20L, 1L, 4_472_136_000UL)]
    [TestCase(1_000_000_000_000L, 1L, 1_000_000_000_000_000UL)]
    [TestCase(1L, 3L, 577_350_270UL)]
    public void SqrtRatioBillionths_Ratio_IsTheRootRoundedUpInItsScale(long quantity, long adv, ulong expected)
    {
        // sqrt(2) = 1.41421356237, sqrt(20) = 4.4721359550 (1e-6 steps above 18.4), sqrt(1/3) = 0.5773502692.
        Assert.That(SlippageEstimator.SqrtRatioBillionths(quantity, adv), Is.EqualTo(expected));
    }
}
