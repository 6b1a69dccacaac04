namespace Feeds.Itch;

/// <summary>The message types of NASDAQ TotalView-ITCH 5.0; each value is the type byte on the wire.</summary>
public enum ItchMessageType : byte
{
    /// <summary>System Event ('S'): start and end of messages, hours and market.</summary>
    SystemEvent = (byte)'S',

    /// <summary>Stock Directory ('R'): a stock's locate code, symbol and attributes.</summary>
    StockDirectory = (byte)'R',

    /// <summary>Stock Trading Action ('H'): halted, paused, quotation only or trading.</summary>
    StockTradingAction = (byte)'H',

    /// <summary>Reg SHO Short Sale Price Test Restriction ('Y').</summary>
    RegShoRestriction = (byte)'Y',

    /// <summary>Market Participant Position ('L').</summary>
    MarketParticipantPosition = (byte)'L',

    /// <summary>MWCB Decline Level ('V').</summary>
    MwcbDeclineLevel = (byte)'V',

    /// <summary>MWCB Status ('W').</summary>
    MwcbStatus = (byte)'W',

    /// <summary>IPO Quoting Period Update ('K').</summary>
    IpoQuotingPeriodUpdate = (byte)'K',

    /// <summary>LULD Auction Collar ('J').</summary>
    LuldAuctionCollar = (byte)'J',

    /// <summary>Operational Halt ('h').</summary>
    OperationalHalt = (byte)'h',

    /// <summary>Add Order without MPID attribution ('A').</summary>
    AddOrder = (byte)'A',

    /// <summary>Add Order with MPID attribution ('F').</summary>
    AddOrderWithMpid = (byte)'F',

    /// <summary>Order Executed ('E'), at the order's own price.</summary>
    OrderExecuted = (byte)'E',

    /// <summary>Order Executed With Price ('C'), at a price different from the order's.</summary>
    OrderExecutedWithPrice = (byte)'C',

    /// <summary>Order Cancel ('X'): part of an order's shares cancelled.</summary>
    OrderCancel = (byte)'X',

    /// <summary>Order Delete ('D'): the whole order removed.</summary>
    OrderDelete = (byte)'D',

    /// <summary>Order Replace ('U'): an order replaced by a new one with a new reference.</summary>
    OrderReplace = (byte)'U',

    /// <summary>Trade, non-cross ('P'): an execution against a non-displayed order.</summary>
    Trade = (byte)'P',

    /// <summary>Cross Trade ('Q'): the opening, closing, IPO or halt cross.</summary>
    CrossTrade = (byte)'Q',

    /// <summary>Broken Trade ('B'): an execution broken after the fact.</summary>
    BrokenTrade = (byte)'B',

    /// <summary>Net Order Imbalance Indicator ('I').</summary>
    NetOrderImbalance = (byte)'I',

    /// <summary>Retail Price Improvement Indicator ('N').</summary>
    RetailPriceImprovement = (byte)'N',

    /// <summary>Direct Listing with Capital Raise price discovery ('O').</summary>
    DirectListingCapitalRaise = (byte)'O',
}
