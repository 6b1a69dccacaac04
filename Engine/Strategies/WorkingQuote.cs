namespace Engine.Strategies;

/// <summary>One side of one instrument of the market maker: its current order and the one it replaced.</summary>
/// <remarks>A mutable struct in the strategy's per-instrument arrays, changed in place on the loop thread.</remarks>
public struct WorkingQuote
{
    /// <summary>Client order id of the current quote (0: none).</summary>
    public long ClientOrderId { readonly get; internal set; }

    /// <summary>Its limit price in ticks.</summary>
    public long PriceTicks { readonly get; internal set; }

    /// <summary>Its quantity still working.</summary>
    public long LeavesQuantity { readonly get; internal set; }

    /// <summary>Where it is.</summary>
    public QuoteState State { readonly get; internal set; }

    /// <summary>The order it replaced, until the venue confirms the old one's end (0: none).</summary>
    public long ReplacedClientOrderId { readonly get; internal set; }

    /// <summary>When this side last submitted anything (new, replace, cancel; approved or not), Unix ns.</summary>
    public long LastSubmitNs { readonly get; internal set; }

    /// <summary>The strategy's event number when the current quote was submitted, to tell whether the router has had its turn since.</summary>
    internal long SubmittedAtEvent { get; set; }

    /// <summary>Whether the current quote has been seen sent (in the router's order table, or in a report).</summary>
    internal bool Seen { get; set; }

    /// <summary>Forgets the current quote (it ended, or never left); keeps the replaced order and the submit time.</summary>
    internal void Clear()
    {
        ClientOrderId = 0;
        PriceTicks = 0;
        LeavesQuantity = 0;
        State = QuoteState.None;
        Seen = false;
    }
}
