namespace Engine.Orders.Twap;

/// <summary>Which touch a limit child is priced from.</summary>
public enum TwapLimitReference : byte
{
    /// <summary>The far touch (the ask for a buy, the bid for a sell): with offset 0 a marketable limit.</summary>
    Far,

    /// <summary>The near touch (the bid for a buy, the ask for a sell): with offset 0 the child joins the queue.</summary>
    Near,
}
