namespace Engine.Pipeline;

/// <summary>A command from outside the loop (operator, signal, admin endpoint), carried through the inbound ring so only the loop changes its state.</summary>
public enum ControlCommand : byte
{
    /// <summary>No command.</summary>
    None,

    /// <summary>Engage the kill switch.</summary>
    Kill,

    /// <summary>Engage the kill switch, cancel every open order and close every position, whatever <c>risk.breaker</c> says.</summary>
    KillAndFlatten,

    /// <summary>Release the kill switch and close the breaker: trading resumes.</summary>
    Resume,

    /// <summary>Allow only orders that reduce exposure.</summary>
    ReduceOnly,

    /// <summary>Put the limits waiting in the risk limits <see cref="Mailbox{T}"/> in force.</summary>
    ApplyRiskLimits,

    /// <summary>An operator's order (<see cref="InboundEvent.Intent"/>) through the risk checks to the venue; the answer goes to the <see cref="Admin.AdminMailbox"/>.</summary>
    PlaceOrder,

    /// <summary>An operator's cancel of the order <see cref="InboundEvent.Intent"/>'s client order id; the answer goes to the <see cref="Admin.AdminMailbox"/>.</summary>
    CancelOrder,

    /// <summary>Copy the open orders to the <see cref="Admin.AdminMailbox"/>.</summary>
    ListOrders,

    /// <summary>Cancel every open order (the ordered stop's first step); trading state unchanged.</summary>
    CancelAll,

    /// <summary>Start the TWAP parent waiting in the TWAP <see cref="Mailbox{T}"/> (refused while one is active); the answer goes to the <see cref="Admin.AdminMailbox"/>.</summary>
    StartTwap,

    /// <summary>Cancel the active TWAP parent (its working children are cancelled); the answer goes to the <see cref="Admin.AdminMailbox"/>.</summary>
    CancelTwap,

    /// <summary>Put the strategy parameters waiting in the strategy's <see cref="Mailbox{T}"/> in force (SIGHUP reload).</summary>
    ApplyStrategyParameters,
}
