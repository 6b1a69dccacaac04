using Feeds;

namespace Engine.Risk;

/// <summary>Check 2: the order is well formed for its instrument (side, type, time in force, quantity, prices).</summary>
internal static class OrderValidity
{
    // Allowed time-in-force values per order type, one bit per TimeInForce value (US equities practice:
    // auction TIFs only for market and limit orders, stops work through the day or until cancelled).
    private const int Any = (1 << (int)TimeInForce.Day) | (1 << (int)TimeInForce.Gtc) | (1 << (int)TimeInForce.Ioc)
        | (1 << (int)TimeInForce.Fok) | (1 << (int)TimeInForce.Opg) | (1 << (int)TimeInForce.Cls);
    private const int DayOrGtc = (1 << (int)TimeInForce.Day) | (1 << (int)TimeInForce.Gtc);

    public static RiskRejectReason Check(in OrderIntent intent, in InstrumentRules rules)
    {
        if (!rules.Tradable)
        {
            return RiskRejectReason.NotTradable;
        }
        if (intent.Side is not (Side.Buy or Side.Sell))
        {
            return RiskRejectReason.InvalidSide;
        }
        int allowed = intent.Type switch
        {
            OrderType.Market or OrderType.Limit => Any,
            OrderType.Stop or OrderType.StopLimit or OrderType.TrailingStop => DayOrGtc,
            _ => -1,
        };
        if (allowed < 0)
        {
            return RiskRejectReason.InvalidOrderType;
        }
        if ((uint)intent.TimeInForce > (uint)TimeInForce.Cls || (allowed & (1 << (int)intent.TimeInForce)) == 0)
        {
            return RiskRejectReason.InvalidTimeInForce;
        }
        if (intent.Quantity <= 0)
        {
            return RiskRejectReason.InvalidQuantity;
        }
        if (rules.LotSize != 1 && intent.Quantity % rules.LotSize != 0)
        {
            return RiskRejectReason.QuantityNotLotMultiple;
        }
        return CheckPrices(in intent, in rules);
    }

    private static RiskRejectReason CheckPrices(in OrderIntent intent, in InstrumentRules rules)
    {
        bool needsLimit = intent.Type is OrderType.Limit or OrderType.StopLimit;
        bool needsStop = intent.Type is OrderType.Stop or OrderType.StopLimit;
        bool needsTrail = intent.Type == OrderType.TrailingStop;
        if ((needsLimit && intent.LimitPriceTicks <= 0) || (needsStop && intent.StopPriceTicks <= 0) || (needsTrail && intent.TrailTicks <= 0))
        {
            return RiskRejectReason.MissingPrice;
        }
        if ((!needsLimit && intent.LimitPriceTicks != 0) || (!needsStop && intent.StopPriceTicks != 0) || (!needsTrail && intent.TrailTicks != 0))
        {
            return RiskRejectReason.UnexpectedPrice;
        }
        RiskRejectReason reason = needsLimit ? rules.CheckPriceGrid(intent.LimitPriceTicks) : RiskRejectReason.None;
        if (reason == RiskRejectReason.None && needsStop)
        {
            reason = rules.CheckPriceGrid(intent.StopPriceTicks);
        }
        if (reason == RiskRejectReason.None && needsTrail && intent.TrailTicks % rules.MinPriceIncrementTicks != 0)
        {
            reason = RiskRejectReason.PriceOffTick;
        }
        return reason;
    }
}
