namespace Engine.Positions;

/// <summary>How a trailing stop keeps its distance from the best price since entry.</summary>
public enum TrailingStopMode
{
    /// <summary>No trailing stop.</summary>
    Off,

    /// <summary>A fraction of the best price, in basis points.</summary>
    Percent,

    /// <summary>A fixed number of ticks.</summary>
    Absolute,
}
