namespace Feeds.Lobster;

/// <summary>What a LOBSTER reader made of one line.</summary>
public enum LobsterLineReason : byte
{
    /// <summary>A good data row.</summary>
    Ok,

    /// <summary>The wrong number of comma-separated fields.</summary>
    WrongFieldCount,

    /// <summary>A field that is not an integer (or, for the time, not seconds with at most 9 decimals).</summary>
    BadNumber,

    /// <summary>An event type other than 1, 2, 3, 4, 5 or 7.</summary>
    UnknownType,

    /// <summary>A direction other than 1 or -1, or a halt indicator price other than -1, 0 or 1.</summary>
    BadField,
}
