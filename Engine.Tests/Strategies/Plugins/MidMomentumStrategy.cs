using Engine.Book;
using Engine.Orders;
using Engine.Risk;
using Engine.Strategies;
using Feeds;

namespace Engine.Tests.Strategies.Plugins;

/// <summary>
/// Follows the mid of one instrument: once it has moved <c>thresholdTicks</c> from where it last
/// acted, it takes the touch the mid moved towards with an immediate-or-cancel order (buying at the
/// best ask on a rise, selling at the best bid on a fall, each moved onto the price grid away from
/// the touch), then waits <c>cooldownEvents</c> of that
/// instrument's events. Sends only while trading is active.
/// </summary>
/// <remarks>Loop thread only; allocates nothing after construction.</remarks>
public sealed class MidMomentumStrategy(MidMomentumParameters parameters, int instruments) : IStrategy
{
    private readonly int _instruments = instruments;
    private MidMomentumParameters _parameters = parameters;
    private long _referenceSubTicks;
    private long _cooldown;

    /// <inheritdoc />
    public string Name => "MidMomentum";

    /// <summary>The parameters in force.</summary>
    public MidMomentumParameters Parameters => _parameters;

    /// <summary>Moves of the mid past the threshold (orders submitted, approved or not).</summary>
    public long Signals { get; private set; }

    /// <inheritdoc />
    public IReadOnlyList<string> CountNames => ["signals"];

    /// <inheritdoc />
    public void OnStart(StrategyContext context)
    {
    }

    /// <inheritdoc />
    public void OnMarketData(in MarketDataEvent e, StrategyContext context)
    {
        if (e.InstrumentId != _parameters.Instrument || !context.Books[e.InstrumentId].TryGetMidSubTicks(out long mid))
        {
            return;
        }
        if (_cooldown > 0)
        {
            _cooldown--;
            return;
        }
        if (_referenceSubTicks == 0)
        {
            _referenceSubTicks = mid;
            return;
        }
        long move = mid - _referenceSubTicks;
        long threshold = _parameters.ThresholdTicks * OrderBook.SubTicksPerTick;
        if (Math.Abs(move) < threshold || context.TradingState != TradingState.Active)
        {
            return;
        }
        var side = move > 0 ? Side.Buy : Side.Sell;
        if (!context.Books[e.InstrumentId].TryGetBest(side == Side.Buy ? Side.Sell : Side.Buy, out BookLevel touch))
        {
            return;
        }
        _referenceSubTicks = mid;
        _cooldown = _parameters.CooldownEvents;
        Signals++;
        // Onto the grid the checks accept, away from the touch: still marketable.
        long limit = context.RoundToPriceGrid(e.InstrumentId, touch.PriceTicks, up: side == Side.Buy);
        context.Submit(new OrderIntent(0, e.InstrumentId, side, OrderType.Limit, TimeInForce.Ioc, _parameters.Quantity, limit), out _);
    }

    /// <inheritdoc />
    public void OnExecution(in ExecutionReport report, StrategyContext context)
    {
    }

    /// <inheritdoc />
    public void OnTimer(StrategyContext context)
    {
    }

    /// <inheritdoc />
    public void OnParameters(StrategyOptions options) =>
        _parameters = MidMomentumParameters.Read(options.Plugin.Parameters, _instruments, errors: null);

    /// <inheritdoc />
    public void CopyCounts(Span<long> counts) => counts[0] = Signals;
}
