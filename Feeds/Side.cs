namespace Feeds;

/// <summary>Book side of an order, or aggressor side of a trade.</summary>
public enum Side : byte
{
    /// <summary>Not applicable or not known.</summary>
    None,

    /// <summary>Bid.</summary>
    Buy,

    /// <summary>Ask.</summary>
    Sell,
}
