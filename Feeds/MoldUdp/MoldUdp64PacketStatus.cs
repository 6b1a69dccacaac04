namespace Feeds.MoldUdp;

/// <summary>What <see cref="MoldUdp64Session.Process"/> made of one packet.</summary>
public enum MoldUdp64PacketStatus : byte
{
    /// <summary>Every message new to the session was delivered (maybe after reporting a gap).</summary>
    Delivered,

    /// <summary>A heartbeat (count 0): nothing to deliver; it may still reveal a gap.</summary>
    Heartbeat,

    /// <summary>An end-of-session packet.</summary>
    EndOfSession,

    /// <summary>Every message in the packet was delivered before: skipped.</summary>
    Duplicate,

    /// <summary>Malformed: shorter than the 20-byte header.</summary>
    ShortHeader,

    /// <summary>Malformed: a message block runs past the end of the packet, or fewer blocks than the count; the whole blocks before it were delivered.</summary>
    TruncatedBlock,

    /// <summary>Malformed: bytes left after the last message block; the blocks were delivered.</summary>
    TrailingBytes,
}
