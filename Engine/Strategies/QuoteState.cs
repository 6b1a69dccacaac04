namespace Engine.Strategies;

/// <summary>Where one side's quote of the market maker is, as its execution reports tell.</summary>
public enum QuoteState : byte
{
    /// <summary>No order on this side.</summary>
    None,

    /// <summary>Submitted (or replacing the previous quote); the venue has not accepted it yet.</summary>
    PendingNew,

    /// <summary>Accepted and working at the venue.</summary>
    Working,

    /// <summary>A cancel is on its way.</summary>
    PendingCancel,
}
