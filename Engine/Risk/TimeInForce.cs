namespace Engine.Risk;

/// <summary>How long an order may work.</summary>
public enum TimeInForce : byte
{
    /// <summary>Not set: invalid.</summary>
    None,

    /// <summary>Until the end of the trading day.</summary>
    Day,

    /// <summary>Until cancelled.</summary>
    Gtc,

    /// <summary>Immediate or cancel: fill what can be filled now, cancel the rest.</summary>
    Ioc,

    /// <summary>Fill or kill: fill all now or nothing.</summary>
    Fok,

    /// <summary>At the opening auction.</summary>
    Opg,

    /// <summary>At the closing auction.</summary>
    Cls,
}
