namespace Engine.Risk;

/// <summary>What a manual kill asks of the order router, per <see cref="BreakerOptions"/>.</summary>
[Flags]
public enum KillRequests : byte
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Cancel every open order.</summary>
    CancelAll = 1,

    /// <summary>Close every open position.</summary>
    Flatten = 2,
}
