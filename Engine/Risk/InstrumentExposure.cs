using Feeds;

namespace Engine.Risk;

/// <summary>What the risk engine knows of one instrument: its signed position, open quantities and last trade.</summary>
/// <remarks>A mutable struct kept in the engine's array and changed in place through <c>ref</c>; callers get copies.</remarks>
public struct InstrumentExposure
{
    /// <summary>Signed position (positive long, negative short) from the fills reported to the engine.</summary>
    public long Position { readonly get; internal set; }

    /// <summary>Unfilled quantity of open buy orders.</summary>
    public long OpenBuyQuantity { readonly get; internal set; }

    /// <summary>Unfilled quantity of open sell orders.</summary>
    public long OpenSellQuantity { readonly get; internal set; }

    /// <summary>Open orders of this instrument.</summary>
    public int OpenOrders { readonly get; internal set; }

    /// <summary>The position valued at its last fill price, in cents.</summary>
    public long PositionExposureCents { readonly get; internal set; }

    /// <summary>The last trade price in ticks (0: none yet).</summary>
    public long LastTradeTicks { readonly get; internal set; }

    /// <summary>Whether the instrument has a position or open orders.</summary>
    public readonly bool IsEngaged => Position != 0 || OpenOrders != 0;

    /// <summary>Whether <paramref name="quantity"/> on <paramref name="side"/>, with the open orders on that side, only reduces the position.</summary>
    public readonly bool Reduces(Side side, long quantity) => side switch
    {
        Side.Buy => Position < 0 && quantity > 0 && quantity <= -Position - OpenBuyQuantity,
        Side.Sell => Position > 0 && quantity > 0 && quantity <= Position - OpenSellQuantity,
        _ => false,
    };

    /// <summary>Moves the open quantity of <paramref name="side"/>; never below 0, since a fill may be of an order the engine never saw (a position carried from before start).</summary>
    internal void AddOpen(Side side, long quantity)
    {
        if (side == Side.Buy)
        {
            OpenBuyQuantity = Math.Max(0, OpenBuyQuantity + quantity);
        }
        else
        {
            OpenSellQuantity = Math.Max(0, OpenSellQuantity + quantity);
        }
    }
}
