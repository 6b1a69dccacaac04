namespace Engine.Book;

/// <summary>How the best bid stands against the best ask.</summary>
public enum BookCondition : byte
{
    /// <summary>Best bid below best ask, or a side is empty.</summary>
    Normal,

    /// <summary>Best bid equals best ask.</summary>
    Locked,

    /// <summary>Best bid above best ask.</summary>
    Crossed,
}
