using Feeds;

namespace Engine.Risk;

/// <summary>What the risk engine knows of one instrument's orders: open quantities and the last trade (the position is the <see cref="Engine.Positions.PositionTable"/>'s).</summary>
/// <remarks>A mutable struct kept in the engine's array and changed in place through <c>ref</c>; callers get copies.</remarks>
public struct InstrumentExposure
{
    /// <summary>Unfilled quantity of open buy orders.</summary>
    public long OpenBuyQuantity { readonly get; internal set; }

    /// <summary>Unfilled quantity of open sell orders.</summary>
    public long OpenSellQuantity { readonly get; internal set; }

    /// <summary>Open orders of this instrument.</summary>
    public int OpenOrders { readonly get; internal set; }

    /// <summary>The last trade price in ticks (0: none yet).</summary>
    public long LastTradeTicks { readonly get; internal set; }

    /// <summary>Whether <paramref name="quantity"/> on <paramref name="side"/>, with the open orders on that side, only reduces <paramref name="position"/>.</summary>
    public readonly bool Reduces(long position, Side side, long quantity) => side switch
    {
        Side.Buy => position < 0 && quantity > 0 && quantity <= -position - OpenBuyQuantity,
        Side.Sell => position > 0 && quantity > 0 && quantity <= position - OpenSellQuantity,
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
