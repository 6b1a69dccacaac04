namespace Engine.Venues;

/// <summary>Which venue the orders go to.</summary>
public enum VenueKind
{
    /// <summary>The simulated venue, matching against the live book (the default).</summary>
    Paper,

    /// <summary>Alpaca's Trading API (paper or live account, per <c>venues.alpaca.mode</c>).</summary>
    Alpaca,
}
