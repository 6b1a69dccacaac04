namespace Engine.Risk;

/// <summary>Why <see cref="RiskEngine.Check"/> refused an intent: one value per check and sub-reason, in check order (a later label in metrics).</summary>
public enum RiskRejectReason : byte
{
    /// <summary>Approved: no check failed.</summary>
    None,

    /// <summary>Check 1: the kill switch is engaged.</summary>
    KillSwitch,

    /// <summary>Check 1: the circuit breaker is open or waiting to reset.</summary>
    BreakerOpen,

    /// <summary>Check 1: the breaker is half-open and the order is larger than its probe limit.</summary>
    NotAProbe,

    /// <summary>Check 1: the breaker is half-open and its probe order is already out.</summary>
    ProbeInFlight,

    /// <summary>Check 1: the trading state is reducing and the order does not reduce the position.</summary>
    ReducingOnly,

    /// <summary>Check 2: the instrument id has no risk limits.</summary>
    UnknownInstrument,

    /// <summary>Check 2: the instrument is configured as not tradable.</summary>
    NotTradable,

    /// <summary>Check 2: the side is neither buy nor sell.</summary>
    InvalidSide,

    /// <summary>Check 2: the order type is not set.</summary>
    InvalidOrderType,

    /// <summary>Check 2: the time in force is not set or not allowed for the order type.</summary>
    InvalidTimeInForce,

    /// <summary>Check 2: the quantity is not positive.</summary>
    InvalidQuantity,

    /// <summary>Check 2: the quantity is not a multiple of the lot size.</summary>
    QuantityNotLotMultiple,

    /// <summary>Check 2: a price the order type needs is missing or not positive.</summary>
    MissingPrice,

    /// <summary>Check 2: the order carries a price its type does not use.</summary>
    UnexpectedPrice,

    /// <summary>Check 2: a price is not a multiple of the minimum price increment.</summary>
    PriceOffTick,

    /// <summary>Check 2: a price has more decimals than the sub-penny rule allows.</summary>
    SubPenny,

    /// <summary>Check 3: no mid or last trade to collar the price or value the order against.</summary>
    NoReferencePrice,

    /// <summary>Check 3: the limit or stop price is further from the reference price than the collar.</summary>
    PriceOutsideCollar,

    /// <summary>Check 4: the quantity is above the maximum per order.</summary>
    MaxOrderQuantity,

    /// <summary>Check 4: the notional is above the maximum per order.</summary>
    MaxOrderNotional,

    /// <summary>Check 5: the position, with this and all open orders on its side filled, would pass the limit.</summary>
    PositionLimit,

    /// <summary>Check 6: the gross notional exposure, with this and all open orders filled, would pass the limit.</summary>
    GrossExposure,

    /// <summary>Check 7: the number of open orders is at the maximum.</summary>
    MaxOpenOrders,

    /// <summary>Check 7: the number of instruments with a position or open orders is at the maximum.</summary>
    MaxOpenPositions,

    /// <summary>Check 8: the submit token bucket is empty.</summary>
    SubmitRate,

    /// <summary>Check 8: the cancel/modify token bucket is empty.</summary>
    CancelRate,

    /// <summary>Check 9: the book has nothing a market order could fill against.</summary>
    NoLiquidity,

    /// <summary>Check 9: the estimated slippage is above the maximum.</summary>
    Slippage,

    /// <summary>Not a check: one event produced more intents than the stage passes on per event.</summary>
    TooManyIntents,
}
