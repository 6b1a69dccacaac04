namespace Engine.Positions;

/// <summary>Why a monitor asks to close a position.</summary>
public enum ClosingReason : byte
{
    /// <summary>Not set.</summary>
    None,

    /// <summary>The loss reached the static stop-loss.</summary>
    StopLoss,

    /// <summary>The mark fell back from the best price since entry by the trailing offset.</summary>
    TrailingStop,
}
