namespace Engine.Risk;

/// <summary>Human-readable text for a <see cref="RiskRejectReason"/>, for logs and operators.</summary>
/// <remarks>Off the loop thread only: it is cheap (the strings are literals) but text has no place on the hot path.</remarks>
public static class RiskMessages
{
    /// <summary>The message of <paramref name="reason"/>; an unknown value gets a message naming its number.</summary>
    public static string Describe(RiskRejectReason reason) => reason switch
    {
        RiskRejectReason.None => "no check failed.",
        RiskRejectReason.KillSwitch => "the kill switch is engaged.",
        RiskRejectReason.BreakerOpen => "the circuit breaker is open or waiting to reset.",
        RiskRejectReason.NotAProbe => "the breaker is half-open and the order is larger than its probe limit.",
        RiskRejectReason.ProbeInFlight => "the breaker is half-open and its probe order is already out.",
        RiskRejectReason.ReducingOnly => "the trading state is reducing and the order does not reduce the position.",
        RiskRejectReason.UnknownInstrument => "the instrument id has no risk limits.",
        RiskRejectReason.NotTradable => "the instrument is configured as not tradable.",
        RiskRejectReason.InvalidSide => "the side is neither buy nor sell.",
        RiskRejectReason.InvalidOrderType => "the order type is not set.",
        RiskRejectReason.InvalidTimeInForce => "the time in force is not set or not allowed for the order type.",
        RiskRejectReason.InvalidQuantity => "the quantity is not positive.",
        RiskRejectReason.QuantityNotLotMultiple => "the quantity is not a multiple of the lot size.",
        RiskRejectReason.MissingPrice => "a price the order type needs is missing or not positive.",
        RiskRejectReason.UnexpectedPrice => "the order carries a price its type does not use.",
        RiskRejectReason.PriceOffTick => "a price is not a multiple of the minimum price increment.",
        RiskRejectReason.SubPenny => "a price has more decimals than the sub-penny rule allows.",
        RiskRejectReason.NoReferencePrice => "no mid or last trade to collar the price or value the order against.",
        RiskRejectReason.PriceOutsideCollar => "the limit or stop price is further from the reference price than the collar.",
        RiskRejectReason.MaxOrderQuantity => "the quantity is above the maximum per order.",
        RiskRejectReason.MaxOrderNotional => "the notional is above the maximum per order.",
        RiskRejectReason.PositionLimit => "the position, with this and all open orders on its side filled, would pass the limit.",
        RiskRejectReason.GrossExposure => "the gross notional exposure, with this and all open orders filled, would pass the limit.",
        RiskRejectReason.MaxOpenOrders => "the number of open orders is at the maximum.",
        RiskRejectReason.MaxOpenPositions => "the number of instruments with a position or open orders is at the maximum.",
        RiskRejectReason.SubmitRate => "the submit token bucket is empty.",
        RiskRejectReason.CancelRate => "the cancel/modify token bucket is empty.",
        RiskRejectReason.NoLiquidity => "the book has nothing a market order could fill against.",
        RiskRejectReason.Slippage => "the estimated slippage is above the maximum.",
        RiskRejectReason.TooManyIntents => "one event produced more intents than the risk stage passes on per event.",
        _ => $"unknown risk reject reason {(int)reason}",
    };
}
